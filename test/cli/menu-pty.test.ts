/**
 * The bare command in a terminal opens the menu, and so does the bare command with the options
 * that only say what to show and how (`--content DIR`, `--data-dir DIR`, `--no-color`, `--plain`);
 * any other argument, or no terminal, gets the command's own behaviour.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const ROOT = join(import.meta.dirname, '../..');
const home = mkdtempSync(join(tmpdir(), 'sts-menu-pty-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.skipIf(!hasTmux)('the menu', () => {
  it.each([
    ['bare', []],
    [
      'with --content and --no-color',
      ['--content', join(ROOT, 'test/fixtures/hostile/terminal'), '--no-color'],
    ],
    ['with --data-dir=DIR and --plain', [`--data-dir=${home}`, '--plain']],
  ])('opens %s, and Ctrl-C leaves it with 130', async (name, args) => {
    const tty = startTmux({
      name: name.replace(/\W+/g, '-'),
      cols: 80,
      rows: 24,
      command: [process.execPath, BIN, ...args],
      env: { STS_TRAINER_HOME: home, CI: '' },
    });
    await tty.waitFor((t) => t.includes('What would you like to do?'), 'the menu');
    tty.send('C-c');
    expect(await tty.waitFor((t) => t.includes('EXIT='), 'the exit')).toContain('EXIT=130');
  });

  it('a command after the options runs that command', async () => {
    const tty = startTmux({
      name: 'list',
      cols: 80,
      rows: 24,
      command: [process.execPath, BIN, '--no-color', 'list', 'quizzes'],
      env: { STS_TRAINER_HOME: home, CI: '' },
    });
    const screen = await tty.waitFor((t) => t.includes('EXIT='), 'list to finish');
    expect(screen).toContain('EXIT=0');
    expect(screen).not.toContain('What would you like to do?');
  });
});
