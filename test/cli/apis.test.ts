import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.js';
import type { World } from '../../src/engine/index.js';
import { runCli } from '../helpers/run-cli.js';

interface Row {
  api: string;
  signed: boolean;
  credentials: string;
  duration?: { default: number; min: number; max: number | 'role'; roleMax?: number; chainingMax?: number };
  sessionCanCallSts?: string[];
  scenarios: string[];
  typical?: string;
  flows: number[];
}

const world: World = {
  accounts: [{ id: '111111111111' }],
  users: [
    {
      name: 'ana',
      account: '111111111111',
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] }],
    },
  ],
  roles: ['Long', 'Next'].map((name) => ({
    name,
    account: '111111111111',
    maxSessionDuration: 43200,
    policies: [
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
    ],
    trust: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' },
      ],
    },
  })),
};

const assume = (as: string, role: string, seconds: number) => ({
  api: 'AssumeRole' as const,
  as,
  params: {
    RoleArn: `arn:aws:iam::111111111111:role/${role}`,
    RoleSessionName: 'x1',
    DurationSeconds: seconds,
  },
});

describe('sts-trainer apis (no TTY)', () => {
  it('--json lists the STS APIs with the numbers the engine enforces', async () => {
    const r = await runCli(['apis', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      apis: Row[];
      flows: { n: number; scenario: string; scenarioFound: boolean }[];
    };
    expect(out.apis.map((a) => a.api)).toEqual([
      'AssumeRole',
      'AssumeRoleWithSAML',
      'AssumeRoleWithWebIdentity',
      'GetSessionToken',
      'GetFederationToken',
      'GetCallerIdentity',
      'GetAccessKeyInfo',
      'DecodeAuthorizationMessage',
    ]);
    const ar = out.apis[0]!;
    const d = ar.duration!;
    // Given the table's AssumeRole limits, When the engine is asked at and past them, Then it agrees.
    const e = createEngine(world);
    expect(e.call(assume('user/ana', 'Long', d.roleMax!)).outcome).toBe('success');
    expect(e.call(assume('user/ana', 'Long', d.roleMax! + 1)).code).toBe('ValidationError');
    expect(e.call(assume('user/ana', 'Long', d.min)).outcome).toBe('success');
    expect(e.call(assume('user/ana', 'Long', d.min - 1)).code).toBe('ValidationError');
    const noDuration = e.call(
      {
        ...assume('user/ana', 'Long', 0),
        params: { RoleArn: 'arn:aws:iam::111111111111:role/Long', RoleSessionName: 'x1' },
      },
      { id: 'first' },
    );
    expect(noDuration.view?.expiresIn).toBe(d.default);
    expect(e.call(assume('$first', 'Next', d.chainingMax!)).outcome).toBe('success');
    expect(e.call(assume('$first', 'Next', d.chainingMax! + 1)).code).toBe('ValidationError');

    const gst = out.apis.find((a) => a.api === 'GetSessionToken')!;
    const g = gst.duration!;
    expect(gst.credentials).toBe('long-term');
    expect(
      e.call({ api: 'GetSessionToken', as: 'user/ana', params: { DurationSeconds: g.max } }).outcome,
    ).toBe('success');
    expect(
      e.call({ api: 'GetSessionToken', as: 'user/ana', params: { DurationSeconds: Number(g.max) + 1 } }).code,
    ).toBe('ValidationError');
    expect(e.call({ api: 'GetSessionToken', as: 'user/ana' }).view?.expiresIn).toBe(g.default);
  });

  it('--json: what each session may call matches what the engine lets it call', async () => {
    const out = JSON.parse((await runCli(['apis', '--json'])).stdout) as { apis: Row[] };
    const e = createEngine(world);
    e.call({ api: 'GetSessionToken', as: 'user/ana' }, { id: 'gst' });
    e.call({ api: 'GetFederationToken', as: 'user/ana', params: { Name: 'fed' } }, { id: 'gft' });
    const byApi = new Map(out.apis.map((a) => [a.api, a]));
    for (const [api, id] of [
      ['GetSessionToken', '$gst'],
      ['GetFederationToken', '$gft'],
    ] as const) {
      const allowed = byApi.get(api)!.sessionCanCallSts!;
      expect(allowed).toContain('GetCallerIdentity');
      expect(e.call({ api: 'GetCallerIdentity', as: id }).outcome).toBe('success');
      const assumed = e.call(assume(id, 'Next', 900)).outcome === 'success';
      expect(allowed.includes('AssumeRole')).toBe(assumed);
      const again = e.call({ api: 'GetSessionToken', as: id }).outcome === 'success';
      expect(allowed.includes('GetSessionToken')).toBe(again);
    }
    expect(byApi.get('AssumeRoleWithSAML')!.signed).toBe(false);
    expect(byApi.get('AssumeRole')!.signed).toBe(true);
  });

  it('--json links each of the six flows and each API to a built-in scenario', async () => {
    const out = JSON.parse((await runCli(['apis', '--json'])).stdout) as {
      apis: Row[];
      flows: { n: number; scenario: string; scenarioFound: boolean }[];
    };
    expect(out.flows.map((f) => f.n)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const f of out.flows) expect(f.scenarioFound, f.scenario).toBe(true);
    for (const a of out.apis.slice(0, 6)) expect(a.scenarios, a.api).toContain(a.typical);
    expect(out.apis[0]!.typical).toBe('cross-account-assume-role');
  });

  it('--print writes plain text: every flow and every API, no escape codes', async () => {
    const r = await runCli(['apis', '--print']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(String.fromCharCode(27));
    expect(r.stdout).toContain('1. cross-account access');
    expect(r.stdout).toContain('6. role chaining');
    expect(r.stdout).toContain('sts-trainer learn mfa-get-session-token');
    expect(r.stdout).toMatch(/^GetFederationToken$/m);
    expect(r.stdout).toContain('default 12 h; 15 min to 36 h; root user: at most (and by');
  });

  it.each(['60', '80', '120'])('--print fits COLUMNS=%s', async (columns) => {
    const r = await runCli(['apis', '--print'], { env: { COLUMNS: columns } });
    expect(r.code).toBe(0);
    // A URL is never cut (ui/text.ts): a line that is one URL may run past the width.
    for (const line of r.stdout.split('\n'))
      if (!/^\s*https:\/\/\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(Number(columns));
  });
});

describe('sts-trainer apis --json words the catalog (the engine keeps codes; src/apis/catalog-words.ts the sentences)', () => {
  type Words = Row & {
    callers: string[];
    mfa: string;
    chaining?: string;
    sessionIam?: string;
    permission: string;
  };
  let byApi: Map<string, Words>;
  beforeAll(async () => {
    const out = JSON.parse((await runCli(['apis', '--json'])).stdout) as { apis: Words[] };
    byApi = new Map(out.apis.map((a) => [a.api, a]));
  });
  const ROLE_CHAINING = 'yes: a role session that assumes a role gets at most 1 h';
  it.each<[string, string[], string, string, string | undefined, string | undefined, string]>([
    [
      'AssumeRole',
      ['IAM user', 'role session (chaining)', 'GetSessionToken session', 'AWS service'],
      'long-term or temporary',
      'SerialNumber + TokenCode',
      ROLE_CHAINING,
      'yes',
      "sts:AssumeRole: the role's trust policy, plus the caller's policy across accounts",
    ],
    [
      'AssumeRoleWithSAML',
      ['anyone holding an assertion from a SAML IdP the account trusts'],
      'none (unsigned)',
      'not supported',
      ROLE_CHAINING,
      'yes',
      "sts:AssumeRoleWithSAML in the role's trust policy (Principal.Federated)",
    ],
    [
      'AssumeRoleWithWebIdentity',
      ['anyone holding a token from an OIDC IdP the account trusts'],
      'none (unsigned)',
      'not supported',
      ROLE_CHAINING,
      'yes',
      "sts:AssumeRoleWithWebIdentity in the role's trust policy (Principal.Federated)",
    ],
    [
      'GetSessionToken',
      ['IAM user', 'root user (discouraged)'],
      'long-term',
      'SerialNumber + TokenCode',
      'its session may call AssumeRole, capped at 1 h like chaining',
      'only with MFA',
      'none: an Allow or Deny on sts:GetSessionToken has no effect',
    ],
    [
      'GetFederationToken',
      ['IAM user (an identity broker)', 'root user (discouraged)'],
      'long-term',
      'not supported',
      'no: its session cannot call AssumeRole',
      'never',
      "sts:GetFederationToken in the caller's policy; a session policy sets what the session gets",
    ],
    [
      'GetCallerIdentity',
      ['any signed caller'],
      'long-term or temporary',
      'not applicable',
      undefined,
      undefined,
      'none: it cannot be denied',
    ],
    [
      'GetAccessKeyInfo',
      ['any signed caller'],
      'long-term or temporary',
      'not applicable',
      undefined,
      undefined,
      'sts:GetAccessKeyInfo',
    ],
    [
      'DecodeAuthorizationMessage',
      ['any signed caller with the permission'],
      'long-term or temporary',
      'not applicable',
      undefined,
      undefined,
      'sts:DecodeAuthorizationMessage',
    ],
  ])('%s', (api, callers, credentials, mfa, chaining, sessionIam, permission) => {
    const row = byApi.get(api);
    expect(row).toMatchObject({ callers, credentials, mfa, permission });
    expect([row?.chaining, row?.sessionIam]).toEqual([chaining, sessionIam]);
  });
});
