/**
 * A signal at a prompt in a real terminal (tmux): the terminal is restored from raw mode (stty shows
 * icanon and echo back), the program says bye and exits 143 (SIGTERM). Before, SIGTERM at the custom
 * "Press Enter" prompt left the terminal in raw mode (-icanon -echo).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-signals-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs `args` in the foreground of a shell that records its pid, then prints the terminal's modes. */
function inTerminal(name: string, args: string[]) {
  const pidFile = join(home, `${name}.pid`);
  const inner = `echo \\$\\$ > '${pidFile}'; exec '${process.execPath}' '${BIN}' ${args.join(' ')}`;
  const outer = `sh -c "${inner}"; c=$?; echo MODES: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'); exit $c`;
  const tty = startTmux({
    name,
    cols: 100,
    rows: 30,
    command: ['sh', '-c', outer],
    env: { STS_TRAINER_HOME: home, NO_COLOR: '1', CI: '' },
  });
  return { tty, pid: () => Number(readFileSync(pidFile, 'utf8')) };
}

describe.skipIf(!hasTmux)('signals at prompts', () => {
  it('SIGTERM at learn’s “Press Enter” prompt restores the terminal and exits 143', async () => {
    const { tty, pid } = inTerminal('learn-term', ['learn', 'third-party-external-id']);
    await tty.waitFor((t) => /Enter: go on|Press Enter to continue/.test(t), 'the first Press Enter');
    process.kill(pid(), 'SIGTERM');
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
    expect(end).toContain('bye — your progress is saved');
    expect(end).toContain('EXIT=143');
    expect(end).toMatch(/MODES: icanon echo/);
  });

  it('SIGTERM at a list prompt (the scenario picker) does the same', async () => {
    const { tty, pid } = inTerminal('picker-term', ['learn']);
    await tty.waitFor((t) => t.includes('navigate'), 'the picker');
    process.kill(pid(), 'SIGTERM');
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
    expect(end).toContain('EXIT=143');
    expect(end).toMatch(/MODES: icanon echo/);
  });

  it('SIGINT (kill -INT) at the “Press Enter” prompt exits 130 with the terminal restored', async () => {
    const { tty, pid } = inTerminal('learn-int', ['learn', 'third-party-external-id']);
    await tty.waitFor((t) => /Enter: go on|Press Enter to continue/.test(t), 'the first Press Enter');
    process.kill(pid(), 'SIGINT');
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
    expect(end).toContain('EXIT=130');
    expect(end).toMatch(/MODES: icanon echo/);
  });
});
