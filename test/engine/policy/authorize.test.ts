// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/engine/policy/authorize.js';
import type {
  AuthorizationInput,
  NormalizedPolicy,
  RequestPrincipal,
} from '../../../src/engine/policy/types.js';
import { ACCT, policy, principals as P, req, stmt } from './helpers.js';

const trust = (Principal: unknown): NormalizedPolicy =>
  policy(stmt({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' }), 'trust');
const allowAll = (kind: 'identity' | 'boundary' | 'session' | 'scp') =>
  policy(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }), kind);
const allowS3 = (kind: 'identity' | 'boundary' | 'session') =>
  policy(stmt({ Effect: 'Allow', Action: 's3:*', Resource: '*' }), kind);
const denyAll = (kind: 'identity' | 'scp' | 'boundary') =>
  policy(stmt({ Effect: 'Deny', Action: '*', Resource: '*' }), kind);

function run(principal: RequestPrincipal, over: Partial<AuthorizationInput>) {
  return authorize({
    request: req(principal),
    sameAccount: true,
    scps: [],
    resourcePolicyRequired: true,
    identity: [],
    ...over,
  });
}

describe('trust policy gate: it must explicitly allow the principal', () => {
  it.each([
    ['names the user', trust({ AWS: P.alice.arn }), 'Allowed', undefined],
    [
      'names someone else',
      trust({ AWS: 'arn:aws:iam::111122223333:user/Other' }),
      'ImplicitlyDenied',
      'no-trust-allow',
    ],
  ])('%s', (_n, t, decision, reason) => {
    const d = run(P.alice, { resourcePolicy: t, identity: [allowAll('identity')] });
    expect(d.decision).toBe(decision);
    expect(d.reason).toBe(reason);
  });
});

describe('same account: which principal the trust policy names decides what else is needed (§3.4)', () => {
  it.each([
    // [name, principal, trust principal, identity, boundary, session, decision, reason]
    [
      'user ARN: no identity policy needed',
      P.alice,
      { AWS: P.alice.arn },
      [],
      undefined,
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'user ARN: boundary that does not allow does not block',
      P.alice,
      { AWS: P.alice.arn },
      [],
      allowS3('boundary'),
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'session ARN: session policy that does not allow does not block',
      P.session,
      { AWS: P.session.arn },
      [],
      undefined,
      [allowS3('session')],
      'Allowed',
      undefined,
    ],
    [
      'role ARN: no identity policy needed',
      P.session,
      { AWS: P.session.roleArn },
      [],
      undefined,
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'role ARN: the boundary still filters',
      P.session,
      { AWS: P.session.roleArn },
      [],
      allowS3('boundary'),
      undefined,
      'ImplicitlyDenied',
      'boundary',
    ],
    [
      'role ARN: the session policy still filters',
      P.session,
      { AWS: P.session.roleArn },
      [],
      undefined,
      [allowS3('session')],
      'ImplicitlyDenied',
      'session-policy',
    ],
    [
      'account and user ARN: the user ARN counts, no identity policy needed',
      P.alice,
      { AWS: [ACCT, P.alice.arn] },
      [],
      undefined,
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'user ARN and account: the user ARN counts, whatever the order',
      P.alice,
      { AWS: [P.alice.arn, ACCT] },
      [],
      undefined,
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'account: identity policy needed',
      P.alice,
      { AWS: ACCT },
      [],
      undefined,
      undefined,
      'ImplicitlyDenied',
      'no-identity-allow',
    ],
    [
      'account + identity allow',
      P.alice,
      { AWS: ACCT },
      [allowAll('identity')],
      undefined,
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'wildcard: identity policy needed',
      P.alice,
      '*',
      [],
      undefined,
      undefined,
      'ImplicitlyDenied',
      'no-identity-allow',
    ],
    [
      'account + identity allow + boundary allows',
      P.alice,
      { AWS: ACCT },
      [allowAll('identity')],
      allowAll('boundary'),
      undefined,
      'Allowed',
      undefined,
    ],
    [
      'account + identity allow + boundary silent',
      P.alice,
      { AWS: ACCT },
      [allowAll('identity')],
      allowS3('boundary'),
      undefined,
      'ImplicitlyDenied',
      'boundary',
    ],
  ] as const)('%s', (_n, who, principal, identity, boundary, session, decision, reason) => {
    const d = run(who, {
      resourcePolicy: trust(principal),
      identity: [...identity],
      ...(boundary && { boundary }),
      ...(session && { session: [...session] }),
    });
    expect(d.decision).toBe(decision);
    expect(d.reason).toBe(reason);
  });
});

describe('cross account: both the trust policy and the identity policy must allow', () => {
  it.each([
    [
      'trust names the user, no identity policy',
      { AWS: P.bobOther.arn },
      [],
      'ImplicitlyDenied',
      'no-identity-allow',
    ],
    [
      'trust names the user + identity allows',
      { AWS: P.bobOther.arn },
      [allowAll('identity')],
      'Allowed',
      undefined,
    ],
    [
      'trust names the account + identity allows',
      { AWS: '444455556666' },
      [allowAll('identity')],
      'Allowed',
      undefined,
    ],
    [
      'trust names another account',
      { AWS: ACCT },
      [allowAll('identity')],
      'ImplicitlyDenied',
      'no-trust-allow',
    ],
  ] as const)('%s', (_n, principal, identity, decision, reason) => {
    const d = run(P.bobOther, {
      sameAccount: false,
      resourcePolicy: trust(principal),
      identity: [...identity],
    });
    expect(d.decision).toBe(decision);
    expect(d.reason).toBe(reason);
  });
  it('a non-trust resource without a resource policy denies cross-account access', () => {
    const d = run(P.bobOther, {
      sameAccount: false,
      resourcePolicyRequired: false,
      identity: [allowAll('identity')],
    });
    expect(d.reason).toBe('no-resource-allow');
  });
  it('same account without a resource policy: identity alone decides', () => {
    const d = run(P.alice, { resourcePolicyRequired: false, identity: [allowAll('identity')] });
    expect(d.decision).toBe('Allowed');
  });
});

describe('explicit Deny wins everywhere (SCP, identity, boundary, trust)', () => {
  it.each([
    ['SCP Deny', { scps: [denyAll('scp')] }, 'scp'],
    ['identity Deny', { identity: [allowAll('identity'), denyAll('identity')] }, 'identity'],
    ['boundary Deny', { boundary: denyAll('boundary') }, 'boundary'],
    [
      'trust Deny',
      {
        resourcePolicy: policy(
          {
            Statement: [
              { Effect: 'Allow', Principal: '*', Action: '*' },
              { Effect: 'Deny', Principal: { AWS: P.alice.arn }, Action: '*' },
            ],
          },
          'trust',
        ),
      },
      'trust',
    ],
  ] as const)('%s', (_n, over, kind) => {
    const d = run(P.alice, {
      resourcePolicy: trust({ AWS: P.alice.arn }),
      identity: [allowAll('identity')],
      ...(over as Partial<AuthorizationInput>),
    });
    expect(d.decision).toBe('ExplicitlyDenied');
    expect(d.reason).toBe('explicit-deny');
    expect(d.deniedBy?.kind).toBe(kind);
  });
  it('SCPs without a Deny pass (FullAWSAccess is implicit)', () => {
    const d = run(P.alice, {
      resourcePolicy: trust({ AWS: ACCT }),
      identity: [allowAll('identity')],
      scps: [allowS3('identity')],
    });
    expect(d.decision).toBe('Allowed');
    expect(d.steps[0]).toEqual({
      gate: 'scp',
      outcome: 'pass',
      code: 'scp-pass',
    });
  });
});

describe('a trust policy with several statements: the most specific matching Allow decides, a Deny wins', () => {
  const allowStmt = (Principal: unknown) => ({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' });
  it.each([
    ['account, then user', [allowStmt({ AWS: ACCT }), allowStmt({ AWS: P.alice.arn })], 'Allowed', undefined],
    ['user, then account', [allowStmt({ AWS: P.alice.arn }), allowStmt({ AWS: ACCT })], 'Allowed', undefined],
    [
      'account twice',
      [allowStmt({ AWS: ACCT }), allowStmt({ AWS: ACCT })],
      'ImplicitlyDenied',
      'no-identity-allow',
    ],
    [
      'user Allow, account Deny',
      [allowStmt({ AWS: P.alice.arn }), { ...allowStmt({ AWS: ACCT }), Effect: 'Deny' }],
      'ExplicitlyDenied',
      'explicit-deny',
    ],
  ] as const)('%s → %s', (_n, statements, decision, reason) => {
    // alice has no identity policy: only a trust statement naming her ARN can allow her alone
    const d = run(P.alice, { resourcePolicy: policy({ Statement: [...statements] }, 'trust'), identity: [] });
    expect(d.decision).toBe(decision);
    expect(d.reason).toBe(reason);
  });
});

describe('principals without an identity side: the trust policy decides', () => {
  it.each([
    [P.ec2, { Service: 'ec2.amazonaws.com' }, 'Allowed'],
    [P.ec2, { Service: 'lambda.amazonaws.com' }, 'ImplicitlyDenied'],
    [P.github, { Federated: P.github.arn }, 'Allowed'],
  ] as const)('%j', (who, principal, decision) => {
    const { identity: _omit, ...rest } = { identity: undefined };
    const d = authorize({
      request: req(who),
      sameAccount: true,
      scps: [],
      resourcePolicyRequired: true,
      resourcePolicy: trust(principal),
      ...rest,
    });
    expect(d.decision).toBe(decision);
  });
});

describe('root and GetFederationToken sessions', () => {
  it('the root user needs no identity policy in its own account', () => {
    const d = run(P.root, { resourcePolicyRequired: false, isRoot: true, identity: [] });
    expect(d.decision).toBe('Allowed');
    expect(d.steps.some((s) => s.gate === 'root' && s.outcome === 'pass')).toBe(true);
  });
  it('a user without the root flag is denied', () => {
    expect(run(P.alice, { resourcePolicyRequired: false, identity: [] }).reason).toBe('no-identity-allow');
  });
  it.each([
    ['no session policy → no permissions', undefined, { AWS: ACCT }, 'ImplicitlyDenied', 'session-policy'],
    ['a session policy that allows', [allowAll('session')], { AWS: ACCT }, 'Allowed', undefined],
    [
      'no session policy, but the resource policy names the federated user',
      undefined,
      { AWS: P.fed.arn },
      'Allowed',
      undefined,
    ],
  ] as const)('GFT: %s', (_n, session, principal, decision, reason) => {
    const d = run(P.fed, {
      resourcePolicy: trust(principal),
      identity: [allowAll('identity')],
      sessionPolicyRequired: true,
      ...(session && { session: [...session] }),
    });
    expect(d.decision).toBe(decision);
    expect(d.reason).toBe(reason);
  });
});

it('records every evaluated policy and a step per gate', () => {
  const d = run(P.alice, {
    resourcePolicy: trust({ AWS: ACCT }),
    identity: [allowAll('identity')],
    scps: [allowAll('scp')],
  });
  expect(d.evaluations.map((e) => e.kind)).toEqual(['scp', 'trust', 'identity']);
  expect(d.steps.map((s) => `${s.gate}:${s.outcome}`)).toEqual([
    'scp:pass',
    'trust:pass',
    'identity:pass',
    'boundary:skip',
    'session:skip',
  ]);
});
