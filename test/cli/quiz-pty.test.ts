/**
 * End to end in a pseudo-terminal: tmux runs the real binary; the test reads
 * the screen (capture-pane, polled with a bounded number of retries) and types.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { buildBank, presentChoices, selectQuestions } from '../../src/quiz/bank.js';
import { openProgress } from '../../src/store/progress-store.js';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-quiz-pty-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

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
    const tty = startTmux({
      name: 'quiz',
      cols: 150,
      rows: 50,
      command: [process.execPath, BIN, ...`quiz --scenario eks-irsa --count 2 --seed ${seed}`.split(' ')],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1' },
      history: 200,
    });

    // When the learner answers both questions right
    for (const [i, q] of picked.entries()) {
      await tty.waitFor(
        (t) =>
          t.includes(`Question ${i + 1} of 2`) &&
          t.split(`Question ${i + 1} of 2`)[1]!.includes('Your answer'),
        `question ${i + 1}`,
      );
      const downs = presentChoices(q, seed).indexOf(q.answer as string);
      for (let k = 0; k < downs; k++) tty.send('Down');
      tty.send('Enter');
      if (i === 0) {
        await tty.waitFor((t) => (t.match(/✔ correct/g) ?? []).length === 1, 'feedback 1');
        await tty.waitFor((t) => t.includes('Press Enter to continue'), 'continue prompt');
        tty.send('Enter');
      }
    }

    // Then the last answer's feedback stays until Enter (the results screen clears the terminal)
    await tty.waitFor((t) => (t.match(/✔ correct/g) ?? []).length === 2, 'feedback 2');
    await tty.waitFor((t) => t.includes('Press Enter for your results'), 'the results prompt');
    expect(tty.screen()).not.toContain('Read the explanations?');
    tty.send('Enter');
    // And the results show the score and the review list; done ends with 0, both answers stored
    const results = await tty.waitFor((t) => t.includes('Read the explanations?'), 'the results');
    expect(results).toContain('Score: 2 of 2 correct (100%)');
    // The screen was cleared for the results, not sent the clear as escaped text (`\e[2J…`)
    expect(results).not.toContain('\\e[');
    expect(results).toContain('What review will bring back');
    tty.send('Enter');
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the end');
    expect(end).toContain('EXIT=0');
    const data = await openProgress(home, () => {}).read();
    expect(data.answers.map((a) => [a.questionId, a.correct])).toEqual(picked.map((q) => [q.id, true]));
  });
});
