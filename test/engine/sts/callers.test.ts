// Caller-type gates: which credentials may call which STS API, whatever their policies say.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html (comparison table)
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/engine/index.js';
import {
  allow,
  assume,
  basicWorld,
  brief,
  deny,
  DEV,
  last,
  policy,
  roleArn,
  user,
  whoami,
  world,
  role,
  trusts,
} from './worlds.js';

const APP = roleArn(DEV, 'App');
const gst = (as: string, params: Record<string, unknown> = {}): Call => ({
  api: 'GetSessionToken',
  as,
  params,
});
const gft = (as: string, params: Record<string, unknown> = {}): Call => ({
  api: 'GetFederationToken',
  as,
  params: { Name: 'fed', ...params },
});

describe('the root user cannot call AssumeRole (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html', () => {
  it.each<[string, ([string, Call] | Call)[]]>([
    ['root long-term keys', [assume(`root/${DEV}`, APP)]],
    ["root's GetSessionToken session", [['s', gst(`root/${DEV}`)], assume('$s', APP)]],
  ])('%s', (_n, steps) => {
    const r = last(basicWorld(), steps);
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'AccessDenied',
      message: 'Roles may not be assumed by root accounts.',
    });
    expect(r.trace.at(-1)).toMatchObject({ id: 'caller.root', ok: false });
  });

  it('negative: an IAM user of the same account may', () => {
    expect(last(basicWorld(), [assume('user/alice', APP)]).outcome).toBe('success');
  });
});

describe('session credentials cannot call GetSessionToken or GetFederationToken (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html', () => {
  const make: Record<string, Call> = {
    'a role session': assume('user/alice', APP),
    'a GetSessionToken session': gst('user/alice'),
    'a GetFederationToken session': gft('user/alice'),
  };
  it.each(
    Object.keys(make).flatMap((k) => [
      [k, 'GetSessionToken', gst('$s'), 'Cannot call GetSessionToken with session credentials'],
      [k, 'GetFederationToken', gft('$s'), 'Cannot call GetFederationToken with session credentials'],
    ]) as [string, string, Call, string][],
  )('%s calling %s', (k, _api, call, message) => {
    const r = last(basicWorld(), [['s', make[k]!], call]);
    expect(brief(r)).toEqual({ outcome: 'error', code: 'AccessDenied', message });
  });

  it.each<[string, Call]>([
    ['GetSessionToken', gst('user/alice')],
    ['GetFederationToken', gft('user/alice')],
    ['GetSessionToken (root)', gst(`root/${DEV}`)],
  ])('negative: long-term keys may call %s', (_n, call) => {
    expect(last(basicWorld(), [call]).outcome).toBe('success');
  });
});

describe('GetFederationToken credentials: among STS APIs only GetCallerIdentity — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html', () => {
  it.each<[string, Call, string]>([
    ['AssumeRole', assume('$f', APP), 'error'],
    [
      'GetAccessKeyInfo',
      { api: 'GetAccessKeyInfo', as: '$f', params: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' } },
      'error',
    ],
    ['GetCallerIdentity', whoami('$f'), 'success'],
  ])('%s → %s', (_n, call, outcome) => {
    const r = last(basicWorld(), [['f', gft('user/alice', { Policy: policy(allow('*')) })], call]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(r.code).toBe('AccessDenied');
  });
});

describe('GetSessionToken credentials: among STS APIs only AssumeRole and GetCallerIdentity (docs/decisions.md#temporary-credential-gates) — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html', () => {
  it.each<[string, Call, string]>([
    ['AssumeRole', assume('$g', APP), 'success'],
    ['GetCallerIdentity', whoami('$g'), 'success'],
    [
      'GetAccessKeyInfo',
      { api: 'GetAccessKeyInfo', as: '$g', params: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' } },
      'error',
    ],
    [
      'DecodeAuthorizationMessage',
      { api: 'DecodeAuthorizationMessage', as: '$g', params: { EncodedMessage: 'x' } },
      'error',
    ],
  ])('%s → %s', (_n, call, outcome) => {
    const r = last(basicWorld(), [['g', gst('user/alice')], call]);
    expect(r.outcome).toBe(outcome);
  });

  it.each([
    // [MFA passed to GetSessionToken, outcome of an IAM call]
    [false, 'InvalidClientTokenId'],
    [true, undefined],
  ])('IAM APIs need MFA on the GetSessionToken call (mfa=%s → %s)', (mfa, code) => {
    const w = world({ users: [user('carol', DEV, { mfa: true, policies: [policy(allow('*'))] })] });
    const params = mfa ? { SerialNumber: `arn:aws:iam::${DEV}:mfa/carol`, TokenCode: '123456' } : {};
    const r = last(w, [
      ['g', gst('user/carol', params)],
      { api: 'Request', as: '$g', action: 'iam:ListUsers', resource: '*' },
    ]);
    expect(r.code).toBe(code);
  });

  it('GetSessionToken needs no permission: an explicit Deny on sts:GetSessionToken has no effect', () => {
    const w = world({ users: [user('dan', DEV, { policies: [policy(deny('sts:GetSessionToken'))] })] });
    expect(last(w, [gst('user/dan')]).outcome).toBe('success');
  });
});

describe('GetCallerIdentity needs no permission and cannot be denied — https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html', () => {
  const denyAll = policy(deny('*'));
  it.each<[string, ReturnType<typeof world>, ([string, Call] | Call)[]]>([
    [
      'a user with Deny *',
      world({ users: [user('eve', DEV, { policies: [denyAll] })] }),
      [whoami('user/eve')],
    ],
    ['a user with no policies', world({ users: [user('eve', DEV)] }), [whoami('user/eve')]],
    [
      'a role session whose role denies everything',
      world({
        users: [user('eve', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
        roles: [role('Locked', DEV, [trusts({ AWS: DEV })], { policies: [denyAll] })],
      }),
      [['s', assume('user/eve', roleArn(DEV, 'Locked'))], whoami('$s')],
    ],
  ])('%s still gets its identity', (_n, w, steps) => {
    const r = last(w, steps);
    expect(r.outcome).toBe('success');
    expect(r.trace.at(-1)).toMatchObject({ id: 'authorize.none', ok: true });
  });

  it('negative: the same Deny * does block other STS actions (DecodeAuthorizationMessage)', () => {
    const w = world({ users: [user('eve', DEV, { policies: [denyAll] })] });
    expect(
      last(w, [{ api: 'DecodeAuthorizationMessage', as: 'user/eve', params: { EncodedMessage: 'x' } }]).code,
    ).toBe('AccessDenied');
  });
});
