// Session durations: defaults, MaxSessionDuration, the role-chaining cap, root's cap, SAML and Identity Center.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
import { describe, expect, it } from 'vitest';
import type { Call, CallResult, World } from '../../../src/engine/index.js';
import {
  allow,
  assume,
  DEV,
  last,
  policy,
  PROD,
  role,
  roleArn,
  START,
  trusts,
  user,
  world,
} from './worlds.js';

const ASSUME = policy(allow(['sts:*', 's3:*']));
const MAX_MESSAGE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
const CHAIN_MESSAGE =
  'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

function durWorld(maxSessionDuration?: number): World {
  return world({
    users: [user('alice', DEV, { policies: [ASSUME] })],
    roles: [
      role('Long', DEV, [trusts({ AWS: DEV }), trusts({ Service: 'ec2.amazonaws.com' })], {
        policies: [ASSUME],
        ...(maxSessionDuration ? { maxSessionDuration } : {}),
      }),
      role('Next', DEV, [trusts({ AWS: DEV })], { maxSessionDuration: 43200 }),
    ],
  });
}
const LONG = roleArn(DEV, 'Long');
const NEXT = roleArn(DEV, 'Next');
const expiresIn = (r: CallResult) => r.view?.expiresIn;

describe('defaults per API — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html', () => {
  it.each<[string, Call, number]>([
    ['AssumeRole', assume('user/alice', LONG), 3600],
    ['GetSessionToken (IAM user)', { api: 'GetSessionToken', as: 'user/alice' }, 43200],
    ['GetSessionToken (root)', { api: 'GetSessionToken', as: `root/${DEV}` }, 3600],
    [
      'GetFederationToken (IAM user)',
      { api: 'GetFederationToken', as: 'user/alice', params: { Name: 'fed' } },
      43200,
    ],
    [
      'GetFederationToken (root)',
      { api: 'GetFederationToken', as: `root/${DEV}`, params: { Name: 'fed' } },
      3600,
    ],
  ])('%s → %i s', (_n, call, seconds) => {
    const r = last(durWorld(43200), [call]);
    expect(expiresIn(r)).toBe(seconds);
    // the response's Expiration is the call time plus the duration
    const creds = r.response?.Credentials as { Expiration: string };
    expect(creds.Expiration).toBe(new Date(Date.parse(START) + seconds * 1000).toISOString());
    expect(r.view?.expiration).toBe(creds.Expiration);
  });

  it.each<[string, Call]>([
    ['GetSessionToken', { api: 'GetSessionToken', as: `root/${DEV}`, params: { DurationSeconds: 129600 } }],
    [
      'GetFederationToken',
      { api: 'GetFederationToken', as: `root/${DEV}`, params: { Name: 'fed', DurationSeconds: 7200 } },
    ],
  ])(
    'root asking %s for more than 1 hour is silently capped at 3600 (docs/decisions.md#durations)',
    (_n, call) => {
      const r = last(durWorld(), [call]);
      expect(r.outcome).toBe('success');
      expect(expiresIn(r)).toBe(3600);
    },
  );

  it('negative: an IAM user asking GetSessionToken for 36 hours gets them', () => {
    const r = last(durWorld(), [
      { api: 'GetSessionToken', as: 'user/alice', params: { DurationSeconds: 129600 } },
    ]);
    expect(expiresIn(r)).toBe(129600);
  });
});

describe('the role’s MaxSessionDuration caps AssumeRole (docs/decisions.md#durations) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html', () => {
  it.each([
    // [role max, requested, outcome]
    [undefined, 3600, 'success'],
    [undefined, 3601, 'error'],
    [7200, 7200, 'success'],
    [7200, 7201, 'error'],
    [43200, 43200, 'success'],
  ])('max %s, requested %i → %s', (max, requested, outcome) => {
    const r = last(durWorld(max), [assume('user/alice', LONG, { DurationSeconds: requested })]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(r).toMatchObject({ code: 'ValidationError', message: MAX_MESSAGE });
    else expect(expiresIn(r)).toBe(requested);
  });
});

describe('role chaining caps the session at 1 hour (docs/decisions.md#durations, docs/decisions.md#role-chaining) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining', () => {
  const first: Record<string, Call> = {
    'a role session': assume('user/alice', LONG),
    'GetSessionToken credentials': { api: 'GetSessionToken', as: 'user/alice' },
    'an EC2 instance-profile session': assume('service/ec2.amazonaws.com', LONG, {
      RoleSessionName: 'i-0abc',
    }),
  };
  it.each(
    Object.keys(first).flatMap((k) => [
      [k, 3600, 'success'],
      [k, 3601, 'error'],
      [k, undefined, 'success'],
    ]) as [string, number | undefined, string][],
  )('%s assuming a 12-hour role with DurationSeconds %s → %s', (k, requested, outcome) => {
    const params = requested === undefined ? {} : { DurationSeconds: requested };
    const r = last(durWorld(43200), [['s', first[k]!], assume('$s', NEXT, params)]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(r).toMatchObject({ code: 'ValidationError', message: CHAIN_MESSAGE });
    // the trace says this is chaining (a fact, not a pass/fail), then whether the duration fits
    const checks = r.trace.filter((c) => c.phase === 'duration');
    expect(checks.map((c) => [c.id, c.ok, c.info === true])).toEqual([
      ['duration.chaining', true, true],
      ['duration.limit', outcome === 'success', false],
    ]);
    expect(checks[0]?.ref).toContain('iam-term-role-chaining');
    if (outcome === 'error')
      expect(checks[1]?.values).toEqual({ rule: 'chaining', requested, seconds: requested, maximum: 3600 });
    else expect(expiresIn(r)).toBe(requested ?? 3600);
  });

  it.each<[string, Call]>([
    ['an IAM user', assume('user/alice', NEXT, { DurationSeconds: 43200 })],
    ['EC2 assuming its own role', assume('service/ec2.amazonaws.com', LONG, { RoleSessionName: 'i-0abc' })],
  ])('negative: %s is not role chaining', (_n, call) => {
    const r = last(durWorld(43200), [call]);
    expect(r.outcome).toBe('success');
    expect(r.trace.map((c) => c.id)).not.toContain('duration.chaining');
  });
  it('an IAM user assuming the same role directly gets 12 hours', () => {
    expect(expiresIn(last(durWorld(), [assume('user/alice', NEXT, { DurationSeconds: 43200 })]))).toBe(43200);
  });
});

describe('services are not capped by MaxSessionDuration (docs/decisions.md#role-chaining) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html', () => {
  it.each([
    ['service/ec2.amazonaws.com', 21600, 'success'],
    ['user/alice', 21600, 'error'],
  ])('%s asking for %i s on a 1-hour role → %s', (as, seconds, outcome) => {
    const r = last(durWorld(), [assume(as, LONG, { DurationSeconds: seconds })]);
    expect(r.outcome).toBe(outcome);
  });
});

describe('AssumeRoleWithSAML: the session ends at min(DurationSeconds, SessionNotOnOrAfter) — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html', () => {
  const samlWorld = world({
    samlProviders: [{ name: 'Okta', account: PROD, issuer: 'http://www.okta.com/exk1' }],
    roles: [
      role(
        'Fed',
        PROD,
        [trusts({ Federated: `arn:aws:iam::${PROD}:saml-provider/Okta` }, 'sts:AssumeRoleWithSAML')],
        {
          maxSessionDuration: 43200,
        },
      ),
    ],
  });
  const call = (extra: Record<string, unknown>, params: Record<string, unknown> = {}): Call => ({
    api: 'AssumeRoleWithSAML',
    as: 'anonymous',
    params: {
      RoleArn: roleArn(PROD, 'Fed'),
      PrincipalArn: `arn:aws:iam::${PROD}:saml-provider/Okta`,
      SAMLAssertion: {
        issuer: 'http://www.okta.com/exk1',
        signedBy: 'Okta',
        subject: 'maria@example.com',
        audience: 'https://signin.aws.amazon.com/saml',
        roles: [`${roleArn(PROD, 'Fed')},arn:aws:iam::${PROD}:saml-provider/Okta`],
        ...extra,
      },
      ...params,
    },
  });
  it.each<[string, Record<string, unknown>, Record<string, unknown>, number]>([
    ['default', {}, {}, 3600],
    ['DurationSeconds 8 h, no SessionNotOnOrAfter', {}, { DurationSeconds: 28800 }, 28800],
    [
      'DurationSeconds 8 h, SessionNotOnOrAfter +2h',
      { sessionNotOnOrAfter: '+2h' },
      { DurationSeconds: 28800 },
      7200,
    ],
    ['DurationSeconds 1 h, SessionNotOnOrAfter +8h', { sessionNotOnOrAfter: '+8h' }, {}, 3600],
  ])('%s → %i s', (_n, extra, params, seconds) => {
    const r = last(samlWorld, [call(extra, params)]);
    expect(r.outcome).toBe('success');
    expect(expiresIn(r)).toBe(seconds);
  });

  it('negative: DurationSeconds above the role maximum is still the MaxSessionDuration error (docs/decisions.md#durations)', () => {
    const w = world({ ...samlWorld, roles: [{ ...samlWorld.roles![0]!, maxSessionDuration: 3600 }] });
    const r = last(w, [call({ sessionNotOnOrAfter: '+1h' }, { DurationSeconds: 7200 })]);
    expect(r).toMatchObject({ code: 'ValidationError', message: MAX_MESSAGE });
  });
});

describe('Identity Center: the permission set’s session duration applies — https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html', () => {
  it.each([[3600], [28800], [43200]])('sessionDuration %i', (sessionDuration) => {
    const w = world({
      identityCenter: {
        account: '999999999999',
        users: [{ name: 'maria' }],
        permissionSets: [{ name: 'ReadOnly', sessionDuration, policies: [policy(allow('s3:Get*'))] }],
        assignments: [{ user: 'maria', permissionSet: 'ReadOnly', account: PROD }],
      },
    });
    const r = last(w, [
      { api: 'SignIn', as: 'sso/maria' },
      { api: 'GetRoleCredentials', as: 'sso/maria', params: { AccountId: PROD, RoleName: 'ReadOnly' } },
    ]);
    expect(expiresIn(r)).toBe(sessionDuration);
  });
});
