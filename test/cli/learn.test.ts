import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'sts-learn-'));
const env = { STS_TRAINER_HOME: home };
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('learn without a TTY', () => {
  it('prints the whole walkthrough of a scenario as a handout', async () => {
    const r = await runCli(['learn', 'mfa-get-session-token'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Who is involved:');
    expect(r.stdout).toContain('aws sts get-session-token');
    expect(r.stdout).toContain('What STS checked:');
    expect(r.stdout).toContain('What if…');
    expect(r.stdout).toContain('Takeaways');
    expect(r.stdout).not.toMatch(/undefined|\[object Object\]/);
    expect(r.stdout).not.toContain(String.fromCharCode(27));
  });

  it('exits 2 with a did-you-mean for an unknown scenario', async () => {
    const r = await runCli(['learn', 'role-chainin'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: unknown scenario \`role-chainin\`
      hint: did you mean \`role-chaining\`?
      "
    `);
  });

  it('lists the scenarios and says how to choose when no id is given', async () => {
    const r = await runCli(['learn'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cross-account-assume-role');
    expect(r.stdout).toContain('Start one with `sts-trainer learn <id>`.');
  });

  it('--no-input prints the handout too', async () => {
    const r = await runCli(['--no-input', 'learn', 'role-chaining'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('aws sts assume-role');
  });
});
