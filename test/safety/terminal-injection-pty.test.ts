/**
 * In a real terminal (tmux): content-pack text in a prompt's choices is shown escaped. Were the
 * OSC sequence sent raw, tmux would act on it (retitle the pane) and the screen would show only
 * "Vendor access".
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
});
