// Regional STS endpoints: RegionDisabledException, session-token versions, aws:RequestedRegion.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html
import { describe, expect, it } from 'vitest';
import type { Call, World } from '../../../src/engine/index.js';
import { allow, assume, DEV, last, policy, PROD, req, role, roleArn, trusts, user, world } from './worlds.js';

const READER = roleArn(PROD, 'Reader');
const OBJ = 'arn:aws:s3:::media/a.mp4';
const base = (
  prod: Partial<NonNullable<World['accounts']>[number]> = {},
  devPolicy = policy(allow(['sts:*'])),
) =>
  world({
    accounts: [{ id: PROD, ...prod }, { id: DEV }],
    users: [user('kai', DEV, { policies: [devPolicy] })],
    roles: [role('Reader', PROD, [trusts({ AWS: DEV })], { policies: [policy(allow('s3:GetObject'))] })],
  });
const at = (region: string | undefined, call: Call): Call => (region ? { ...call, region } : call);

describe('RegionDisabledException: STS deactivated in a Region for the account whose credentials are issued', () => {
  const MESSAGE = `STS is not activated in this region for account:${PROD}. Your account administrator can activate STS in this region using the IAM Console.`;
  it.each([
    [
      'the role owner deactivated eu-west-3',
      { stsDisabledRegions: ['eu-west-3'] },
      'eu-west-3',
      'RegionDisabledException',
    ],
    ['another Region of that account', { stsDisabledRegions: ['eu-west-3'] }, 'eu-west-1', undefined],
    ['the global endpoint', { stsDisabledRegions: ['eu-west-3'] }, undefined, undefined],
    ['us-east-1 cannot be deactivated', { stsDisabledRegions: ['us-east-1'] }, 'us-east-1', undefined],
  ])('%s', (_t, prod, region, code) => {
    const r = last(base(prod), [at(region, assume('user/kai', READER))]);
    expect(r.code).toBe(code);
    if (code) expect(r).toMatchObject({ message: MESSAGE, httpStatus: 403 });
  });
  it("the caller's own account does not count for AssumeRole; it does for GetSessionToken", () => {
    const w = world({
      accounts: [{ id: PROD }, { id: DEV, stsDisabledRegions: ['eu-west-3'] }],
      users: [user('kai', DEV, { policies: [policy(allow(['sts:*']))] })],
      roles: [role('Reader', PROD, [trusts({ AWS: DEV })])],
    });
    expect(last(w, [at('eu-west-3', assume('user/kai', READER))]).outcome).toBe('success');
    expect(last(w, [at('eu-west-3', { api: 'GetSessionToken', as: 'user/kai' })]).code).toBe(
      'RegionDisabledException',
    );
  });
});

describe('session-token versions: v1 from the global endpoint is refused in opt-in Regions', () => {
  it.each([
    ['global endpoint, default setting, opt-in Region', {}, undefined, 'ap-east-1', 'InvalidClientTokenId'],
    ['global endpoint, default setting, default Region', {}, undefined, 'eu-west-1', undefined],
    [
      'global endpoint, v2Token setting, opt-in Region',
      { globalEndpointTokenVersion: 'v2Token' as const },
      undefined,
      'ap-east-1',
      undefined,
    ],
    ['Regional endpoint, default setting, opt-in Region', {}, 'ap-southeast-2', 'ap-east-1', undefined],
  ])('%s', (_t, prod, stsRegion, useRegion, code) => {
    const r = last(base(prod), [
      ['s', at(stsRegion, assume('user/kai', READER))],
      at(useRegion, req('$s', 's3:GetObject', OBJ)),
    ]);
    expect(r.code).toBe(code);
    if (code) expect(r.message).toBe('The security token included in the request is invalid');
  });
});

describe('aws:RequestedRegion is the Region of the endpoint; the global STS endpoint counts as us-east-1', () => {
  const onlySydney = policy(
    allow('sts:AssumeRole', '*', {
      Condition: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    }),
  );
  const onlyVirginia = policy(
    allow('sts:AssumeRole', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }),
  );
  it.each([
    ['Sydney endpoint, Sydney allowed', onlySydney, 'ap-southeast-2', 'success'],
    ['global endpoint, Sydney allowed', onlySydney, undefined, 'error'],
    ['global endpoint, us-east-1 allowed', onlyVirginia, undefined, 'success'],
    ['Frankfurt endpoint, us-east-1 allowed', onlyVirginia, 'eu-central-1', 'error'],
  ])('%s', (_t, p, region, outcome) => {
    expect(last(base({}, p), [at(region, assume('user/kai', READER))]).outcome).toBe(outcome);
  });
});
