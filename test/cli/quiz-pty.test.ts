/**
 * End to end in a pseudo-terminal: tmux runs the real binary; the test reads
 * the screen (capture-pane, polled with a bounded number of retries) and types.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { buildBank, presentChoices, selectQuestions } from '../../src/quiz/bank.js';
import { openProgress } from '../../src/store/progress-store.js';
import { BIN } from '../helpers/run-cli.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const socket = `sts-quiz-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const home = mkdtempSync(join(tmpdir(), 'sts-quiz-pty-'));
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
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'quiz');

/** Polls the screen until `test` passes (at most ~15 s in 100 ms steps). */
async function waitFor(test: (text: string) => boolean, what: string): Promise<string> {
  let text = '';
  for (let i = 0; i < 150; i++) {
    text = screen();
    if (test(text)) return text;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
}

describe.skipIf(!hasTmux)('quiz in a pseudo-terminal', () => {
  it('asks, gives feedback, records each answer and ends with the score', async () => {
    // Given a seed whose two eks-irsa questions are single-choice (so arrow keys answer them)
    const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
    const bank = buildBank(library);
    let seed = 1;
    let picked = selectQuestions(bank, { scenario: 'eks-irsa', count: 2, seed });
    while (!picked.every((q) => q.type === 'single' || q.type === 'outcome')) {
      seed++;
      picked = selectQuestions(bank, { scenario: 'eks-irsa', count: 2, seed });
    }
    const cmd = [
      `STS_TRAINER_HOME='${home}' NO_COLOR=1`,
      `'${process.execPath}' '${BIN}' quiz --scenario eks-irsa --count 2 --seed ${seed}`,
      '; echo "EXIT=$?"; sleep 60',
    ].join(' ');
    tmux('new-session', '-d', '-s', 'quiz', '-x', '150', '-y', '50', cmd);

    // When the learner answers both questions right
    for (const [i, q] of picked.entries()) {
      await waitFor(
        (t) =>
          t.includes(`Question ${i + 1} of 2`) &&
          t.split(`Question ${i + 1} of 2`)[1]!.includes('Your answer'),
        `question ${i + 1}`,
      );
      const downs = presentChoices(q, seed).indexOf(q.answer as string);
      for (let k = 0; k < downs; k++) tmux('send-keys', '-t', 'quiz', 'Down');
      tmux('send-keys', '-t', 'quiz', 'Enter');
      await waitFor((t) => (t.match(/✔ correct/g) ?? []).length === i + 1, `feedback ${i + 1}`);
      if (i === 0) {
        await waitFor((t) => t.includes('Press Enter to continue'), 'continue prompt');
        tmux('send-keys', '-t', 'quiz', 'Enter');
      }
    }

    // Then the results show the score and the command exits 0, with both answers stored
    const end = await waitFor((t) => t.includes('EXIT='), 'the end');
    expect(end).toContain('Score: 2 of 2 correct (100%)');
    expect(end).toContain('What review will bring back');
    expect(end).toContain('EXIT=0');
    const data = await openProgress(home, () => {}).read();
    expect(data.answers.map((a) => [a.questionId, a.correct])).toEqual(picked.map((q) => [q.id, true]));
  });
});
