/**
 * End to end in a pseudo-terminal: tmux runs the real binary; the test reads
 * the screen (capture-pane, polled with bounded retries) and types. A group
 * game is interrupted with Ctrl-C, resumed with --resume, and exported.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { shownChoices } from '../../src/group/entry.js';
import type { GroupSummary } from '../../src/group/export.js';
import { buildBank, selectQuestions } from '../../src/quiz/bank.js';
import type { BankQuestion } from '../../src/quiz/question.js';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux, type TmuxSession } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-group-pty-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs `sts-trainer group <args>` in a 150x60 terminal. */
const start = (name: string, args: string[]) =>
  startTmux({
    name,
    cols: 150,
    rows: 60,
    command: [process.execPath, BIN, 'group', ...args],
    env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
    history: 300,
  });

/** Presses the number of `value` as shown (hidden on screen), then Enter to lock it in. */
const pick = (tty: TmuxSession, q: BankQuestion, seed: number, value: string) => {
  const shown = shownChoices(q, seed);
  const at = shown.kind === 'list' ? shown.items.indexOf(value) : -1;
  tty.send(String(at + 1));
  tty.send('Enter');
};
const wrongOf = (q: BankQuestion) => q.choices.find((c) => c !== q.answer)!;
const count = (text: string, s: string) => text.split(s).length - 1;

describe.skipIf(!hasTmux)('group in a pseudo-terminal', () => {
  it('plays hot-seat rounds, survives Ctrl-C, resumes with --resume and exports', async () => {
    // Given two single-choice questions for a seed
    const bank = buildBank(await loadLibrary({ contentDirs: [], cwd: process.cwd() }));
    let seed = 1;
    let qs = selectQuestions(bank, { count: 2, seed });
    while (!qs.every((q) => q.type === 'single' || q.type === 'outcome'))
      qs = selectQuestions(bank, { count: 2, seed: ++seed });
    const [q1, q2] = qs as [BankQuestion, BankQuestion];
    const out = join(home, 'summary.json');
    const one = start('one', [
      '--players',
      'Ana,Ben',
      '--count',
      '2',
      '--seed',
      String(seed),
      '--timer',
      '300',
      '--export',
      out,
    ]);

    // When Ana answers question 1 right and Ben wrong (hot-seat, answers hidden)
    await one.waitFor(
      (t) => t.includes('QUESTION 1 OF 2') && t.includes('Enter: start answering'),
      'question 1',
    );
    one.send('Enter');
    await one.waitFor(
      (t) => t.includes('left') && t.includes('? Ana, your answer'),
      'Ana’s turn and the countdown',
    );
    pick(one, q1, seed, q1.answer as string);
    const hidden = await one.waitFor((t) => t.includes('? Ben, your answer'), 'Ben’s turn');
    expect(hidden).toContain('answered: Ana ●  Ben …');
    expect(hidden).not.toContain('Ana, your answer');
    pick(one, q1, seed, wrongOf(q1));
    const reveal = await one.waitFor((t) => t.includes('Enter: scoreboard'), 'the reveal');
    expect(reveal).toContain('Got it: Ana');
    one.send('Enter');
    await one.waitFor((t) => t.includes('Enter: next question'), 'the scoreboard');
    one.send('Enter');
    await one.waitFor(
      (t) => t.includes('QUESTION 2 OF 2') && t.includes('Enter: start answering'),
      'question 2',
    );
    one.send('Enter');
    // question 2 starts at the next seat (src/group/state.ts turnOf): Ben, then Ana
    await one.waitFor((t) => t.includes('? Ben, your answer'), 'Ben’s turn on question 2');
    pick(one, q2, seed, q2.answer as string);
    await one.waitFor((t) => t.includes('? Ana, your answer'), 'Ana’s turn on question 2');
    // and the host presses Ctrl-C during Ana's turn
    one.send('C-c');
    const stopped = await one.waitFor((t) => t.includes('EXIT='), 'the interruption');
    expect(stopped).toContain('resume with `sts-trainer group --resume`');
    expect(stopped).toContain('EXIT=130');
    expect(existsSync(join(home, 'group-session.json'))).toBe(true);

    // Then --resume asks Ana (not Ben again) and the game ends with the export
    const two = start('two', ['--resume']);
    await two.waitFor(
      (t) => t.includes('QUESTION 2 OF 2') && t.includes('? Ana, your answer'),
      'Ana on resume',
    );
    pick(two, q2, seed, q2.answer as string);
    await two.waitFor((t) => t.includes('Enter: scoreboard'), 'the reveal after resume');
    two.send('Enter');
    await two.waitFor((t) => t.includes('Enter: final standings'), 'the last scoreboard');
    two.send('Enter');
    const end = await two.waitFor((t) => t.includes('EXIT='), 'the end');
    expect(end).toContain('Winner: Ana');
    expect(end).toContain('EXIT=0');
    expect(count(end, 'Ben, your answer')).toBe(0);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as GroupSummary;
    expect(summary.standings.map((s) => [s.player, s.points])).toEqual([
      ['Ana', 25],
      ['Ben', 10],
    ]);
    expect(summary.questions.map((q) => q.answers.map((a) => a.correct))).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(existsSync(join(home, 'group-session.json'))).toBe(false);
  });

  it('a second group with the same data folder is refused while the first runs', async () => {
    // Given a group waiting at its start prompt
    const first = start('first', ['--players', 'Ana,Ben', '--count', '1', '--seed', '4']);
    await first.waitFor((t) => t.includes('Enter: start answering'), 'the first group');
    // When another starts with the same data folder, Then it says so and exits 1 before asking anything
    const second = start('second', ['--players', 'Cy,Di', '--count', '1']);
    const refused = await second.waitFor((t) => t.includes('EXIT='), 'the refusal');
    expect(refused).toContain('error: another study group is running with the data folder');
    expect(refused).toContain('EXIT=1');
    expect(refused).not.toContain('Enter: start answering');
    // And once the first is stopped, a group starts again (the lock went with it)
    first.send('C-c');
    await first.waitFor((t) => t.includes('EXIT=130'), 'the first group stopped');
    const third = start('third', ['--resume']);
    await third.waitFor((t) => t.includes('Enter: start answering'), 'the resumed group');
    third.send('C-c');
    await third.waitFor((t) => t.includes('EXIT='), 'the end');
    // (its saved game would make the next test's group ask whether to resume it)
    rmSync(join(home, 'group-session.json'));
  });

  it('`m` switches the answering mode in place: one start prompt on screen, not a stack', async () => {
    const tty = start('mode', ['--players', 'Ana,Ben', '--count', '1', '--seed', '4']);
    await tty.waitFor((t) => t.includes('m: switch mode'), 'the start prompt');
    for (const mode of ['host enters', 'hot-seat', 'host enters']) {
      const before = tty.screen();
      tty.send('m');
      await tty.waitFor((t) => t !== before && t.includes(`(${mode}`), `mode ${mode}`);
    }
    const screen = tty.screen();
    expect(screen.match(/Enter: start answering/g)).toHaveLength(1);
    tty.send('C-c');
    await tty.waitFor((t) => t.includes('EXIT='), 'the end');
  });
});
