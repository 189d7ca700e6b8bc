/**
 * A learn prediction as a review question (src/learn/predict-bank.ts): its prompt reads as prose at
 * any width, with the AWS CLI command on lines of its own, and the engine's outcome is the answer.
 */
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario } from '../../src/content/run.js';
import { stepPredictionQuestions } from '../../src/learn/predict-bank.js';
import { cliCommand } from '../../src/learn/request.js';
import { outcomeOf } from '../../src/quiz/outcome.js';
import { wrapText } from '../../src/ui/text.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const scenarios = library.scenarios.map((s) => s.scenario);

describe('step predictions as review questions', () => {
  it('are made for every call step of every built-in scenario, answered by the engine', () => {
    let count = 0;
    for (const scenario of scenarios) {
      const run = runScenario(scenario);
      const questions = stepPredictionQuestions(scenario);
      const calls = run.steps.filter((s) => s.step.call && s.result);
      expect(questions).toHaveLength(calls.length);
      questions.forEach((q, i) => expect(q.answer).toBe(outcomeOf(calls[i]!.result!)));
      count += questions.length;
    }
    expect(count).toBeGreaterThan(50);
  });

  it.each([60, 80, 120])(
    'wrapped at %i columns, the title ends a sentence and the command keeps its own lines',
    (width) => {
      for (const scenario of scenarios) {
        const run = runScenario(scenario);
        const calls = run.steps.filter((s) => s.step.call && s.result);
        stepPredictionQuestions(scenario).forEach((q, i) => {
          const shown = wrapText(q.prompt, width).split('\n');
          const step = calls[i]!.step;
          const title = step.title ?? step.id;
          const ended = /[.?!:…]$/.test(title) ? title : `${title}.`;
          // the narration after the title starts a new sentence, not the title's last word
          expect(shown.join(' ')).toContain(`step ${calls[i]!.index + 1}: ${ended}`);
          // each line of the command is a line of the screen, as a shell would take it
          const command = cliCommand(step.call!, 74).split('\n');
          for (const line of command) {
            if (line.length + 2 <= width) expect(shown).toContain(`  ${line}`);
          }
          expect(shown.at(-1)).toBe('What happens?');
        });
      }
    },
  );
});
