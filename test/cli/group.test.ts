import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'sts-group-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = { STS_TRAINER_HOME: home };

describe('group without a terminal', () => {
  it('exits 2 with a clear message and a hint', async () => {
    const r = await runCli(['group', '--players', 'Ana,Ben'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchInlineSnapshot(`
      "error: \`group\` needs an interactive terminal (players answer at the keyboard); instead, run it in a terminal, or \`sts-trainer quiz --print\` for a printable worksheet
      "
    `);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--players', 'Ana'], 'error: `--players`: a group needs at least 2 players'],
    [['--players', 'Ana,ana'], 'error: `--players`: player `ana` is named twice'],
    [['--players', 'Ana,,Ben'], 'error: `--players`: player names cannot be empty'],
    [
      ['--timer', '2'],
      "error: option '--timer <seconds>' argument '2' is invalid. Expected a whole number from 5 to 3600 seconds.",
    ],
    [['--export', 'out.txt'], 'error: `--export` takes a .md or .json file name, not `out.txt`'],
    [['--resume', '--seed', '3'], 'error: `--seed` cannot change a resumed session'],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await runCli(['group', ...args], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});
