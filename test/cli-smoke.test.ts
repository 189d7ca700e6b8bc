import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('the CLI binary without a TTY', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints help with every command when run bare', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    for (const cmd of [
      'learn',
      'quiz',
      'review',
      'group',
      'list',
      'call',
      'validate',
      'progress',
      'schema',
    ]) {
      expect(r.stdout).toContain(cmd);
    }
  });

  it('exits 2 on an unknown command, with a suggestion and no stack trace', async () => {
    const r = await runCli(['lern']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('learn');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
