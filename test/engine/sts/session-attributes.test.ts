// MFA, session tags and source identity on the sessions STS issues.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
import { describe, expect, it } from 'vitest';
import type { Call, World } from '../../../src/engine/index.js';
import {
  allow,
  assume,
  brief,
  DEV,
  last,
  policy,
  role,
  roleArn,
  trusts,
  user,
  whoami,
  world,
} from './worlds.js';

const ALL_STS = policy(allow('sts:*'));
const FULL = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
const SERIAL = `arn:aws:iam::${DEV}:mfa/alice`;

/** alice (MFA device, code 123456) may do any STS action; A and B trust the account for `actions`. */
function attrWorld(actionsB: string[] = FULL): World {
  return world({
    users: [
      user('alice', DEV, { mfa: true, policies: [ALL_STS] }),
      user('nomfa', DEV, { policies: [ALL_STS] }),
    ],
    roles: [
      role('A', DEV, [trusts({ AWS: DEV }, FULL)], { policies: [ALL_STS] }),
      role('B', DEV, [trusts({ AWS: DEV }, actionsB)], { policies: [ALL_STS] }),
    ],
  });
}
const A = roleArn(DEV, 'A');
const B = roleArn(DEV, 'B');
const tagList = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

describe('MFA on AssumeRole and GetSessionToken (docs/decisions.md#error-messages, docs/decisions.md#mfa-in-role-sessions) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html', () => {
  const UNABLE =
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';
  const INVALID = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
  it.each<[string, string, Record<string, unknown>, string | undefined, boolean | undefined]>([
    ['valid serial and code', 'user/alice', { SerialNumber: SERIAL, TokenCode: '123456' }, undefined, true],
    ['no MFA parameters', 'user/alice', {}, undefined, false],
    ['wrong code (1.10)', 'user/alice', { SerialNumber: SERIAL, TokenCode: '654321' }, INVALID, undefined],
    [
      'another user’s serial (1.11)',
      'user/alice',
      { SerialNumber: `arn:aws:iam::${DEV}:mfa/bob`, TokenCode: '123456' },
      UNABLE,
      undefined,
    ],
    [
      'a caller without a device (1.11)',
      'user/nomfa',
      { SerialNumber: SERIAL, TokenCode: '123456' },
      UNABLE,
      undefined,
    ],
  ])('%s', (_n, as, params, message, mfa) => {
    for (const call of [assume(as, A, params), { api: 'GetSessionToken', as, params } as Call]) {
      const r = last(attrWorld(), [call]);
      if (message) expect(brief(r)).toEqual({ outcome: 'error', code: 'AccessDenied', message });
      else expect(r.view?.mfa).toBe(mfa);
    }
  });

  it.each([
    // [first hop with MFA, chained session mfa]
    [true, true],
    [false, false],
  ])('a chained session inherits MFA from its caller (first hop MFA=%s → %s)', (withMfa, mfa) => {
    const params = withMfa ? { SerialNumber: SERIAL, TokenCode: '123456' } : {};
    const r = last(attrWorld(), [['a', assume('user/alice', A, params)], assume('$a', B)]);
    expect(r.view?.mfa).toBe(mfa);
  });

  it('GetSessionToken with MFA, then AssumeRole: the role session is MFA-authenticated', () => {
    const r = last(attrWorld(), [
      [
        'g',
        { api: 'GetSessionToken', as: 'user/alice', params: { SerialNumber: SERIAL, TokenCode: '123456' } },
      ],
      assume('$g', A),
    ]);
    expect(r.view?.mfa).toBe(true);
  });
});

describe('session tags need sts:TagSession (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required', () => {
  it.each<[string, Record<string, unknown>]>([
    ['Tags', { Tags: tagList({ project: 'x' }) }],
    ['Tags + TransitiveTagKeys', { Tags: tagList({ project: 'x' }), TransitiveTagKeys: ['project'] }],
  ])('%s without sts:TagSession in the trust policy', (_n, params) => {
    const r = last(attrWorld(['sts:AssumeRole']), [assume('user/alice', B, params)]);
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${DEV}:user/alice is not authorized to perform: sts:TagSession on resource: ${B}`,
    });
  });

  it('negative: with sts:TagSession the tags land on the session (view.tags)', () => {
    const r = last(attrWorld(), [assume('user/alice', B, { Tags: tagList({ project: 'x', Env: 'dev' }) })]);
    expect(r.view?.tags).toEqual({ project: 'x', Env: 'dev' });
  });
});

describe('provided contexts need sts:SetContext (docs/decisions.md#provided-contexts) — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', () => {
  const CONTEXTS = [
    { ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'abcd' },
  ];
  it('ProvidedContexts without sts:SetContext in the trust policy', () => {
    const r = last(attrWorld(['sts:AssumeRole']), [assume('user/alice', B, { ProvidedContexts: CONTEXTS })]);
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'AccessDenied',
      message: `User: arn:aws:iam::${DEV}:user/alice is not authorized to perform: sts:SetContext on resource: ${B}`,
    });
  });

  it('negative: with sts:SetContext the call succeeds; an empty list asks for nothing', () => {
    const ok = last(attrWorld([...FULL, 'sts:SetContext']), [
      assume('user/alice', B, { ProvidedContexts: CONTEXTS }),
    ]);
    expect(ok.outcome).toBe('success');
    const none = last(attrWorld(['sts:AssumeRole']), [assume('user/alice', B, { ProvidedContexts: [] })]);
    expect(none.outcome).toBe('success');
  });

  it('the caller needs sts:SetContext too: an identity policy without it denies', () => {
    const w = attrWorld([...FULL, 'sts:SetContext']);
    w.users![0]!.policies = [policy(allow(['sts:AssumeRole', 'sts:TagSession']))];
    const r = last(w, [assume('user/alice', B, { ProvidedContexts: CONTEXTS })]);
    expect(brief(r)).toMatchObject({
      code: 'AccessDenied',
      message: expect.stringContaining('sts:SetContext'),
    });
  });
});

describe('session-tag rules (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', () => {
  const bad = (message: string) => ({ outcome: 'error', code: 'InvalidParameterValue', message });
  it('duplicate keys that differ only in case (5.1)', () => {
    const r = last(attrWorld(), [
      assume('user/alice', A, {
        Tags: [
          { Key: 'SessionTag1', Value: 'a' },
          { Key: 'sessiontag1', Value: 'b' },
        ],
      }),
    ]);
    expect(brief(r)).toEqual(
      bad('Duplicate tag keys found. Please note that Tag keys are case insensitive.'),
    );
    expect(r.httpStatus).toBe(400);
  });

  it.each([
    ['InvalidKey', 'error'],
    ['sessiontag1', 'success'],
  ])('a transitive key must be one of the tags, ignoring case (5.2): %s → %s', (key, outcome) => {
    const r = last(attrWorld(), [
      assume('user/alice', A, { Tags: tagList({ SessionTag1: 'v' }), TransitiveTagKeys: [key] }),
    ]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error')
      expect(brief(r)).toEqual(
        bad('The specified transitive tag key must be included in the requested tags.'),
      );
  });

  it.each([
    ['the same key', 'SessionTag1', 'error'],
    ['the same key in another case', 'SESSIONTAG1', 'error'],
    ['a different key', 'Other', 'success'],
  ])('a chained call passing %s as an inherited transitive tag (5.3)', (_n, key, outcome) => {
    const r = last(attrWorld(), [
      [
        'a',
        assume('user/alice', A, { Tags: tagList({ SessionTag1: 'v' }), TransitiveTagKeys: ['SessionTag1'] }),
      ],
      assume('$a', B, { Tags: tagList({ [key]: 'w' }) }),
    ]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error')
      expect(brief(r)).toEqual(
        bad(
          "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
        ),
      );
  });

  it('transitive tags flow through chaining; non-transitive ones do not', () => {
    // Given a session with a transitive tag `project` and a plain tag `cost`
    const { view } = last(attrWorld(), [
      [
        'a',
        assume('user/alice', A, {
          Tags: tagList({ project: 'apollo', cost: '42' }),
          TransitiveTagKeys: ['project'],
        }),
      ],
      ['b', assume('$a', B)],
      assume('$b', A),
    ]);
    // Then two hops later only the transitive one is still there, still transitive
    expect(view?.tags).toEqual({ project: 'apollo' });
    expect(view?.transitiveTagKeys).toEqual(['project']);
  });

  it.each([
    ['dev', 'success'],
    ['prod', 'error'],
  ])(
    'an inherited transitive tag replaces the target role’s same-key tag in aws:ResourceTag (env=%s → %s)',
    (value, outcome) => {
      // Given role B tagged env=prod, trusting only callers for which aws:ResourceTag/env is dev
      const w = world({
        users: [user('alice', DEV, { policies: [ALL_STS] })],
        roles: [
          role('A', DEV, [trusts({ AWS: DEV }, FULL)], { policies: [ALL_STS] }),
          role(
            'B',
            DEV,
            [trusts({ AWS: DEV }, 'sts:AssumeRole', { StringEquals: { 'aws:ResourceTag/env': 'dev' } })],
            {
              tags: { env: 'prod' },
            },
          ),
        ],
      });
      // When a session carrying a transitive env tag assumes B
      const r = last(w, [
        ['a', assume('user/alice', A, { Tags: tagList({ env: value }), TransitiveTagKeys: ['env'] })],
        assume('$a', B),
      ]);
      expect(r.outcome).toBe(outcome);
    },
  );

  it('GetCallerIdentity of a tagged session shows its tags', () => {
    const r = last(attrWorld(), [
      ['a', assume('user/alice', A, { Tags: tagList({ project: 'apollo' }) })],
      whoami('$a'),
    ]);
    expect(r.view?.tags).toEqual({ project: 'apollo' });
  });
});

describe('source identity: needs sts:SetSourceIdentity, is inherited, and cannot change (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html', () => {
  const siDenied = (caller: string) => ({
    outcome: 'error',
    code: 'AccessDenied',
    message: `User: ${caller} is not authorized to perform: sts:SetSourceIdentity on resource: ${B}`,
  });
  const session = `arn:aws:sts::${DEV}:assumed-role/A/test-session`;

  it('setting one without sts:SetSourceIdentity in the trust policy (1.9)', () => {
    const r = last(attrWorld(['sts:AssumeRole']), [assume('user/alice', B, { SourceIdentity: 'alice' })]);
    expect(brief(r)).toEqual(siDenied(`arn:aws:iam::${DEV}:user/alice`));
  });

  it('an inherited one also needs sts:SetSourceIdentity on the next hop (1.9)', () => {
    const r = last(attrWorld(['sts:AssumeRole']), [
      ['a', assume('user/alice', A, { SourceIdentity: 'alice' })],
      assume('$a', B),
    ]);
    expect(brief(r)).toEqual(siDenied(session));
  });

  it.each([
    ['not passed again', undefined, 'success'],
    ['passed again unchanged', 'alice', 'success'],
    ['changed', 'mallory', 'error'],
  ])('chained, source identity %s → %s', (_n, si, outcome) => {
    const r = last(attrWorld(), [
      ['a', assume('user/alice', A, { SourceIdentity: 'alice' })],
      assume('$a', B, si ? { SourceIdentity: si } : {}),
    ]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'success') {
      expect(r.view?.sourceIdentity).toBe('alice');
      expect(r.response?.SourceIdentity).toBe('alice');
    } else expect(r.code).toBe('AccessDenied');
  });

  it('negative: without a source identity none appears', () => {
    const r = last(attrWorld(), [assume('user/alice', A)]);
    expect(r.view?.sourceIdentity).toBeUndefined();
    expect(r.response).not.toHaveProperty('SourceIdentity');
  });
});
