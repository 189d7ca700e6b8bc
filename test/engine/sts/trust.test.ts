// Who may assume a role: the trust policy, the caller's side, and the Principal forms (docs/decisions.md#same-vs-cross-account).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call, World } from '../../../src/engine/index.js';
import {
  allow,
  assume,
  brief,
  deny,
  DEV,
  last,
  MGMT,
  ORG_ID,
  policy,
  PROD,
  role,
  roleArn,
  sessionArn,
  trusts,
  user,
  userArn,
  world,
} from './worlds.js';

const ASSUME_ANY = policy(allow('sts:AssumeRole'));
const target = (account: string) => roleArn(account, 'Target');
const denied = (caller: string, arn: string) => ({
  outcome: 'error',
  code: 'AccessDenied',
  message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
});

/** alice in DEV (identity policy optional), role Target in `account` trusting `principal`. */
function trustWorld(
  account: string,
  principal: unknown,
  identity: boolean,
  over: Partial<World> = {},
): World {
  return world({
    users: [user('alice', DEV, identity ? { policies: [ASSUME_ANY] } : {})],
    roles: [role('Target', account, [trusts(principal)])],
    ...over,
  });
}

describe('cross-account needs both the trust policy and the caller’s identity policy (docs/decisions.md#same-vs-cross-account) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html', () => {
  it.each([
    // [trust names, identity policy allows, outcome]
    ['the account', true, 'success'],
    ['the account', false, 'error'],
    ['the user ARN', true, 'success'],
    ['the user ARN', false, 'error'],
  ])('trust names %s, identity allows: %s → %s', (names, identity, outcome) => {
    const principal =
      names === 'the account' ? { AWS: `arn:aws:iam::${DEV}:root` } : { AWS: userArn(DEV, 'alice') };
    const r = last(trustWorld(PROD, principal, identity), [assume('user/alice', target(PROD))]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(brief(r)).toEqual(denied(userArn(DEV, 'alice'), target(PROD)));
  });

  it('negative: the identity policy alone is not enough when the trust policy names someone else', () => {
    const r = last(trustWorld(PROD, { AWS: `arn:aws:iam::${PROD}:root` }, true), [
      assume('user/alice', target(PROD)),
    ]);
    expect(brief(r)).toEqual(denied(userArn(DEV, 'alice'), target(PROD)));
  });
});

describe('same account: naming the user ARN needs no identity policy; naming the account does (docs/decisions.md#same-vs-cross-account) — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', () => {
  it.each([
    ['the user ARN', false, 'success'],
    ['the user ARN', true, 'success'],
    ['the account :root ARN', false, 'error'],
    ['the account :root ARN', true, 'success'],
    ['the bare account id', false, 'error'],
    ['the bare account id', true, 'success'],
  ])('trust names %s, identity allows: %s → %s', (names, identity, outcome) => {
    const principal =
      names === 'the user ARN'
        ? { AWS: userArn(DEV, 'alice') }
        : names === 'the bare account id'
          ? { AWS: DEV }
          : { AWS: `arn:aws:iam::${DEV}:root` };
    const r = last(trustWorld(DEV, principal, identity), [assume('user/alice', target(DEV))]);
    expect(r.outcome).toBe(outcome);
  });
});

describe('an explicit Deny in identity policy, permissions boundary or SCP wins over the trust policy — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html', () => {
  const org = (scpAccounts: string[]) => ({
    id: ORG_ID,
    accounts: [DEV, PROD],
    management: MGMT,
    scps: [{ name: 'NoAssume', accounts: scpAccounts, policy: policy(deny('sts:AssumeRole')) }],
  });
  it.each<[string, World]>([
    [
      'identity policy Deny',
      world({
        users: [user('alice', DEV, { policies: [ASSUME_ANY, policy(deny('sts:AssumeRole'))] })],
        roles: [role('Target', DEV, [trusts({ AWS: userArn(DEV, 'alice') })])],
      }),
    ],
    [
      'permissions boundary Deny',
      world({
        users: [
          user('alice', DEV, {
            policies: [ASSUME_ANY],
            permissionsBoundary: policy(allow('*'), deny('sts:AssumeRole')),
          }),
        ],
        roles: [role('Target', DEV, [trusts({ AWS: userArn(DEV, 'alice') })])],
      }),
    ],
    [
      'SCP Deny on the caller’s member account',
      world({
        organization: org([DEV]),
        users: [user('alice', DEV, { policies: [ASSUME_ANY] })],
        roles: [role('Target', DEV, [trusts({ AWS: userArn(DEV, 'alice') })])],
      }),
    ],
  ])('%s → AccessDenied even though the trust policy names alice', (_n, w) => {
    const r = last(w, [assume('user/alice', target(DEV))]);
    expect(brief(r)).toEqual(denied(userArn(DEV, 'alice'), target(DEV)));
    const authz = r.trace.find((c) => c.id === 'authorize.sts:AssumeRole');
    expect(authz?.decision?.decision).toBe('ExplicitlyDenied');
  });

  it('negative: an SCP never applies to the management account (and the world gets a warning)', () => {
    const w = world({
      organization: org([MGMT]),
      users: [user('alice', MGMT, { policies: [ASSUME_ANY] })],
      roles: [role('Target', MGMT, [trusts({ AWS: userArn(MGMT, 'alice') })])],
    });
    const engine = createEngine(w);
    expect(engine.call(assume('user/alice', target(MGMT))).outcome).toBe('success');
    expect(engine.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', path: ['organization', 'scps', 0, 'accounts'] }),
    );
  });

  it('negative: an SCP on another member account does not affect alice', () => {
    const w = world({
      organization: org([PROD]),
      users: [user('alice', DEV, { policies: [ASSUME_ANY] })],
      roles: [role('Target', DEV, [trusts({ AWS: userArn(DEV, 'alice') })])],
    });
    expect(last(w, [assume('user/alice', target(DEV))]).outcome).toBe('success');
  });
});

describe('a role that does not exist gives the ordinary AccessDenied (docs/decisions.md#error-messages)', () => {
  it.each([[roleArn(DEV, 'Ghost')], [roleArn(PROD, 'Target')], [roleArn(DEV, 'Target', '/wrong/path/')]])(
    '%s',
    (arn) => {
      const w = trustWorld(DEV, { AWS: DEV }, true);
      const r = last(w, [assume('user/alice', arn)]);
      expect(brief(r)).toEqual(denied(userArn(DEV, 'alice'), arn));
      expect(r.trace.at(-1)).toMatchObject({ id: 'role.exists', ok: false });
    },
  );

  it('negative: the role’s own path in the ARN finds it', () => {
    const w = world({
      users: [user('alice', DEV, { policies: [ASSUME_ANY] })],
      roles: [role('Target', DEV, [trusts({ AWS: DEV })], { path: '/team/' })],
    });
    expect(last(w, [assume('user/alice', roleArn(DEV, 'Target', '/team/'))]).outcome).toBe('success');
  });
});

describe('role self-assumption needs the role in its own trust policy — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html', () => {
  it.each([
    ['trust names only the user', [trusts({ AWS: userArn(DEV, 'alice') })], 'error'],
    [
      'trust also names the role itself',
      [trusts({ AWS: [userArn(DEV, 'alice'), roleArn(DEV, 'Self')] })],
      'success',
    ],
  ])('%s → %s', (_n, trust, outcome) => {
    // Given a role whose own policy allows sts:AssumeRole on everything
    const w = world({
      users: [user('alice', DEV)],
      roles: [role('Self', DEV, trust, { policies: [ASSUME_ANY] })],
    });
    // When its session assumes the same role again
    const r = last(w, [
      ['s', assume('user/alice', roleArn(DEV, 'Self'))],
      assume('$s', roleArn(DEV, 'Self')),
    ]);
    expect(r.outcome).toBe(outcome);
  });
});

describe('Principal forms in a trust policy (docs/decisions.md#web-identity-providers) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html', () => {
  // Caller is a session of role Hop (in DEV), session name `hop`; Hop's policy allows sts:AssumeRole.
  const hopWorld = (principal: unknown, over: Partial<World> = {}) =>
    world({
      users: [user('alice', DEV, { policies: [ASSUME_ANY] })],
      roles: [
        role('Hop', DEV, [trusts({ AWS: DEV })], { policies: [ASSUME_ANY] }),
        role('Target', PROD, [trusts(principal)]),
      ],
      ...over,
    });
  const viaHop = (session = 'hop'): ([string, Call] | Call)[] => [
    ['h', assume('user/alice', roleArn(DEV, 'Hop'), { RoleSessionName: session })],
    assume('$h', target(PROD)),
  ];
  it.each<[string, unknown, string, string]>([
    ['account id', { AWS: DEV }, 'hop', 'success'],
    ['account :root ARN', { AWS: `arn:aws:iam::${DEV}:root` }, 'hop', 'success'],
    ['another account', { AWS: PROD }, 'hop', 'error'],
    ['the role ARN: any session of the role', { AWS: roleArn(DEV, 'Hop') }, 'other-session', 'success'],
    ['the session ARN: that session', { AWS: sessionArn(DEV, 'Hop', 'hop') }, 'hop', 'success'],
    ['the session ARN: another session', { AWS: sessionArn(DEV, 'Hop', 'hop') }, 'other-session', 'error'],
    ['a user ARN does not match a role session', { AWS: userArn(DEV, 'alice') }, 'hop', 'error'],
    ['a list of principals is OR', { AWS: [PROD, roleArn(DEV, 'Hop')] }, 'hop', 'success'],
  ])('%s → %s', (_n, principal, session, outcome) => {
    expect(last(hopWorld(principal), viaHop(session)).outcome).toBe(outcome);
  });

  it.each<[string, unknown, string]>([
    ['Service matching the calling service', { Service: 'ecs-tasks.amazonaws.com' }, 'success'],
    ['Service naming another service', { Service: 'lambda.amazonaws.com' }, 'error'],
    ['an AWS principal does not match a service', { AWS: DEV }, 'error'],
  ])('service caller, %s → %s', (_n, principal, outcome) => {
    const w = world({ roles: [role('Task', DEV, [trusts(principal)])] });
    expect(last(w, [assume('service/ecs-tasks.amazonaws.com', roleArn(DEV, 'Task'))]).outcome).toBe(outcome);
  });

  it.each([
    ['inside the organization', DEV, 'success'],
    ['outside the organization', '333333333333', 'error'],
  ])('`*` fenced by aws:PrincipalOrgID: a caller %s → %s', (_n, account, outcome) => {
    const w = world({
      organization: { id: ORG_ID, accounts: [DEV, PROD] },
      users: [user('alice', account, { policies: [ASSUME_ANY] })],
      roles: [
        role('Target', PROD, [
          trusts('*', 'sts:AssumeRole', { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } }),
        ]),
      ],
    });
    expect(last(w, [assume('user/alice', target(PROD))]).outcome).toBe(outcome);
  });

  it('`*` without a condition is valid but the world reports a warning (docs/decisions.md#wildcard-trust-principal)', () => {
    const w = world({
      users: [user('alice', DEV, { policies: [ASSUME_ANY] })],
      roles: [role('Target', PROD, [trusts('*')])],
    });
    const engine = createEngine(w);
    expect(engine.problems).toEqual([
      expect.objectContaining({ severity: 'warning', path: ['roles', 0, 'trust', 'Statement', 0] }),
    ]);
    expect(engine.call(assume('user/alice', target(PROD))).outcome).toBe('success');
  });
});
