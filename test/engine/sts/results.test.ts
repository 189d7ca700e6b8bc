// The shape of results, determinism, world problems, and the explanation (trace).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call, World, WorldProblemDetail } from '../../../src/engine/index.js';
import {
  allow,
  assume,
  basicWorld,
  DEV,
  last,
  policy,
  req,
  role,
  roleArn,
  run,
  trusts,
  user,
  whoami,
  world,
} from './worlds.js';

const APP = roleArn(DEV, 'App');

describe('identifiers: ASIA/AKIA keys, AROA…:session ids, assumed-role ARNs without the path (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html', () => {
  it.each<[string, Call[], RegExp, RegExp, string]>([
    [
      'AssumeRole',
      [assume('user/alice', APP)],
      /^ASIA[A-Z2-7]{16}$/,
      /^AROA[A-Z2-7]{17}:test-session$/,
      `arn:aws:sts::${DEV}:assumed-role/App/test-session`,
    ],
    [
      'GetSessionToken',
      [{ api: 'GetSessionToken', as: 'user/alice' }],
      /^ASIA[A-Z2-7]{16}$/,
      /^AIDA[A-Z2-7]{17}$/,
      `arn:aws:iam::${DEV}:user/alice`,
    ],
  ])('%s', (_n, calls, key, userId, arn) => {
    const r = last(basicWorld(), calls);
    expect(r.view?.accessKeyId).toMatch(key);
    expect(r.view?.userId).toMatch(userId);
    expect(r.view?.arn).toBe(arn);
    expect((r.response?.Credentials as { AccessKeyId: string }).AccessKeyId).toBe(r.view?.accessKeyId);
  });

  it('an IAM user signs with a long-term AKIA key of 20 characters', () => {
    const r = last(basicWorld(), [whoami('user/alice')]);
    expect(r.trace[0]?.values).toMatchObject({
      case: 'long-term',
      accessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
    });
  });

  it('GetCallerIdentity of a session counts its remaining lifetime down with the clock', () => {
    const engine = createEngine(basicWorld());
    engine.call(assume('user/alice', APP), { id: 's' });
    engine.advance(600);
    const who = engine.call(whoami('$s'));
    expect(who.view?.expiresIn).toBe(3000);
  });

  it('AssumedRoleUser in the response matches GetCallerIdentity of the session', () => {
    const { results } = run(basicWorld(), [['s', assume('user/alice', APP)], whoami('$s')]);
    const [a, who] = results;
    const aru = a!.response?.AssumedRoleUser as { AssumedRoleId: string; Arn: string };
    expect(who!.response).toEqual({ UserId: aru.AssumedRoleId, Account: DEV, Arn: aru.Arn });
  });

  it.each<[string, string, RegExp]>([
    ['an IAM user: AIDA… unique id', 'user/alice', /^AIDA[A-Z2-7]{17}$/],
    ['root: the account id', `root/${DEV}`, new RegExp(`^${DEV}$`)],
  ])('GetCallerIdentity of %s', (_n, as, userId) => {
    const r = last(basicWorld(), [whoami(as)]);
    expect((r.response as { UserId: string }).UserId).toMatch(userId);
    expect(r.view?.arn).toBe(
      as.startsWith('root') ? `arn:aws:iam::${DEV}:root` : `arn:aws:iam::${DEV}:user/alice`,
    );
  });

  it('GetAccessKeyInfo: a user’s long-term key starts AKIA and is owned by its account', () => {
    const r = last(basicWorld(), [
      { api: 'GetAccessKeyInfo', as: 'user/alice', params: { AccessKeyId: 'user/alice' } },
    ]);
    expect(r.response).toEqual({ Account: DEV });
  });

  it('GetAccessKeyInfo: a key no principal of the world holds does not exist (docs/decisions.md#unknown-access-key)', () => {
    const r = last(basicWorld(), [
      { api: 'GetAccessKeyInfo', as: 'user/alice', params: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' } },
    ]);
    expect(r).toMatchObject({
      outcome: 'error',
      code: 'InvalidParameterValue',
      httpStatus: 400,
      message: 'The access key ID AKIAIOSFODNN7EXAMPLE does not exist.',
    });
    expect(r.trace.at(-1)).toMatchObject({
      id: 'key.known',
      ok: false,
      values: { key: 'AKIAIOSFODNN7EXAMPLE' },
    });
  });

  it('the role path is not in the assumed-role ARN, but the role is found through it', () => {
    const w = world({
      users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
      roles: [role('Deep', DEV, [trusts({ AWS: DEV })], { path: '/teams/data/' })],
    });
    const r = last(w, [assume('user/alice', roleArn(DEV, 'Deep', '/teams/data/'))]);
    expect(r.view?.arn).toBe(`arn:aws:sts::${DEV}:assumed-role/Deep/test-session`);
  });
});

describe('determinism: the same world and calls give identical results — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html', () => {
  const steps: ([string, Call] | Call)[] = [
    ['a', assume('user/alice', APP, { Tags: [{ Key: 'p', Value: 'x' }], TransitiveTagKeys: ['p'] })],
    ['g', { api: 'GetSessionToken', as: 'user/alice' }],
    ['b', assume('$a', APP, { RoleSessionName: 'hop' })],
    whoami('$b'),
    assume('user/bob', APP),
  ];
  it('two engines over the same world', () => {
    const one = run(basicWorld(), steps).results;
    const two = run(basicWorld(), steps).results;
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('negative: two sessions in one engine get different keys', () => {
    const { results } = run(basicWorld(), [assume('user/alice', APP), assume('user/alice', APP)]);
    expect(results[0]!.view?.accessKeyId).not.toBe(results[1]!.view?.accessKeyId);
  });
});

/** Alice's second identity policy. */
const ALICE_2 = { kind: 'user-policy', user: 'alice', index: 1 } as const;

describe('a malformed policy in a world is a problem (path + code), never a throw — https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#access_policies-json', () => {
  const bad = (statement: Record<string, unknown>): World =>
    world({
      users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole')), policy(statement)] })],
      roles: [role('App', DEV, [trusts({ AWS: DEV })])],
    });
  it.each<[string, Record<string, unknown>, WorldProblemDetail]>([
    [
      'an unknown condition operator',
      allow('s3:*', '*', { Condition: { StringEqual: { 'aws:username': 'alice' } } }),
      {
        code: 'unknown-operator',
        operator: 'StringEqual',
        suggestion: 'StringEquals',
        policy: ALICE_2,
        statement: 0,
      },
    ],
    [
      'an Effect that is not Allow/Deny',
      { Effect: 'Permit', Action: 's3:*', Resource: '*' },
      { code: 'invalid-effect', effect: 'Permit', policy: ALICE_2, statement: 0 },
    ],
    [
      'a statement with no Action',
      { Effect: 'Allow', Resource: '*' },
      { code: 'missing-action', policy: ALICE_2, statement: 0 },
    ],
  ])('%s', (_n, statement, detail) => {
    // Given a world whose second identity policy of alice is malformed
    let engine: ReturnType<typeof createEngine> | undefined;
    expect(() => (engine = createEngine(bad(statement)))).not.toThrow();
    // Then the problem names where it is and what is wrong
    expect(engine!.problems).toHaveLength(1);
    const p = engine!.problems[0]!;
    expect(p.severity).toBe('error');
    expect(p.path.slice(0, 4)).toEqual(['users', 0, 'policies', 1]);
    expect(p).toStrictEqual({ ...detail, path: p.path, severity: 'error' });
    // And calls still run: alice's valid policy still lets her assume the role
    expect(engine!.call(assume('user/alice', APP)).outcome).toBe('success');
  });

  it('a trust policy with a Resource element is reported', () => {
    const w = world({
      roles: [
        role('App', DEV, [
          { Effect: 'Allow', Principal: { AWS: DEV }, Action: 'sts:AssumeRole', Resource: '*' },
        ]),
      ],
    });
    const engine = createEngine(w);
    expect(
      engine.problems.some((p) => p.path[0] === 'roles' && p.path[1] === 0 && p.severity === 'error'),
    ).toBe(true);
  });

  it('negative: a well-formed world has no problems', () => {
    expect(createEngine(basicWorld()).problems).toEqual([]);
  });
});

describe('the trace: every call explains itself, ending with the deciding check — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html', () => {
  // [name, steps, every check's id in order; the last one decided (✗ = failed)]
  const cases: [string, ([string, Call] | Call)[], string[]][] = [
    [
      'AssumeRole allowed',
      [assume('user/alice', APP)],
      [
        'auth.caller',
        'validate.params',
        'caller.type',
        'role.exists',
        'authorize.sts:AssumeRole',
        'duration.limit',
        'issue.credentials',
      ],
    ],
    [
      'AssumeRole denied by trust',
      [assume('user/bob', APP)],
      ['auth.caller', 'validate.params', 'caller.type', 'role.exists', '✗ authorize.sts:AssumeRole'],
    ],
    [
      'AssumeRole bad session name',
      [assume('user/alice', APP, { RoleSessionName: 'a b' })],
      ['auth.caller', '✗ validate.params'],
    ],
    ['AssumeRole by root', [assume(`root/${DEV}`, APP)], ['auth.caller', 'validate.params', '✗ caller.root']],
    ['GetCallerIdentity', [whoami('user/alice')], ['auth.caller', 'authorize.none']],
    ['unsigned GetCallerIdentity', [whoami('anonymous')], ['✗ auth.caller']],
    [
      'GetSessionToken',
      [{ api: 'GetSessionToken', as: 'user/alice' }],
      [
        'auth.caller',
        'validate.params',
        'caller.long-term',
        'authorize.none',
        'duration.limit',
        'issue.credentials',
      ],
    ],
    [
      'Request allowed',
      [req('user/alice', 's3:GetObject', 'arn:aws:s3:::b/k')],
      ['auth.caller', 'authorize.s3:GetObject'],
    ],
    [
      'Request denied',
      [req('user/bob', 's3:GetObject', 'arn:aws:s3:::b/k')],
      ['auth.caller', '✗ authorize.s3:GetObject'],
    ],
  ];
  it.each(cases)('%s', (_n, steps, checks) => {
    const r = last(basicWorld(), steps);
    // an error ends with the one failed check that decided it; a success has none
    expect(r.trace.map((c) => (c.ok ? c.id : `✗ ${c.id}`))).toEqual(checks);
    expect(r.outcome).toBe(checks.at(-1)?.startsWith('✗') ? 'error' : 'success');
    // a check that cites a page cites an AWS documentation page
    const elsewhere = r.trace.filter(
      (c) => c.ref !== undefined && !c.ref.startsWith('https://docs.aws.amazon.com/'),
    );
    expect(elsewhere).toEqual([]);
  });

  it.each([
    ['allowed: the trust statement that matched', 'user/alice', 'Allowed'],
    [
      'denied: the trust policy allows the account, but bob has no identity policy',
      'user/bob',
      'ImplicitlyDenied',
    ],
  ])('an authorization check carries its decision — %s', (_n, as, decision) => {
    const r = last(basicWorld(), [assume(as, APP)]);
    const check = r.trace.find((c) => c.id === 'authorize.sts:AssumeRole')!;
    expect(check.phase).toBe('authorize');
    expect(check.ref).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(check.decision?.decision).toBe(decision);
    const trustEval = check.decision!.evaluations.find((e) => e.kind === 'trust')!;
    expect(trustEval.result).toBe('Allow');
    expect(trustEval.matchedAllow).toMatchObject({
      effect: 'Allow',
      matched: true,
      principal: { matched: true, via: 'account', value: `arn:aws:iam::${DEV}:root` },
    });
  });

  it('a condition evaluation shows the request value against the policy values', () => {
    const w = world({
      users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
      roles: [
        role('App', DEV, [
          trusts({ AWS: DEV }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'expected-id' } }),
        ]),
      ],
    });
    const r = last(w, [assume('user/alice', APP, { ExternalId: 'wrong-id' })]);
    const check = r.trace.find((c) => c.id === 'authorize.sts:AssumeRole')!;
    const cond = check.decision!.evaluations.find((e) => e.kind === 'trust')!.statements[0]!.conditions[0]!;
    expect(cond).toMatchObject({
      operator: 'StringEquals',
      key: 'sts:ExternalId',
      policyValues: ['expected-id'],
      requestValues: ['wrong-id'],
      matched: false,
    });
  });
});
