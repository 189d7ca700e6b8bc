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
