// The catalog of STS APIs is data the engine's rules produce: codes and numbers, which
// `sts-trainer apis` words (test/cli/apis.test.ts pins the words).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
import { describe, expect, it } from 'vitest';
import { createEngine, isStsApi, STS_APIS, stsApiCatalog, type Call } from '../../../src/engine/index.js';
import { allow, assume, DEV, policy, role, roleArn, trusts, user, world } from './worlds.js';

const NEXT = roleArn(DEV, 'Next');
const chainWorld = () =>
  world({
    users: [user('alice', DEV, { policies: [policy(allow('sts:*'))] })],
    roles: [
      role('First', DEV, [trusts({ AWS: `arn:aws:iam::${DEV}:root` })], {
        maxSessionDuration: 43200,
        policies: [policy(allow('sts:*'))],
      }),
      role('Next', DEV, [trusts({ AWS: `arn:aws:iam::${DEV}:root` })], {
        maxSessionDuration: 43200,
        policies: [policy(allow('sts:*'))],
      }),
    ],
  });

describe('isStsApi', () => {
  it("is true for STS's own APIs only, not the access portal's or another service's Request", () => {
    for (const api of STS_APIS) expect(isStsApi(api)).toBe(true);
    for (const api of ['SignIn', 'GetRoleCredentials', 'Request', 'assumerole', 'AssumeRoles', ''])
      expect(isStsApi(api)).toBe(false);
    expect(STS_APIS).toContain('AssumeRoleWithWebIdentity');
  });
});

describe('stsApiCatalog: codes and numbers, no sentences', () => {
  it('no string in the catalog holds a space: the words live in src/apis', () => {
    const strings: string[] = [];
    JSON.stringify(stsApiCatalog(), (_k, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.filter((s) => /\s/.test(s))).toEqual([]);
  });

  it.each<[string, Call]>([
    ['AssumeRole', assume('user/alice', roleArn(DEV, 'First'))],
    ['GetSessionToken', { api: 'GetSessionToken', as: 'user/alice' }],
    ['GetFederationToken', { api: 'GetFederationToken', as: 'user/alice', params: { Name: 'fed' } }],
  ])("%s: the session's chaining code is what the engine does when it assumes a role", (api, mint) => {
    const facts = stsApiCatalog().find((f) => f.api === api);
    const chaining = facts?.session?.chaining;
    const run = (seconds: number) => {
      const e = createEngine(chainWorld());
      expect(e.call(mint, { id: 's' }).outcome).toBe('success');
      return e.call(assume('$s', NEXT, { DurationSeconds: seconds }));
    };
    if (chaining === undefined || chaining.kind === 'none') {
      expect(chaining).toEqual({ kind: 'none' });
      expect(run(900).outcome).toBe('error');
      return;
    }
    expect(chaining.kind).toBe(facts?.session?.mints);
    expect(run(chaining.cap).outcome).toBe('success');
    expect(run(chaining.cap + 1).code).toBe('ValidationError');
  });
});

describe("stsApiCatalog: which APIs a session may call is what the engine's caller checks do", () => {
  // Everything allowed by policy, so only a caller check (the credential gates of
  // id_credentials_temp_request.html) can refuse a call.
  const gateWorld = () => {
    const w = chainWorld();
    w.users = [...(w.users ?? []), user('bob', DEV)];
    return w;
  };
  const signed: Record<string, (who: string) => Call> = {
    AssumeRole: (who) => assume(who, NEXT),
    GetSessionToken: (who) => ({ api: 'GetSessionToken', as: who }),
    GetFederationToken: (who) => ({ api: 'GetFederationToken', as: who, params: { Name: 'f2' } }),
    GetCallerIdentity: (who) => ({ api: 'GetCallerIdentity', as: who }),
    GetAccessKeyInfo: (who) => ({ api: 'GetAccessKeyInfo', as: who, params: { AccessKeyId: 'user/bob' } }),
    DecodeAuthorizationMessage: (who) => ({
      api: 'DecodeAuthorizationMessage',
      as: who,
      params: { EncodedMessage: '$denied' },
    }),
  };
  /** The signed STS APIs the engine lets `as` call, by its caller checks. */
  const callable = (setup: Call | undefined, as: string): string[] =>
    Object.entries(signed)
      .filter(([, make]) => {
        const e = createEngine(gateWorld());
        e.call(
          { api: 'Request', as: 'user/bob', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
          { id: 'denied' },
        );
        if (setup) expect(e.call(setup, { id: 's' }).outcome).toBe('success');
        const r = e.call(make(as));
        return !r.trace.some((c) => !c.ok && c.phase === 'caller');
      })
      .map(([api]) => api);

  it.each<[string, Call]>([
    ['AssumeRole', assume('user/alice', roleArn(DEV, 'First'))],
    ['GetSessionToken', { api: 'GetSessionToken', as: 'user/alice' }],
    ['GetFederationToken', { api: 'GetFederationToken', as: 'user/alice', params: { Name: 'fed' } }],
  ])('a %s session: canCallSts lists exactly the signed APIs the engine lets it call', (api, mint) => {
    const listed = stsApiCatalog().find((f) => f.api === api)?.session?.canCallSts ?? [];
    expect(listed.filter((a) => a in signed)).toEqual(callable(mint, '$s'));
    // GetCallerIdentity needs no permission: every session may call it
    expect(listed).toContain('GetCallerIdentity');
  });

  it('an API needs long-term credentials in the catalog exactly when the engine refuses it to a role session', () => {
    const roleSession = callable(assume('user/alice', roleArn(DEV, 'First')), '$s');
    const longTermOnly = stsApiCatalog()
      .filter((f) => f.api in signed && f.credentials === 'long-term')
      .map((f) => f.api);
    expect(longTermOnly.sort()).toEqual(['GetFederationToken', 'GetSessionToken']);
    expect(
      Object.keys(signed)
        .filter((a) => !roleSession.includes(a))
        .sort(),
    ).toEqual(longTermOnly);
    // and a long-term caller may call every signed API
    expect(callable(undefined, 'user/alice')).toEqual(Object.keys(signed));
  });
});
