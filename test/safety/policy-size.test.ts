/** Policy size quotas as IAM has them, reported by `validate` at the policy's line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_LIMITS, policyChars, policySizeProblems } from '../../src/engine/policy/size.js';
import type { World } from '../../src/engine/types.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');

/** A policy of exactly `size` characters (white space not counted). */
function policyOf(size: number) {
  const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '' } };
  doc.Statement.Resource = 'x'.repeat(size - policyChars(doc));
  expect(policyChars(doc)).toBe(size);
  return doc;
}

const world = (w: Partial<World>): World => ({ accounts: [{ id: '111111111111' }], ...w }) as World;
const trust = (size: number) =>
  world({ roles: [{ name: 'R', account: '111111111111', trust: policyOf(size) }] });
const user = (...sizes: number[]) =>
  world({ users: [{ name: 'u', account: '111111111111', policies: sizes.map(policyOf) }] });
/** `severity path limit` of each problem, e.g. `warning roles.0.trust trust-default`. */
const summary = (w: World) =>
  policySizeProblems(w).map(
    (p) => `${p.severity} ${p.path.join('.')} ${p.code === 'policy-size' ? p.limit : p.code}`,
  );

describe('policy size quotas', () => {
  it('does not count white space', () => {
    expect(policyChars({ a: 'b c' })).toBe(policyChars({ a: 'bc' }));
    expect(policyChars({ Version: '2012-10-17' })).toBe('{"Version":"2012-10-17"}'.length);
    expect(policyChars({ a: 'b\tc\nd\re' })).toBe(policyChars({ a: 'bcde' }) + 6); // escaped: \\t is two characters
  });

  it('counts a character outside the BMP once, and a lone surrogate as its escape', () => {
    expect(policyChars({ a: '😀' })).toBe(policyChars({ a: 'x' }));
    expect(policyChars({ a: '\ud800' })).toBe(policyChars({ a: 'x' }) + 5); // written as \ud800
  });

  it.each([
    [trust(2048), []],
    [trust(2049), ['warning roles.0.trust trust-default']],
    [trust(4096), ['warning roles.0.trust trust-default']],
    [trust(4097), ['error roles.0.trust trust-max']],
    [user(2048), []],
    [user(1500, 1500), ['warning users.0.policies user-inline-total']],
    [user(6144), ['warning users.0.policies user-inline-total']],
    [user(6145), ['error users.0.policies.0 managed']],
    [
      world({
        roles: [{ name: 'R', account: '111111111111', trust: policyOf(100), policies: [policyOf(10240)] }],
      }),
      [],
    ],
    [
      world({
        roles: [
          {
            name: 'R',
            account: '111111111111',
            trust: policyOf(100),
            policies: [policyOf(6000), policyOf(6000)],
          },
        ],
      }),
      ['warning roles.0.policies role-inline-total'],
    ],
    [
      world({
        roles: [{ name: 'R', account: '111111111111', trust: policyOf(100), policies: [policyOf(10241)] }],
      }),
      ['error roles.0.policies.0 role-inline'],
    ],
    [
      world({ managedPolicies: [{ name: 'M', account: '111111111111', policy: policyOf(6145) }] }),
      ['error managedPolicies.0.policy managed'],
    ],
    [
      world({
        organization: {
          id: 'o-a1b2c3d4e5',
          accounts: ['111111111111'],
          scps: [{ name: 'S', accounts: ['111111111111'], policy: policyOf(5121) }],
        },
      }),
      ['error organization.scps.0.policy scp'],
    ],
  ])('case %#', (w, expected) => {
    expect(summary(w)).toEqual(expected);
  });

  it('limits are the ones the IAM quotas page gives', () => {
    expect(POLICY_LIMITS).toEqual({
      trustDefault: 2048,
      trustMax: 4096,
      managed: 6144,
      userInline: 2048,
      roleInline: 10240,
      scp: 5120,
    });
  });

  it('validate reports them with file:line:col and fails on the impossible one', async () => {
    const r = await runCli(['validate', 'test/fixtures/hostile/sizes'], { cwd: ROOT });
    expect(r.code).toBe(1);
    const file = 'test/fixtures/hostile/sizes/oversized-policies.yaml';
    expect(r.stdout).toContain(
      `${file}:15:11: user vera: policy 1 is 7,634 characters; a managed policy holds at most 6,144`,
    );
    expect(r.stdout).toContain(
      `${file}:24:9: warning: role VendorRead: the trust policy is 3,486 characters; the default quota is 2,048`,
    );
  });
});

describe('validate --json carries the engine’s code next to the words', () => {
  it('a size problem: its code, message and hint', async () => {
    const r = await runCli(['validate', '--json', 'test/fixtures/hostile/sizes'], { cwd: ROOT });
    const [file] = JSON.parse(r.stdout).files;
    expect(file.errors).toContainEqual({
      line: 15,
      col: 11,
      message: 'user vera: policy 1 is 7,634 characters; a managed policy holds at most 6,144',
      hint: 'split it into smaller policies',
      code: 'policy-size',
    });
    expect(file.warnings).toContainEqual(
      expect.objectContaining({
        code: 'policy-size',
        message: 'role VendorRead: the trust policy is 3,486 characters; the default quota is 2,048',
      }),
    );
  });
});
