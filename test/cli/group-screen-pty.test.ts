/**
 * The group screens in real terminals of 80x24 and 120x45 (tmux): the question stays whole on
 * screen while the countdown ticks on its own line, answers stay hidden, Enter alone reaches the
 * end scoring nothing, and SIGTERM / Ctrl-C at a hidden-answer prompt leave the terminal restored.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { shownChoices } from '../../src/group/entry.js';
import type { GroupSummary } from '../../src/group/export.js';
import { buildBank, selectQuestions } from '../../src/quiz/bank.js';
import { label, type BankQuestion } from '../../src/quiz/question.js';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux, type TmuxSession } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-group-screen-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const SEED = 4;
const ARGS = ['--players', 'Ana,Ben,Chen', '--timer', '20', '--count', '3', '--seed', String(SEED)];

/** `sts-trainer group <args>` in a cols×rows terminal, its own data folder; the visible screen only. */
function start(name: string, cols: number, rows: number, args: string[], shell?: string) {
  const dataDir = join(home, name);
  const node = [process.execPath, BIN, 'group', ...args];
  return startTmux({
    name,
    cols,
    rows,
    // through `sh -c 'echo $$ >…; exec node …'` when the test needs the program's pid
    command: shell ? ['sh', '-c', `echo $$ > ${shell}; exec "$@"`, 'sh', ...node] : node,
    env: { STS_TRAINER_HOME: dataDir, NO_COLOR: '1' },
  });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const lines = (screen: string) => screen.split('\n');

/** The whole question is on screen: heading, every word of the prompt, every choice. */
function expectWholeQuestion(screen: string, q: BankQuestion, n: number) {
  const flat = norm(screen);
  expect(flat).toContain(`QUESTION ${n} OF 3`);
  // Each screen starts cleared, not with the clear shown as escaped text (`\e[2J…`)
  expect(screen).not.toContain('\\e[');
  expect(flat).toContain(norm(q.prompt));
  const shown = shownChoices(q, SEED);
  const items = shown.kind === 'pair' ? [...shown.api, ...shown.trust] : shown.items;
  for (const v of items) expect(flat).toContain(norm(label(q, v)));
}

/** The number keys for the right answer of `q` (an order's last place fills itself in). */
function rightKeys(q: BankQuestion): string[] {
  const shown = shownChoices(q, SEED);
  if (shown.kind === 'pair')
    return [shown.api.indexOf(q.pair!.api.answer), shown.trust.indexOf(q.pair!.trust.answer)].map((i) =>
      String(i + 1),
    );
  const answer = Array.isArray(q.answer) ? q.answer : [q.answer];
  const keys = answer.map((v) => String(shown.items.indexOf(v) + 1));
  return q.type === 'order' ? keys.slice(0, -1) : keys;
}

const PLAYERS = ['Ana', 'Ben', 'Chen'];
const clockOf = (screen: string) => screen.match(/⏱ (\d:\d\d) left/)?.[1];

/** Presses Enter until the reveal's pages and the scoreboard are through. */
async function pastReveal(tty: TmuxSession, last: boolean) {
  const next = last ? 'Enter: final standings' : 'Enter: next question';
  for (let i = 0; i < 6 && !tty.screen().includes(next); i++) {
    await tty.waitFor(
      (t) => /Enter: scoreboard|page \d of \d|Enter: (next question|final standings)/.test(t),
      'a screen',
    );
    if (tty.screen().includes(next)) break;
    const before = tty.screen();
    tty.send('Enter');
    await tty.waitFor((t) => t !== before, 'the next screen');
  }
  await tty.waitFor((t) => t.includes(next), next);
  tty.send('Enter');
}

describe.skipIf(!hasTmux)('group on real terminal sizes', async () => {
  const bank = buildBank(await loadLibrary({ contentDirs: [], cwd: process.cwd() }));
  const questions = selectQuestions(bank, { count: 3, seed: SEED });

  it.each([
    [80, 24],
    [120, 45],
  ])('at %ix%i the question stays whole while the countdown ticks on its own line', async (cols, rows) => {
    const tty = start(`size${cols}`, cols, rows, ARGS);
    for (const [i, q] of questions.entries()) {
      await tty.waitFor(
        (t) => t.includes(`QUESTION ${i + 1} OF 3`) && t.includes('Enter: start answering'),
        `question ${i + 1}`,
      );
      tty.send('Enter');
      // the first seat moves on by one each question (src/group/state.ts turnOf)
      const order = [...PLAYERS.slice(i % 3), ...PLAYERS.slice(0, i % 3)];
      const first = await tty.waitFor(
        (t) => t.includes(`? ${order[0]}, your answer`) && clockOf(t) !== undefined,
        `${order[0]}’s turn`,
      );
      // When the clock ticks at least once
      const ticked = await tty.waitFor(
        (t) => clockOf(t) !== undefined && clockOf(t) !== clockOf(first),
        'a tick',
        40,
      );
      // Then the question is whole both times, and the countdown has a line to itself
      for (const screen of [first, ticked]) {
        expectWholeQuestion(screen, q, i + 1);
        expect(
          lines(screen)
            .filter((l) => l.includes('left'))
            .map((l) => l.trim()),
        ).toEqual([`⏱ ${clockOf(screen)} left  Ctrl-P pause/resume · Ctrl-E +15 s`]);
        expect(lines(screen).some((l) => l.trim() === 'answered: Ana …  Ben …  Chen …')).toBe(true);
      }
      for (const [turn, player] of order.entries()) {
        if (turn > 0) await tty.waitFor((t) => t.includes(`? ${player}, your answer`), `${player}’s turn`);
        if (player !== 'Ana') {
          // Ben and Chen press Enter alone: no answer
          tty.send('Enter');
          continue;
        }
        // Ana answers right: the screen shows that something is chosen, never which
        const keys = rightKeys(q);
        tty.send(keys[0]!);
        const chosen = await tty.waitFor((t) => /a\) ●|● chosen|●+ \d|placed/.test(t), 'a hidden choice');
        const promptLine = lines(chosen).find((l) => l.includes('Ana, your answer'))!;
        expect(promptLine).not.toMatch(/\d\)/);
        if (q.type === 'single' || q.type === 'outcome') expect(promptLine).not.toMatch(/\d/);
        for (const k of keys.slice(1)) tty.send(k);
        tty.send('Enter');
        if (turn === 0) {
          const ben = await tty.waitFor((t) => t.includes('? Ben, your answer'), 'Ben’s turn');
          expect(ben).toContain('answered: Ana ●  Ben …  Chen …');
          expectWholeQuestion(ben, q, i + 1);
        }
      }
      const reveal = await tty.waitFor((t) => t.includes('THE ANSWER'), 'the reveal');
      expect(reveal).toContain('Got it: Ana');
      expect(reveal).toContain('no answer: Ben, Chen');
      expect(reveal).toMatch(/✔ Ana\s+\+\d+\s+\d+ pts {2}1st/);
      await pastReveal(tty, i === 2);
    }
    // the final standings open with the winner and the podium, a page at a time
    const final = await tty.waitFor((t) => t.includes('Final standings'), 'the final standings');
    expect(final).toContain('Winner: Ana');
    expect(final).toMatch(/1st {2}Ana {2}\d+ pts/);
    expect(final).toMatch(/2nd {2}Ben, Chen {2}0 pts \(tie\)/);
    for (let i = 0; i < 10 && !tty.screen().includes('EXIT='); i++) {
      const before = tty.screen();
      tty.send('Enter');
      await tty.waitFor((t) => t !== before, 'the next page');
    }
    expect(await tty.waitFor((t) => t.includes('EXIT='), 'the end')).toContain('EXIT=0');
  });

  it('pressing only Enter reaches the end at 80x24 and scores nothing', async () => {
    const out = join(home, 'enter-only.json');
    const tty = start('enter-only', 80, 24, [...ARGS, '--export', out]);
    await tty.waitFor((t) => t.includes('Enter: start answering'), 'the first question');
    for (let i = 0; i < 120 && !tty.screen().includes('EXIT='); i++) {
      tty.send('Enter');
      await tty.waitFor((t) => t.includes('EXIT='), 'the end', 3).catch(() => undefined);
    }
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the end');
    expect(end).toContain('EXIT=0');
    const summary = JSON.parse(readFileSync(out, 'utf8')) as GroupSummary;
    expect(summary.questions).toHaveLength(3);
    expect(summary.questions.flatMap((q) => q.answers.map((a) => a.answer))).toEqual(Array(9).fill(null));
    expect(summary.standings.map((s) => [s.rank, s.points])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });
});

describe.skipIf(!hasTmux)('signals at a hidden-answer prompt', () => {
  /** The terminal's line discipline: raw mode is off when icanon and echo are on again. */
  const stty = (tty: TmuxSession) =>
    execFileSync('stty', ['-F', tty.display('#{pane_tty}'), '-a'], { encoding: 'utf8' });

  it.each([
    ['SIGTERM, untimed', [] as string[], 'TERM', 143],
    ['SIGTERM while the countdown runs', ['--timer', '30'], 'TERM', 143],
    ['Ctrl-C', ['--timer', '30'], 'C-c', 130],
  ])(
    '%s: exits with its code, the terminal restored and the session kept',
    async (_what, extra, how, code) => {
      const name = `sig-${how}-${extra.length}`;
      const pidFile = join(home, `${name}.pid`);
      const tty = start(
        name,
        80,
        24,
        ['--players', 'Ana,Ben', '--count', '2', '--seed', String(SEED), ...extra],
        pidFile,
      );
      await tty.waitFor((t) => t.includes('Enter: start answering'), 'the question');
      tty.send('Enter');
      const waiting = await tty.waitFor((t) => t.includes('? Ana, your answer'), 'Ana’s turn');
      if (extra.length) await tty.waitFor((t) => clockOf(t) !== clockOf(waiting), 'a tick', 40);
      expect(stty(tty)).toMatch(/(^|\s)-icanon/);
      if (how === 'TERM') process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
      else tty.send(how);
      const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
      expect(end).toContain(`EXIT=${code}`);
      expect(end).toContain('resume with `sts-trainer group --resume`');
      expect(end).not.toContain('internal error');
      expect(stty(tty)).toMatch(/(^|\s)icanon/);
      expect(stty(tty)).toMatch(/(^|\s)echo(\s|$)/);
      expect(tty.display('#{cursor_flag}')).toBe('1');
    },
  );
});
