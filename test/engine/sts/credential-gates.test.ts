// Which STS APIs each kind of credentials may call, whatever their policies allow: the comparison table
// of https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html and
// docs/decisions.md#temporary-credential-gates. Every caller here has policies allowing every action, so
// only the credential gate can deny; a denial must name the gate that decided (the trace check id).
import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/engine/index.js';
import { allow, assume, basicWorld, DEV, policy, roleArn, run, whoami } from './worlds.js';

const APP = roleArn(DEV, 'App');
const ALLOW_ALL = policy(allow('*'));

/** How to obtain each kind of credentials as `$c`. */
const callers: Record<string, Call | undefined> = {
  'IAM user (long-term)': undefined,
  'root user (long-term)': undefined,
  'role session': assume('user/alice', APP),
  'GetSessionToken session': { api: 'GetSessionToken', as: 'user/alice' },
  'GetFederationToken session': {
    api: 'GetFederationToken',
    as: 'user/alice',
    params: { Name: 'fed', Policy: ALLOW_ALL },
  },
};
const as = (kind: string) =>
  kind === 'IAM user (long-term)' ? 'user/alice' : kind === 'root user (long-term)' ? `root/${DEV}` : '$c';

const apis: Record<string, (who: string) => Call> = {
  AssumeRole: (who) => assume(who, APP),
  GetSessionToken: (who) => ({ api: 'GetSessionToken', as: who }),
  GetFederationToken: (who) => ({ api: 'GetFederationToken', as: who, params: { Name: 'f2' } }),
  GetCallerIdentity: (who) => whoami(who),
  GetAccessKeyInfo: (who) => ({ api: 'GetAccessKeyInfo', as: who, params: { AccessKeyId: 'user/bob' } }),
  DecodeAuthorizationMessage: (who) => ({
    api: 'DecodeAuthorizationMessage',
    as: who,
    params: { EncodedMessage: '$denied' },
  }),
};

// [caller, API, undefined = success | [error code, the trace check that failed]]
type Expected = undefined | [code: string, check: string];
const OK = undefined;
const table: Record<string, Record<string, Expected>> = {
  'IAM user (long-term)': {
    AssumeRole: OK,
    GetSessionToken: OK,
    GetFederationToken: OK,
    GetCallerIdentity: OK,
    GetAccessKeyInfo: OK,
    DecodeAuthorizationMessage: OK,
  },
  'root user (long-term)': {
    AssumeRole: ['AccessDenied', 'caller.root'],
    GetSessionToken: OK,
    GetFederationToken: OK,
    GetCallerIdentity: OK,
    GetAccessKeyInfo: OK,
    DecodeAuthorizationMessage: OK,
  },
  'role session': {
    AssumeRole: OK,
    GetSessionToken: ['AccessDenied', 'caller.long-term'],
    GetFederationToken: ['AccessDenied', 'caller.long-term'],
    GetCallerIdentity: OK,
    GetAccessKeyInfo: OK,
    DecodeAuthorizationMessage: OK,
  },
  'GetSessionToken session': {
    AssumeRole: OK,
    GetSessionToken: ['AccessDenied', 'caller.long-term'],
    GetFederationToken: ['AccessDenied', 'caller.long-term'],
    GetCallerIdentity: OK,
    GetAccessKeyInfo: ['AccessDenied', 'caller.type'],
    DecodeAuthorizationMessage: ['AccessDenied', 'caller.type'],
  },
  'GetFederationToken session': {
    AssumeRole: ['AccessDenied', 'caller.type'],
    GetSessionToken: ['AccessDenied', 'caller.long-term'],
    GetFederationToken: ['AccessDenied', 'caller.long-term'],
    GetCallerIdentity: OK,
    GetAccessKeyInfo: ['AccessDenied', 'caller.type'],
    DecodeAuthorizationMessage: ['AccessDenied', 'caller.type'],
  },
};

const rows = Object.entries(table).flatMap(([kind, byApi]) =>
  Object.entries(byApi).map(([api, expected]) => [kind, api, expected] as const),
);

describe('credential-type gates for every STS API (id_credentials_temp_request comparison table)', () => {
  it.each(rows)('%s calling %s → %j', (kind, api, expected) => {
    // Given: everyone may do everything (sts:* and more), and bob was denied once (a message to decode)
    const w = basicWorld({
      users: [
        ...(basicWorld().users ?? []).map((u) => (u.name === 'alice' ? { ...u, policies: [ALLOW_ALL] } : u)),
      ],
    });
    w.roles = w.roles?.map((r) => ({ ...r, policies: [ALLOW_ALL] }));
    const setup = callers[kind];
    const steps: ([string, Call] | Call)[] = [
      ['denied', { api: 'Request', as: 'user/bob', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }],
      ...(setup ? [['c', setup] as [string, Call]] : []),
    ];
    // When
    const { engine, results } = run(w, steps);
    if (setup) expect(results.at(-1)?.outcome).toBe('success');
    const r = engine.call(apis[api]!(as(kind)));
    // Then
    if (expected === undefined) {
      expect(r.outcome, JSON.stringify(r.trace.filter((c) => !c.ok))).toBe('success');
      expect(r.trace.filter((c) => !c.ok)).toEqual([]);
    } else {
      expect(r).toMatchObject({ outcome: 'error', code: expected[0] });
      const failed = r.trace.filter((c) => !c.ok);
      expect(failed.map((c) => c.id)).toEqual([expected[1]]);
      expect(failed[0]?.phase).toBe('caller');
      // a temporary session is named by its ARN (what the learner sees as the caller)
      if (expected[1] === 'caller.long-term')
        expect(failed[0]?.values).toEqual({ caller: results.at(-1)?.view?.arn, temporary: true });
    }
  });
});
