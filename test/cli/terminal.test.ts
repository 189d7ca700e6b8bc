/**
 * Output fits the terminal: widths 60/80/120 in a pseudo-terminal and through COLUMNS without
 * one; --no-color reaches the prompts; TERM=dumb is plain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleLength } from '../../src/ui/text.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-terminal-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('EXIT='));
const widest = (text: string) => Math.max(...lines(text).map(visibleLength));

describe('without a terminal, COLUMNS sets the width', () => {
  it.each([60, 80, 120])('list fits %i columns', async (columns) => {
    const r = await runCli(['list'], { env: { COLUMNS: String(columns), STS_TRAINER_HOME: home } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(columns - 1);
    expect(r.stdout).toContain('cross-account-assume-role');
  });

  it('without COLUMNS a pipe gets one line per row (for grep)', async () => {
    const r = await runCli(['list', 'scenarios'], { env: { COLUMNS: undefined, STS_TRAINER_HOME: home } });
    const row = r.stdout.split('\n').find((l) => l.startsWith('eks-irsa'));
    expect(row).toMatch(/^eks-irsa +EKS IAM roles .* professional +eks, oidc/);
  });

  it('prints the quiz --print worksheet at its fixed 80 columns whatever the terminal', async () => {
    const print = (columns: string) =>
      runCli(['quiz', '--print', '--count', '5', '--seed', '3'], {
        env: { COLUMNS: columns, STS_TRAINER_HOME: home },
      });
    const [narrow, wide] = await Promise.all([print('60'), print('120')]);
    expect(narrow.code).toBe(0);
    expect(narrow.stdout).toBe(wide.stdout);
    // reference URLs are printed whole (a cut URL cannot be followed from paper)
    const prose = lines(narrow.stdout).filter((l) => !/^\s*https:\/\/\S+$/.test(l));
    expect(Math.max(...prose.map(visibleLength))).toBeLessThanOrEqual(80);
  });
});

describe.skipIf(!hasTmux)('in a terminal of 60, 80 and 120 columns', () => {
  /** The screen, scrollback included, once `args` ran to its end in a `cols`-wide terminal. */
  const ranIn = (cols: number, args: string[]) =>
    startTmux({
      name: `${args[0]}-${cols}`,
      cols,
      rows: 40,
      command: [process.execPath, BIN, ...args],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1', COLUMNS: '' },
      history: 400,
    }).waitFor((t) => t.includes('EXIT=0'), `${args.join(' ')} to finish`);

  it.each([60, 120])('--help follows a %i-column terminal (not the copy for a pipe)', async (cols) => {
    const screen = await ranIn(cols, ['--help']);
    expect(widest(screen)).toBeLessThanOrEqual(cols);
    // at 60 a description goes under its option; at 120 beside it
    if (cols === 60) expect(screen).toMatch(/^ {2}--plain\n {6}no spinners/m);
    else
      expect(screen).toMatch(/^ {2}--plain +no spinners, box drawing or colour \(screen readers, logs\)$/m);
  });

  it.each([60, 80, 120])('list fits %i columns, boxed from 80 up', async (cols) => {
    const screen = await ranIn(cols, ['list']);
    // -J joins lines the terminal wrapped: a line wider than the pane would show here
    expect(widest(screen)).toBeLessThanOrEqual(cols - 1);
    if (cols >= 80) expect(screen).toMatch(/┌─+┬/);
    if (cols === 60) expect(screen).toMatch(/^cross-account-assume-role\n {2}title: /m);
    if (cols === 120) expect(screen).toMatch(/│ cross-account-assume-role +│/);
  });

  it('a question screen wraps the prompt and the choices to 60 columns', async () => {
    const tty = startTmux({
      name: 'quiz-60',
      cols: 60,
      rows: 40,
      command: [process.execPath, BIN, 'quiz', '--count', '1', '--seed', '7'],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1', COLUMNS: '' },
      history: 200,
    });
    // the keys line: the prompt holds the terminal (before it, Ctrl-C is a plain SIGINT that ends the shell too)
    const screen = await tty.waitFor(
      (t) => /Question 1 of 1[\s\S]*\?[\s\S]*Enter confirm/.test(t),
      'the prompt',
    );
    expect(widest(screen.split('Question 1 of 1')[1]!.split('?')[0]!)).toBeLessThanOrEqual(59);
    tty.send('C-c');
    await tty.waitFor((t) => t.includes('EXIT=130'), 'exit on Ctrl-C');
  });

  it('--no-color takes the colour out of the prompts, as NO_COLOR does', async () => {
    const start = (name: string, args: string[]) =>
      startTmux({
        name,
        cols: 100,
        rows: 40,
        command: [process.execPath, BIN, ...args, 'quiz', '--count', '1', '--seed', '7'],
        env: { STS_TRAINER_HOME: home, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color' },
        escapes: true,
      });
    // eslint-disable-next-line no-control-regex
    const colour = /\x1b\[(?:3[0-7]|9[0-7]|38;)/;
    const coloured = await start('colour', []).waitFor((t) => colour.test(t), 'colours by default');
    expect(coloured).toMatch(colour);
    const bare = start('no-colour', ['--no-color']);
    const screen = await bare.waitFor((t) => t.includes('Question 1 of 1') && t.includes('❯'), 'the prompt');
    expect(screen).not.toMatch(colour);
  });

  it('TERM=dumb draws no boxes and no colour, like --plain', async () => {
    const tty = startTmux({
      name: 'dumb',
      cols: 120,
      rows: 40,
      command: [process.execPath, BIN, 'list', 'quizzes'],
      env: { STS_TRAINER_HOME: home, TERM: 'dumb', NO_COLOR: '' },
      history: 100,
    });
    const screen = await tty.waitFor((t) => t.includes('EXIT=0'), 'list to finish');
    expect(screen).not.toMatch(/[┌│─]/);
    expect(screen).toMatch(/^mfa +/m);
  });
});
