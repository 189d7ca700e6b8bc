/**
 * The exam in a pseudo-terminal (80x24): the clock ticks while a question is
 * open, time running out submits the exam by itself, Ctrl-C keeps the exam for
 * `quiz --resume`, and pressing only Enter reaches the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/quiz/bank.js';
import { loadExam } from '../../src/quiz/saved-exam.js';
import { openProgress } from '../../src/store/progress-store.js';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';
import { builtIn } from '../quiz/helpers.js';

const homes: string[] = [];
const newHome = () => {
  const h = mkdtempSync(join(tmpdir(), 'sts-exam-pty-'));
  homes.push(h);
  return h;
};
afterAll(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));

const clockOf = (screen: string) => /⏱ (\d+:\d\d) left/.exec(screen)?.[1];

// several real sessions per test on a shared machine: more room than the default 30 s
const SLOW = 120_000;

/** Waits for the results menu, paging through a summary taller than the terminal with space. */
async function results(tty: ReturnType<typeof startTmux>, tries?: number): Promise<string> {
  for (let page = 1; ; page++) {
    const t = await tty.waitFor(
      (s) => s.includes('Read the explanations?') || s.includes(`-- ${page}/`),
      'the results',
      tries,
    );
    if (t.includes('Read the explanations?')) return t;
    tty.send('Space');
  }
}

describe.skipIf(!hasTmux)('exam in a pseudo-terminal', () => {
  it(
    'ticks while a question is open and submits by itself at zero, with what was answered',
    async () => {
      const home = newHome();
      // 0.1 minutes = 6 seconds (fractional minutes: the way to a short limit)
      const tty = startTmux({
        name: 'timeout',
        cols: 80,
        rows: 24,
        command: [
          process.execPath,
          BIN,
          ...'quiz --mode exam --time-limit 0.1 --count 3 --seed 5'.split(' '),
        ],
        env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
      });
      const first = await tty.waitFor((t) => clockOf(t) !== undefined, 'the clock');
      const start = clockOf(first)!;
      // the clock moves with no key pressed
      await tty.waitFor((t) => clockOf(t) !== undefined && clockOf(t) !== start, 'the clock to tick');
      expect(first).toContain('Question 1 of 3');
      // Then, without another key, the exam is submitted and the results show
      const end = await results(tty, 200);
      expect(end).toContain('Score: 0 of 3 correct (0%) · 0 answered · 3 not answered');
      expect(end).toContain('time ran out');
      tty.send('Enter');
      await tty.waitFor((t) => t.includes('EXIT='), 'the end');
      // nothing was answered in time: nothing stored as an answer
      expect((await openProgress(home, () => {}).read()).answers).toEqual([]);
    },
    SLOW,
  );

  it(
    'Ctrl-C keeps the exam; `quiz --resume` continues it with the answer given',
    async () => {
      const home = newHome();
      // a seed whose first question is answered in one pick (not an order or pair question)
      const { bank } = await builtIn();
      let seed = 11;
      while (!['single', 'outcome', 'multi'].includes(selectQuestions(bank, { count: 3, seed })[0]!.type))
        seed++;
      const cmd = [
        process.execPath,
        BIN,
        ...`quiz --mode exam --time-limit 30 --count 3 --seed ${seed}`.split(' '),
      ];
      const tty = startTmux({
        name: 'resume1',
        cols: 80,
        rows: 24,
        command: cmd,
        env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
      });
      await tty.waitFor((t) => t.includes('Question 1 of 3') && t.includes('Enter confirm'), 'question 1');
      tty.send('f');
      await tty.waitFor((t) => t.includes('⚑ flagged'), 'the flag');
      // choice 2 (picks it in a single-choice question, ticks it in a multi-select one)
      tty.send('2');
      await tty.waitFor((t) => /❯ (◉ )?2\)/.test(t), 'choice 2');
      tty.send('Enter');
      await tty.waitFor((t) => t.includes('Question 2 of 3') && t.includes('Enter confirm'), 'question 2');
      tty.send('C-c');
      const stopped = await tty.waitFor((t) => t.includes('EXIT='), 'the stop');
      expect(stopped).toContain('`sts-trainer quiz --resume` continues it');
      expect(stopped).toContain('EXIT=130');
      const saved = await loadExam(home);
      expect(saved).toMatchObject({ index: 1, flagged: [true, false, false] });

      const again = startTmux({
        name: 'resume2',
        cols: 80,
        rows: 24,
        command: [process.execPath, BIN, 'quiz', '--resume'],
        env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
      });
      await again.waitFor(
        (t) => t.includes('Question 2 of 3') && t.includes('Enter confirm'),
        'question 2 again',
      );
      // back to question 1: its answer is preselected and it is still flagged
      again.send('b');
      const q1 = await again.waitFor(
        (t) => t.includes('Question 1 of 3') && t.includes('⚑ flagged'),
        'question 1 again',
      );
      expect(q1).toMatch(/❯ (◉ )?2\)/);
      // keep that answer, then Enter through the rest (a pair or order question takes several)
      for (let i = 0; i < 20; i++) {
        const before = again.screen();
        if (before.includes('Review before submitting')) break;
        again.send('Enter');
        await again.settle(before, 30);
      }
      await again.waitFor((t) => t.includes('Review before submitting'), 'the list');
      again.send('Enter');
      const end = await results(again);
      expect(end).toMatch(/\d answered/);
      again.send('Enter');
      await again.waitFor((t) => t.includes('EXIT=0'), 'the end');
      expect(await loadExam(home)).toBeUndefined();
      // each answered question stored once, the first among them
      const data = await openProgress(home, () => {}).read();
      const ids = data.answers.map((a) => a.questionId);
      expect(ids).toContain(saved && 'questionIds' in saved ? saved.questionIds[0] : 'none');
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(data.attempts!.at(-1)!.answered);
    },
    SLOW,
  );

  it(
    'pressing only Enter reaches the end and scores no better than chance',
    async () => {
      const home = newHome();
      const tty = startTmux({
        name: 'enter',
        cols: 80,
        rows: 24,
        command: [process.execPath, BIN, ...'quiz --mode exam --count 12 --seed 3'.split(' ')],
        env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
      });
      for (let i = 0; i < 80; i++) {
        const t = tty.screen();
        if (t.includes('EXIT=')) break;
        tty.send('Enter');
        await tty.settle(t, 10);
      }
      const end = await tty.waitFor((t) => t.includes('EXIT=0'), 'the end');
      expect(end).toBeTruthy();
      const attempt = (await openProgress(home, () => {}).read()).attempts!.at(-1)!;
      expect(attempt.total).toBe(12);
      // the choices are shuffled per question: the first one is right about 1 time in 4 or 5
      expect(attempt.correct).toBeLessThanOrEqual(6);
    },
    SLOW,
  );
});
