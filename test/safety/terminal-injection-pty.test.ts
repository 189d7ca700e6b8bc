/**
 * In a real terminal (tmux): content-pack text in a prompt's choices is shown escaped. Were the
 * OSC sequence sent raw, tmux would act on it (retitle the pane) and the screen would show only
 * "Vendor access".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const ROOT = join(import.meta.dirname, '../..');
const home = mkdtempSync(join(tmpdir(), 'sts-hostile-pty-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.skipIf(!hasTmux)('hostile content in a terminal', () => {
  it('the scenario picker shows a hostile title escaped, in colour', async () => {
    const tty = startTmux({
      name: 'picker',
      cols: 100,
      rows: 30,
      command: [process.execPath, BIN, '--content', join(ROOT, 'test/fixtures/hostile/terminal'), 'learn'],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '', FORCE_COLOR: '1', CI: '' },
    });
    await tty.waitFor((t) => t.includes('navigate') || t.includes('Search'), 'the picker');
    tty.send('hostile');
    const screen = await tty.waitFor((t) => t.includes('Vendor\\e]0;PWNED\\a access'), 'the escaped title');
    expect(screen).not.toMatch(/Vendor access/);
    tty.send('C-c');
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
    expect(end).toContain('EXIT=130');
  });

  it("a pack's colour sequences, and an argument's, are shown escaped on a colour terminal", async () => {
    // Given a quiz title that would hide text (black on black) and blink, When `list` and a mistyped
    // `learn` run in colour, Then the sequences show as text; only the theme's own colours are kept
    const pack = mkdtempSync(join(tmpdir(), 'sts-sgr-pack-'));
    mkdirSync(join(pack, 'quizzes'));
    writeFileSync(
      join(pack, 'quizzes/sgr.yaml'),
      'id: sgr-demo\ntitle: "Visible \\e[30;40mHIDDEN\\e[0m \\e[5;7mBLINK\\e[0m"\n' +
        'questions:\n  - { id: q, type: single, prompt: p, choices: [a, b], answer: a }\n',
    );
    try {
      const env = { STS_TRAINER_HOME: home, NO_COLOR: '', FORCE_COLOR: '1', CI: '', TERM: 'xterm-256color' };
      const list = startTmux({
        name: 'sgr-list',
        cols: 120,
        rows: 40,
        command: [process.execPath, BIN, '--content', pack, 'list', 'quizzes'],
        env,
        escapes: true,
      });
      const screen = await list.waitFor((t) => t.includes('EXIT=0'), 'list to finish');
      expect(screen).toContain('Visible \\e[30;40mHIDDEN\\e[0m \\e[5;7mBLINK\\e[0m');
      // eslint-disable-next-line no-control-regex
      expect(screen).not.toMatch(/\x1b\[(?:[0-9;]*;)?(?:5|7|30;40)m/);
      const learn = startTmux({
        name: 'sgr-arg',
        cols: 120,
        rows: 20,
        command: [process.execPath, BIN, 'learn', 'x\u001b[30;40mhidden'],
        env,
        escapes: true,
      });
      const error = await learn.waitFor((t) => t.includes('EXIT=2'), 'the usage error');
      expect(error).toContain('x\\e[30;40mhidden');
    } finally {
      rmSync(pack, { recursive: true, force: true });
    }
  });
});
