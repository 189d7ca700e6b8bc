// The request context: which condition keys a request carries, and with which values (docs/decisions.md#request-context).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call, World } from '../../../src/engine/index.js';
import { allow, assume, deny, DEV, last, policy, req, role, roleArn, trusts, user, world } from './worlds.js';

const BUCKET = 'arn:aws:s3:::reports';
const GET = (as: string, context?: Call['context']) => req(as, 's3:GetObject', `${BUCKET}/q1.csv`, context);
const MFA = { SerialNumber: `arn:aws:iam::${DEV}:mfa/alice`, TokenCode: '123456' };

/** alice (MFA device, tag team=blue) and role App (tag team=red); both get `statements` as their policy. */
function ctxWorld(statements: Record<string, unknown>[], over: Partial<World> = {}): World {
  const p = policy(allow(['sts:AssumeRole', 'sts:TagSession']), ...statements);
  return world({
    users: [user('alice', DEV, { mfa: true, tags: { team: 'blue', level: '1' }, policies: [p] })],
    roles: [
      role('App', DEV, [trusts({ AWS: DEV }, ['sts:AssumeRole', 'sts:TagSession'])], {
        tags: { team: 'red', level: '2' },
        policies: [p],
      }),
    ],
    ...over,
  });
}
const APP = roleArn(DEV, 'App');

describe('aws:MultiFactorAuthPresent is absent for long-term keys, present for sessions — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent', () => {
  const requireMfa = allow('s3:GetObject', '*', {
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  });
  const denyNoMfa = [
    allow('s3:GetObject'),
    deny('s3:GetObject', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
  ];
  const steps: Record<string, ([string, Call] | Call)[]> = {
    'long-term keys': [GET('user/alice')],
    'a role session without MFA': [['s', assume('user/alice', APP)], GET('$s')],
    'a role session with MFA': [['s', assume('user/alice', APP, MFA)], GET('$s')],
    'GetSessionToken with MFA': [['s', { api: 'GetSessionToken', as: 'user/alice', params: MFA }], GET('$s')],
    'GetSessionToken without MFA': [['s', { api: 'GetSessionToken', as: 'user/alice' }], GET('$s')],
  };
  it.each([
    // [caller, Allow if Bool true, Deny if BoolIfExists false]
    ['long-term keys', 'error', 'error'],
    ['a role session without MFA', 'error', 'error'],
    ['a role session with MFA', 'success', 'success'],
    ['GetSessionToken with MFA', 'success', 'success'],
    ['GetSessionToken without MFA', 'error', 'error'],
  ])('%s: `Bool true` Allow → %s; `BoolIfExists false` Deny → %s', (caller, allowOutcome, denyOutcome) => {
    expect(last(ctxWorld([requireMfa]), steps[caller]!).outcome).toBe(allowOutcome);
    expect(last(ctxWorld(denyNoMfa), steps[caller]!).outcome).toBe(denyOutcome);
  });

  it('the key is absent (not false) for long-term keys: a Null check says so', () => {
    const absent = allow('s3:GetObject', '*', {
      Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    expect(last(ctxWorld([absent]), [GET('user/alice')]).outcome).toBe('success');
    expect(last(ctxWorld([absent]), [['s', assume('user/alice', APP)], GET('$s')]).outcome).toBe('error');
  });
});

describe('aws:MultiFactorAuthAge counts seconds since the MFA moment and grows with the clock — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthage', () => {
  it.each([
    [0, 'success'],
    [299, 'success'],
    [301, 'error'],
  ])('after %i s a "MFA within 300 s" policy gives %s', (secs, outcome) => {
    const fresh = allow('s3:GetObject', '*', {
      Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } },
    });
    const engine = createEngine(ctxWorld([fresh]));
    engine.call(assume('user/alice', APP, MFA), { id: 's' });
    engine.advance(secs);
    expect(engine.call(GET('$s')).outcome).toBe(outcome);
  });
});

describe('aws:PrincipalArn is the role ARN for role sessions; aws:username only for IAM users — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['aws:PrincipalArn = role ARN', { ArnEquals: { 'aws:PrincipalArn': APP } }, 'session', 'success'],
    [
      'aws:PrincipalArn = session ARN',
      { ArnEquals: { 'aws:PrincipalArn': `arn:aws:sts::${DEV}:assumed-role/App/test-session` } },
      'session',
      'error',
    ],
    [
      'aws:PrincipalArn = user ARN',
      { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${DEV}:user/alice` } },
      'user',
      'success',
    ],
    ['aws:username present', { StringEquals: { 'aws:username': 'alice' } }, 'user', 'success'],
    ['aws:username absent', { Null: { 'aws:username': 'true' } }, 'session', 'success'],
    ['aws:username absent (user)', { Null: { 'aws:username': 'true' } }, 'user', 'error'],
    ['aws:userid of a session', { StringLike: { 'aws:userid': 'AROA*:test-session' } }, 'session', 'success'],
  ])('%s (%j, caller %s) → %s', (_n, condition, who, outcome) => {
    const w = ctxWorld([allow('s3:GetObject', '*', { Condition: condition })]);
    const steps: ([string, Call] | Call)[] =
      who === 'user' ? [GET('user/alice')] : [['s', assume('user/alice', APP)], GET('$s')];
    expect(last(w, steps).outcome).toBe(outcome);
  });
});

describe('aws:PrincipalTag merges the role’s (or user’s) tags with session tags; session tags win — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', () => {
  const tagged = (team: string, level: string) =>
    allow('s3:GetObject', '*', {
      Condition: { StringEquals: { 'aws:PrincipalTag/team': team, 'aws:PrincipalTag/level': level } },
    });
  it.each<[string, ([string, Call] | Call)[], string, string]>([
    ['user: its own tags', [GET('user/alice')], 'blue', '1'],
    ['role session: the role’s tags', [['s', assume('user/alice', APP)], GET('$s')], 'red', '2'],
    [
      'role session with a session tag: it overrides the role tag, case-insensitively',
      [['s', assume('user/alice', APP, { Tags: [{ Key: 'Team', Value: 'green' }] })], GET('$s')],
      'green',
      '2',
    ],
  ])('%s', (_n, steps, team, level) => {
    expect(last(ctxWorld([tagged(team, level)]), steps).outcome).toBe('success');
    // negative: the overridden value no longer matches
    expect(last(ctxWorld([tagged(team === 'blue' ? 'red' : 'blue', level)]), steps).outcome).toBe('error');
  });
});

describe('aws:SourceIp, aws:SourceArn and aws:SourceAccount come from the call’s context — https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html', () => {
  it.each([
    ['203.0.113.5', 'success'],
    ['198.51.100.7', 'error'],
  ])('aws:SourceIp %s against 203.0.113.0/24 → %s', (ip, outcome) => {
    const w = ctxWorld([
      allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    ]);
    expect(last(w, [GET('user/alice', { 'aws:SourceIp': ip })]).outcome).toBe(outcome);
  });

  const ecs = (condition: Record<string, unknown>) =>
    world({
      roles: [
        role('Task', DEV, [trusts({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole', condition)]),
      ],
    });
  const guarded = {
    ArnLike: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${DEV}:*` },
    StringEquals: { 'aws:SourceAccount': DEV },
  };
  it.each<[string, Call['context'], string]>([
    [
      'both match',
      { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${DEV}:task/c/1`, 'aws:SourceAccount': DEV },
      'success',
    ],
    [
      'another account',
      { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:333333333333:task/c/1', 'aws:SourceAccount': '333333333333' },
      'error',
    ],
    ['no context at all', undefined, 'error'],
  ])('service role with SourceArn/SourceAccount conditions: %s (%j) → %s', (_n, context, outcome) => {
    const call = assume(
      'service/ecs-tasks.amazonaws.com',
      roleArn(DEV, 'Task'),
      {},
      context ? { context } : {},
    );
    expect(last(ecs(guarded), [call]).outcome).toBe(outcome);
  });
});

describe('aws:CurrentTime comes from the simulated clock — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-currenttime', () => {
  it('a DateLessThan window closes after advance', () => {
    // Given access until 10:00 and a clock at 09:00
    const w = ctxWorld([
      allow('s3:GetObject', '*', {
        Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-15T10:00:00Z' } },
      }),
    ]);
    const engine = createEngine(w);
    expect(engine.call(GET('user/alice')).outcome).toBe('success');
    // When two hours pass
    engine.advance(7200);
    // Then the same request is denied
    expect(engine.call(GET('user/alice')).outcome).toBe('error');
  });
});

describe('a request through a VPC endpoint has no aws:SourceIp (docs/decisions.md#vpc-endpoint-source-ip) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip', () => {
  const sourceIpAbsent = allow('s3:GetObject', '*', { Condition: { Null: { 'aws:SourceIp': 'true' } } });
  const fromDocNet = allow('s3:GetObject', '*', {
    Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
  });
  it.each([
    ['over the internet (no VPC keys)', undefined, 'error', 'success'],
    ['through a VPC endpoint (aws:SourceVpc)', { 'aws:SourceVpc': 'vpc-0a1b2c3d' }, 'success', 'error'],
    ['through a VPC endpoint (aws:VpcSourceIp)', { 'aws:VpcSourceIp': '10.0.1.5' }, 'success', 'error'],
    [
      'through a VPC endpoint, with aws:SourceIp set by the call itself',
      { 'aws:SourceVpc': 'vpc-0a1b2c3d', 'aws:SourceIp': '192.0.2.77' },
      'error',
      'success',
    ],
  ])(
    '%s: `Null aws:SourceIp true` → %s; `IpAddress 192.0.2.0/24` → %s',
    (_, context, absentOutcome, ipOutcome) => {
      expect(last(ctxWorld([sourceIpAbsent]), [GET('user/alice', context)]).outcome).toBe(absentOutcome);
      expect(last(ctxWorld([fromDocNet]), [GET('user/alice', context)]).outcome).toBe(ipOutcome);
    },
  );
});
