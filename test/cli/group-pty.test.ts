/**
 * End to end in a pseudo-terminal: tmux runs the real binary; the test reads
 * the screen (capture-pane, polled with bounded retries) and types. A group
 * game is interrupted with Ctrl-C, resumed with --resume, and exported.
 */
import { execFileSync } from 'node:child_process';
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

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const socket = `sts-group-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const home = mkdtempSync(join(tmpdir(), 'sts-group-pty-'));
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(name: string, args: string): void {
  const cmd = `STS_TRAINER_HOME='${home}' NO_COLOR=1 '${process.execPath}' '${BIN}' group ${args}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '150', '-y', '60', cmd);
}

/** Polls a session's screen until `test` passes (at most ~15 s in 100 ms steps). */
async function waitFor(name: string, test: (text: string) => boolean, what: string): Promise<string> {
  let text = '';
  for (let i = 0; i < 150; i++) {
    text = tmux('capture-pane', '-p', '-J', '-S', '-300', '-t', name);
    if (test(text)) return text;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
}

const keys = (name: string, ...k: string[]) => tmux('send-keys', '-t', name, ...k);
/** Picks `value` in an open select: Down to its position, then Enter. */
const pick = (name: string, q: BankQuestion, seed: number, value: string) => {
  const shown = shownChoices(q, seed);
  const at = shown.kind === 'list' ? shown.items.indexOf(value) : -1;
  for (let i = 0; i < at; i++) keys(name, 'Down');
  keys(name, 'Enter');
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
    start('one', `--players 'Ana,Ben' --count 2 --seed ${seed} --timer 300 --export '${out}'`);

    // When Ana answers question 1 right and Ben wrong (hot-seat, answers hidden)
    await waitFor(
      'one',
      (t) => t.includes('QUESTION 1 OF 2') && t.includes('Enter: start answering'),
      'question 1',
    );
    keys('one', 'Enter');
    await waitFor(
      'one',
      (t) => t.includes('left') && t.includes('? Ana, your answer'),
      'Ana’s turn and the countdown',
    );
    pick('one', q1, seed, q1.answer as string);
    const hidden = await waitFor('one', (t) => t.includes('? Ben, your answer'), 'Ben’s turn');
    expect(hidden).toContain('✔ Ana, your answer (locked in)');
    pick('one', q1, seed, wrongOf(q1));
    const reveal = await waitFor('one', (t) => t.includes('Enter: scoreboard'), 'the reveal');
    expect(reveal).toContain('Got it: Ana');
    keys('one', 'Enter');
    await waitFor('one', (t) => t.includes('Enter: next question'), 'the scoreboard');
    keys('one', 'Enter');
    await waitFor(
      'one',
      (t) => t.includes('QUESTION 2 OF 2') && t.includes('Enter: start answering'),
      'question 2',
    );
    keys('one', 'Enter');
    await waitFor('one', (t) => t.includes('? Ana, your answer'), 'Ana’s turn on question 2');
    pick('one', q2, seed, q2.answer as string);
    await waitFor('one', (t) => t.includes('? Ben, your answer'), 'Ben’s turn on question 2');
    // and the host presses Ctrl-C during Ben's turn
    keys('one', 'C-c');
    const stopped = await waitFor('one', (t) => t.includes('EXIT='), 'the interruption');
    expect(stopped).toContain('resume with `sts-trainer group --resume`');
    expect(stopped).toContain('EXIT=130');
    expect(existsSync(join(home, 'group-session.json'))).toBe(true);

    // Then --resume asks Ben (not Ana again) and the game ends with the export
    start('two', '--resume');
    await waitFor(
      'two',
      (t) => t.includes('QUESTION 2 OF 2') && t.includes('? Ben, your answer'),
      'Ben on resume',
    );
    pick('two', q2, seed, q2.answer as string);
    await waitFor('two', (t) => t.includes('Enter: scoreboard'), 'the reveal after resume');
    keys('two', 'Enter');
    await waitFor('two', (t) => t.includes('Enter: final standings'), 'the last scoreboard');
    keys('two', 'Enter');
    const end = await waitFor('two', (t) => t.includes('EXIT='), 'the end');
    expect(end).toContain('Winner: Ana');
    expect(end).toContain('EXIT=0');
    expect(count(end, '? Ana, your answer')).toBe(0);
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
});
