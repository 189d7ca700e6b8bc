/**
 * World builders for the STS engine tests: small, explicit worlds written the
 * way a scenario author would (FORMAT.md's `world:`), plus helpers to run a
 * sequence of calls through the public API only.
 */
import { createEngine } from '../../../src/engine/index.js';
import type { Call, CallResult, Engine, World } from '../../../src/engine/index.js';

export const DEV = '111111111111';
export const PROD = '222222222222';
export const MGMT = '999999999999';
export const ORG_ID = 'o-a1b2c3d4e5';
export const START = '2026-01-15T09:00:00.000Z';

type Statement = Record<string, unknown>;
/** A policy document as the world schema types it. */
export type Policy = NonNullable<World['roles']>[number]['trust'];

/** A policy document from statements (statements are loose records: tests also build malformed ones). */
export const policy = (...Statement: Statement[]): Policy => ({ Version: '2012-10-17', Statement }) as Policy;
export const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Statement = {},
) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
export const deny = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Statement = {},
) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
/** A trust statement: `Principal` allowed `Action` (default sts:AssumeRole), optional Condition. */
export const trusts = (
  Principal: unknown,
  Action: string | string[] = 'sts:AssumeRole',
  Condition?: Record<string, unknown>,
): Statement => ({ Effect: 'Allow', Principal, Action, ...(Condition ? { Condition } : {}) });

export const roleArn = (account: string, name: string, path = '/') =>
  `arn:aws:iam::${account}:role${path}${name}`;
export const userArn = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
export const sessionArn = (account: string, role: string, session: string) =>
  `arn:aws:sts::${account}:assumed-role/${role}/${session}`;

export type RoleSpec = NonNullable<World['roles']>[number];
export type UserSpec = NonNullable<World['users']>[number];

export const user = (name: string, account: string, over: Partial<UserSpec> = {}): UserSpec => ({
  name,
  account,
  ...over,
});
export const role = (
  name: string,
  account: string,
  trust: Statement[],
  over: Partial<RoleSpec> = {},
): RoleSpec => ({
  name,
  account,
  trust: policy(...trust),
  ...over,
});

/** Builds a world; `start` defaults to START. */
export function world(parts: Partial<World>): World {
  return { start: START, ...parts } as World;
}

/**
 * The basic same-account world: alice (MFA, may assume anything) and bob (no
 * policies) in DEV; role `App` in DEV trusting the DEV account.
 */
export function basicWorld(over: Partial<World> = {}): World {
  return world({
    users: [
      user('alice', DEV, { mfa: true, tags: { team: 'blue' }, policies: [policy(allow(['sts:*', 's3:*']))] }),
      user('bob', DEV),
    ],
    roles: [
      role(
        'App',
        DEV,
        [
          trusts({ AWS: `arn:aws:iam::${DEV}:root` }, [
            'sts:AssumeRole',
            'sts:TagSession',
            'sts:SetSourceIdentity',
          ]),
        ],
        { policies: [policy(allow(['sts:*', 's3:*']))] },
      ),
    ],
    ...over,
  });
}

/** An AssumeRole call. */
export const assume = (
  as: string,
  arn: string,
  params: Record<string, unknown> = {},
  extra: Partial<Call> = {},
): Call => ({
  api: 'AssumeRole',
  as,
  params: { RoleArn: arn, RoleSessionName: 'test-session', ...params },
  ...extra,
});
export const whoami = (as: string): Call => ({ api: 'GetCallerIdentity', as });
export const req = (as: string, action: string, resource: string, context?: Call['context']): Call => ({
  api: 'Request',
  as,
  action,
  resource,
  ...(context ? { context } : {}),
});

/** Runs calls in order on a fresh engine; a step given as `[id, call]` can be used later as `$id`. */
export function run(w: World, steps: ([string, Call] | Call)[]): { engine: Engine; results: CallResult[] } {
  const engine = createEngine(w);
  const results = steps.map((s) => (Array.isArray(s) ? engine.call(s[1], { id: s[0] }) : engine.call(s)));
  return { engine, results };
}

/** The last result of a sequence. */
export function last(w: World, steps: ([string, Call] | Call)[]): CallResult {
  const { results } = run(w, steps);
  return results[results.length - 1]!;
}

/** The fields of an outcome that the tables compare. */
export const brief = (r: CallResult) => ({ outcome: r.outcome, code: r.code, message: r.message });
