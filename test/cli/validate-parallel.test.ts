/**
 * `validate` over several threads reports exactly what the serial path does: every problem, position,
 * check and statistic, in the same order, with the same exit code. STS_TRAINER_VALIDATE_THREADS forces
 * the thread count (the automatic choice needs more files than a test should carry).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makePack } from '../helpers/validate-pack.js';

let pack: string;

beforeAll(() => {
  pack = mkdtempSync(join(tmpdir(), 'sts-parallel-'));
  makePack(pack);
});
afterAll(() => rmSync(pack, { recursive: true, force: true }));

const validate = (threads: number, ...args: string[]) =>
  runCli(['validate', ...args, pack], {
    cwd: pack,
    env: { STS_TRAINER_VALIDATE_THREADS: String(threads), STS_TRAINER_DEBUG: '1' },
  });

describe('validate in parallel', () => {
  it.each([['text'], ['--json']])('prints the same report on 1, 2 and 3 threads (%s)', async (format) => {
    const args = format === 'text' ? [] : [format];
    const one = await validate(1, ...args);
    const [two, three] = await Promise.all([2, 3].map((n) => validate(n, ...args)));
    // The serial report is worth comparing: it has errors, warnings, engine checks and hints.
    expect(one.code).toBe(1);
    const text = format === 'text' ? one.stdout : '';
    if (text) {
      expect(text).toMatch(/duplicate scenario id `cross-account-assume-role`: `.*scenarios\/cross-account/);
      expect(text).toContain('duplicate scenario id `fixture-vendor-access`');
      expect(text).toContain('unknown scenario `data-perimeter-service-keys-copyy`\nhint: did you mean');
      expect(text).toContain('unknown field `trsut`');
      expect(text).toMatch(/warning: /);
      expect(text).toMatch(/\d+ engine checks: [1-9]\d* passed/);
    }
    for (const [n, r] of [
      [2, two!],
      [3, three!],
    ] as const) {
      expect(r.stderr).toContain(`thread(s)`);
      expect(r.stderr).toMatch(new RegExp(`files, ${n} thread\\(s\\)`));
      expect(r.code).toBe(one.code);
      expect(r.stdout).toBe(one.stdout);
    }
  });

  it('refuses a thread count that is not a whole number from 1 to 64', async () => {
    const r = await runCli(['validate', pack], { env: { STS_TRAINER_VALIDATE_THREADS: '0' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STS_TRAINER_VALIDATE_THREADS is `0`: expected a whole number from 1 to 64');
  });
});
