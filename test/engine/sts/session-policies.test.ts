// GetFederationToken and session policies: a session gets at most what its session policies allow.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
import { describe, expect, it } from 'vitest';
import type { Call, World } from '../../../src/engine/index.js';
import { allow, assume, DEV, last, policy, req, role, roleArn, trusts, user, world } from './worlds.js';

const BUCKET = 'arn:aws:s3:::reports';
const OBJ = `${BUCKET}/q1.csv`;
const FED_ARN = `arn:aws:sts::${DEV}:federated-user/partner`;

function gftWorld(bucketPolicy?: Record<string, unknown>[]): World {
  return world({
    users: [user('broker', DEV, { policies: [policy(allow(['sts:GetFederationToken', 's3:*']))] })],
    roles: [
      role('App', DEV, [trusts({ AWS: DEV })], {
        policies: [policy(allow(['s3:GetObject', 's3:PutObject']))],
      }),
    ],
    ...(bucketPolicy ? { resources: [{ arn: BUCKET, policy: policy(...bucketPolicy) }] } : {}),
  });
}
const gft = (params: Record<string, unknown> = {}): Call => ({
  api: 'GetFederationToken',
  as: 'user/broker',
  params: { Name: 'partner', ...params },
});

describe('GetFederationToken: ARN, user id and PackedPolicySize (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html', () => {
  it('without a policy: federated-user ARN, <account>:<Name>, PackedPolicySize 0', () => {
    const r = last(gftWorld(), [gft()]);
    expect(r.response?.FederatedUser).toEqual({ FederatedUserId: `${DEV}:partner`, Arn: FED_ARN });
    expect(r.response?.PackedPolicySize).toBe(0);
    expect(r.view).toMatchObject({ arn: FED_ARN, userId: `${DEV}:partner`, account: DEV, mfa: false });
  });

  it('negative: with a policy PackedPolicySize is above 0', () => {
    const r = last(gftWorld(), [gft({ Policy: policy(allow('s3:GetObject', OBJ)) })]);
    expect(r.response?.PackedPolicySize).toBeGreaterThan(0);
  });

  it('needs sts:GetFederationToken in the caller’s policy', () => {
    const w = world({ users: [user('nobody', DEV)] });
    const r = last(w, [{ api: 'GetFederationToken', as: 'user/nobody', params: { Name: 'partner' } }]);
    expect(r).toMatchObject({ outcome: 'error', code: 'AccessDenied' });
    expect(r.message).toContain(
      `is not authorized to perform: sts:GetFederationToken on resource: ${FED_ARN}`,
    );
  });
});

describe('a federated user’s permissions: user ∩ session policy; none without one, except resource policies naming it — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html', () => {
  it.each<[string, Record<string, unknown>[] | undefined, Record<string, unknown>, string]>([
    ['no session policy', undefined, {}, 'error'],
    ['a session policy allowing the action', undefined, { Policy: policy(allow('s3:GetObject')) }, 'success'],
    [
      'a session policy allowing something else',
      undefined,
      { Policy: policy(allow('s3:ListBucket')) },
      'error',
    ],
    [
      'no session policy, but the bucket policy names the federated-user ARN',
      [allow('s3:GetObject', `${BUCKET}/*`, { Principal: { AWS: FED_ARN } })],
      {},
      'success',
    ],
    [
      'no session policy, bucket policy names another federated user',
      [
        allow('s3:GetObject', `${BUCKET}/*`, {
          Principal: { AWS: `arn:aws:sts::${DEV}:federated-user/other` },
        }),
      ],
      {},
      'error',
    ],
  ])('%s → %s', (_n, bucket, params, outcome) => {
    const r = last(gftWorld(bucket), [['f', gft(params)], req('$f', 's3:GetObject', OBJ)]);
    expect(r.outcome).toBe(outcome);
  });

  it('a session policy cannot add what the broker lacks', () => {
    const r = last(gftWorld(), [
      ['f', gft({ Policy: policy(allow('*')) })],
      req('$f', 'dynamodb:GetItem', '*'),
    ]);
    expect(r.code).toBe('AccessDenied');
  });
});

describe('AssumeRole session policies: the session gets role ∩ session policy — https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session', () => {
  const APP = roleArn(DEV, 'App');
  const w = (): World =>
    world({
      users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
      roles: [
        role('App', DEV, [trusts({ AWS: DEV })], {
          policies: [policy(allow(['s3:GetObject', 's3:PutObject']))],
        }),
      ],
      managedPolicies: [{ name: 'ReadOnly', account: DEV, policy: policy(allow('s3:GetObject')) }],
    });
  const managed = { PolicyArns: [{ arn: `arn:aws:iam::${DEV}:policy/ReadOnly` }] };
  const inline = { Policy: policy(allow(['s3:GetObject', 'iam:*'])) };
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no session policy: the role’s full permissions', {}, 's3:PutObject', 'success'],
    ['inline: an action both allow', inline, 's3:GetObject', 'success'],
    ['inline: the role allows, the session policy does not', inline, 's3:PutObject', 'error'],
    ['inline: the session policy allows, the role does not (cannot add)', inline, 'iam:ListUsers', 'error'],
    ['managed PolicyArns: allowed', managed, 's3:GetObject', 'success'],
    ['managed PolicyArns: narrowed away', managed, 's3:PutObject', 'error'],
  ])('%s → %s', (_n, params, action, outcome) => {
    const r = last(w(), [['s', assume('user/alice', APP, params)], req('$s', action, OBJ)]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(r.code).toBe('AccessDenied');
  });

  it('a PolicyArn that does not exist is a MalformedPolicyDocument', () => {
    const r = last(w(), [
      assume('user/alice', APP, { PolicyArns: [{ arn: `arn:aws:iam::${DEV}:policy/Nope` }] }),
    ]);
    expect(r).toMatchObject({ outcome: 'error', code: 'MalformedPolicyDocument', httpStatus: 400 });
  });

  it.each([
    ['not JSON (docs/decisions.md#error-messages)', 'invalid policy'],
    ['JSON but not a policy (10.3)', '{"json":"but not what AWS wants"}'],
  ])('an inline policy that is %s is a MalformedPolicyDocument', (_n, text) => {
    const r = last(w(), [assume('user/alice', APP, { Policy: text })]);
    expect(r).toMatchObject({ outcome: 'error', code: 'MalformedPolicyDocument' });
  });

  it('PackedPolicySize is reported only when session policies or tags were passed (docs/decisions.md#error-messages)', () => {
    const without = last(w(), [assume('user/alice', APP)]);
    expect(without.response).not.toHaveProperty('PackedPolicySize');
    const withPolicy = last(w(), [assume('user/alice', APP, inline)]);
    expect(withPolicy.response?.PackedPolicySize).toBeGreaterThan(0);
  });
});
