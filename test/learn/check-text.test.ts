/**
 * The learner's words for a trace check come from its id, outcome and values (src/learn/check-text.ts):
 * the engine records data, this module words it.
 */
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario, runWhatIf } from '../../src/content/run.js';
import type { TraceCheck } from '../../src/engine/types.js';
import { checkText } from '../../src/learn/check-text.js';

describe('checkText words a check from its values', () => {
  it.each<[string, TraceCheck, { title: string; detail?: string }]>([
    [
      'a wrong MFA code names what was sent',
      { id: 'mfa.code', phase: 'mfa', ok: false, values: { sent: '123456' } },
      { title: "TokenCode is the device's current code", detail: 'sent 123456' },
    ],
    [
      'a right MFA code says what it gives',
      { id: 'mfa.code', phase: 'mfa', ok: true, values: { sent: '123456' } },
      { title: "TokenCode is the device's current code", detail: 'the session will be MFA-authenticated' },
    ],
    [
      'a role session over MaxSessionDuration',
      {
        id: 'duration.limit',
        phase: 'duration',
        ok: false,
        values: { rule: 'role', requested: 7200, seconds: 7200, role: 'App', maximum: 3600, chaining: false },
      },
      {
        title: "duration within the role's MaxSessionDuration",
        detail: 'requested 7200 s; role App allows at most 3600 s',
      },
    ],
    [
      'a default duration within the limits, chaining',
      {
        id: 'duration.limit',
        phase: 'duration',
        ok: true,
        values: { rule: 'role', seconds: 3600, role: 'App', maximum: 7200, chaining: true },
      },
      {
        title: 'duration 1 h is within the limits',
        detail: 'default 1 h; role maximum 7200 s; chaining limit 3600 s',
      },
    ],
    [
      'GetSessionToken credentials calling an STS API they may not',
      {
        id: 'caller.type',
        phase: 'caller',
        ok: false,
        values: { gate: 'sts-api', api: 'GetAccessKeyInfo', kind: 'session-token', caller: 'arn:x' },
      },
      {
        title: 'these credentials may call GetAccessKeyInfo',
        detail: 'GetSessionToken credentials can call only AssumeRole and GetCallerIdentity among STS APIs',
      },
    ],
    [
      'an authorization: the action, the resource and the decision',
      {
        id: 'authorize.sts:AssumeRole',
        phase: 'authorize',
        ok: false,
        values: { action: 'sts:AssumeRole', resource: 'arn:r', decision: 'ImplicitlyDenied' },
      },
      { title: 'sts:AssumeRole on arn:r: implicitly denied' },
    ],
    [
      'authorize.none is not an authorization',
      {
        id: 'authorize.none',
        phase: 'authorize',
        ok: true,
        values: { api: 'GetCallerIdentity', deniedBy: { kind: 'scp', name: 'X' } },
      },
      {
        title: 'GetCallerIdentity needs no permission and cannot be denied',
        detail: 'SCP X denies sts:GetCallerIdentity, and that has no effect',
      },
    ],
    [
      'passing tags with nothing to list has no detail',
      { id: 'tags.rules', phase: 'tags', ok: true, values: { passed: {}, transitive: [], inherited: {} } },
      { title: 'session tags are well formed' },
    ],
  ])('%s', (_name, check, words) => {
    expect(checkText(check)).toEqual(words);
  });
});

describe('every check the built-in scenarios make has words', () => {
  it('a title, and no value left unfilled', async () => {
    const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
    const checks: TraceCheck[] = [];
    for (const { scenario } of library.scenarios) {
      const main = runScenario(scenario);
      for (const s of main.steps) checks.push(...(s.result?.trace ?? []));
      for (const w of scenario.whatIf ?? []) checks.push(...runWhatIf(scenario, w, main).result.trace);
    }
    expect(new Set(checks.map((c) => c.id)).size).toBeGreaterThan(30);
    const bad = checks
      .map((c) => ({ id: c.id, ...checkText(c) }))
      .filter((w) => !w.title || /undefined|\[object|NaN/.test(`${w.title} ${w.detail ?? ''}`));
    expect(bad).toEqual([]);
  });
});
