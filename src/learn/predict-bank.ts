/**
 * The learn predictions as review questions: each step's "will it succeed, and if not, which
 * error?" is stored under `learn/<scenario>/<step>/predict`, so `review` can bring back a missed one.
 * (A what-if's prediction is the quiz's own outcome question, already in the bank.)
 */
import { runScenario } from '../content/run.js';
import type { Scenario } from '../content/schema.js';
import { outcomeChoices, outcomeLabels, outcomeOf } from '../quiz/outcome.js';
import type { BankQuestion } from '../quiz/question.js';
import { cliCommand } from './request.js';
import { stepPredictionId } from './predict.js';
import { predictionTopics } from './topics.js';

export function stepPredictionQuestions(scenario: Scenario): BankQuestion[] {
  let run;
  try {
    run = runScenario(scenario);
  } catch {
    return []; // a world the engine rejects; `validate` reports it
  }
  const out: BankQuestion[] = [];
  for (const sr of run.steps) {
    const call = sr.step.call;
    if (!call || !sr.result) continue;
    const answer = outcomeOf(sr.result);
    const choices = outcomeChoices(call.api, answer);
    const narrate = (sr.step.narrate ?? '').trim().split(/\n\s*\n/)[0] ?? '';
    out.push({
      id: stepPredictionId(scenario.id, sr.step.id),
      type: 'outcome',
      prompt: [
        `Scenario “${scenario.title}”, step ${sr.index + 1}: ${sr.step.title ?? sr.step.id}`,
        narrate,
        cliCommand(call),
        'What happens?',
      ]
        .filter(Boolean)
        .join('\n'),
      choices,
      answer,
      labels: outcomeLabels(choices),
      explain: [
        sr.result.outcome === 'success'
          ? 'STS lets the call through.'
          : `STS answers ${sr.result.code}: ${sr.result.message}`,
        sr.step.explain?.trim() ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      refs: scenario.refs ?? [],
      topics: predictionTopics(sr.step),
      exam: scenario.exam ?? [],
      scenario: scenario.id,
      origin: 'checkpoint',
    });
  }
  return out;
}
