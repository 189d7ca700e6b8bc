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
import { answerer, stepPredictionId } from './predict.js';
import { predictionTopics } from './topics.js';
import { indent, sentence } from '../ui/text.js';

/**
 * The prompt is stored once and shown at any width: its command is indented (a line with leading
 * spaces keeps its own line when the prompt is word-wrapped) and one argument per line from this
 * width on, so it fits an 80-column screen without a shell line broken in the middle.
 */
const COMMAND_WIDTH = 74;

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
    const answer = outcomeOf(sr.result, call);
    const choices = outcomeChoices(call, answer);
    const narrate = (sr.step.narrate ?? '').trim().split(/\n\s*\n/)[0] ?? '';
    out.push({
      id: stepPredictionId(scenario.id, sr.step.id),
      type: 'outcome',
      prompt: [
        // the step title ends a sentence, so the narration after it reads as the next one
        `Scenario “${scenario.title}”, step ${sr.index + 1}: ${sentence(sr.step.title ?? sr.step.id)}`,
        narrate,
        indent(cliCommand(call, COMMAND_WIDTH), 2),
        'What happens?',
      ]
        .filter(Boolean)
        .join('\n'),
      choices,
      answer,
      labels: outcomeLabels(choices),
      // A paragraph each: AWS's message is quoted as it is, often without a full stop.
      explain: [
        sr.result.outcome === 'success'
          ? `${answerer(call.api)} lets the call through.`
          : `${answerer(call.api)} answers ${sr.result.code}: ${sr.result.message}`,
        sr.step.explain?.trim() ?? '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      refs: scenario.refs ?? [],
      topics: predictionTopics(sr.step),
      exam: scenario.exam ?? [],
      scenario: scenario.id,
      origin: 'checkpoint',
    });
  }
  return out;
}
