/** Authored questions (quizzes/*.yaml) and learn checkpoints, as bank questions. */
import { checkpointTopics } from '../learn/topics.js';
import { runCallIn } from '../content/run.js';
import type { Question, Quiz, Scenario } from '../content/schema.js';
import { outcomeChoices, outcomeLabels, outcomeOf } from './outcome.js';
import type { BankQuestion } from './question.js';
import { sentence } from '../ui/text.js';

/**
 * One authored question. `outcome` questions are answered by the engine: the
 * call runs on the linked scenario's world (a `$STEP` caller replays the
 * scenario up to that step) and the result is the answer.
 */
export function fromAuthored(
  quiz: Quiz,
  q: Question,
  scenarios: ReadonlyMap<string, Scenario>,
): BankQuestion | undefined {
  const base = {
    id: `${quiz.id}/${q.id}`,
    prompt: q.prompt,
    explain: q.explain,
    refs: q.refs ?? quiz.refs ?? [],
    topics: q.topics ?? quiz.topics ?? [],
    exam: q.exam ?? quiz.exam ?? [],
    difficulty: q.difficulty,
    scenario: q.scenario,
    origin: 'authored' as const,
  };
  switch (q.type) {
    case 'single':
      return { ...base, type: 'single', choices: q.choices, answer: q.answer };
    case 'multi':
    case 'order':
      return { ...base, type: q.type, choices: q.choices, answer: q.answer };
    case 'pair':
      return { ...base, type: 'pair', choices: [], answer: '', pair: { api: q.api, trust: q.trust } };
    case 'outcome': {
      const scenario = scenarios.get(q.scenario);
      if (!scenario) return undefined; // the loader already reported the dangling reference
      const answer = outcomeOf(runCallIn(scenario, q.call).result, q.call);
      const choices = outcomeChoices(q.call, answer, q.choices);
      return { ...base, type: 'outcome', choices, answer, labels: outcomeLabels(choices) };
    }
  }
}

/**
 * A scenario step's checkpoint, so `review` can bring back what `learn` asked. In `learn` it follows
 * the step it is about ("this call", "these credentials"); days later in `review` it opens with that
 * step, as a step's prediction does (learn/predict-bank.ts).
 */
export function fromCheckpoints(scenario: Scenario): BankQuestion[] {
  const out: BankQuestion[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const cp = step.checkpoint;
    if (!cp) continue;
    out.push({
      id: `learn/${scenario.id}/${step.id}`,
      type: cp.type,
      prompt: `Scenario “${scenario.title}”, step ${i + 1}: ${sentence(step.title ?? step.id)}\n\n${cp.prompt}`,
      choices: cp.choices,
      answer: cp.answer,
      explain: cp.explain ?? step.explain,
      refs: scenario.refs ?? [],
      topics: checkpointTopics(step),
      exam: cp.exam ?? scenario.exam ?? [],
      scenario: scenario.id,
      origin: 'checkpoint',
    });
  }
  return out;
}
