/**
 * The learn predictions as review questions: each step's "will it succeed, and if not, which
 * error?" is stored under `learn/<scenario>/<step>/predict`, so `review` can bring back a missed one.
 * (A what-if's prediction is the quiz's own outcome question, already in the bank.)
 */
import { runScenario, type StepRun } from '../content/run.js';
import type { Scenario } from '../content/schema.js';
import { outcomeChoices, outcomeLabels, outcomeOf } from '../quiz/outcome.js';
import type { BankQuestion } from '../quiz/question.js';
import { cliCommand } from './request.js';
import { answerer, stepPredictionId } from './predict.js';
import { predictionTopics } from './topics.js';
import { indent, sentence } from '../ui/text.js';
import { humanDuration } from '../ui/duration.js';

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
  // The clock (seconds from the start) when each step ran, and when the last call did: learn shows an
  // `advance` as a step of its own; review must say it.
  const ran = new Map<string, { sr: StepRun; at: number }>();
  let clock = 0;
  let lastCall = 0;
  for (const sr of run.steps) {
    clock += sr.advanced ?? 0;
    ran.set(sr.step.id, { sr, at: clock });
    const call = sr.step.call;
    if (!call || !sr.result) continue;
    const answer = outcomeOf(sr.result, call);
    const choices = outcomeChoices(call, answer);
    const narrate = (sr.step.narrate ?? '').trim().split(/\n\s*\n/)[0] ?? '';
    const source = call.as.startsWith('$') ? ran.get(call.as.slice(1)) : undefined;
    const later =
      clock > lastCall ? timeContext(clock - lastCall, source?.sr, clock - (source?.at ?? clock)) : '';
    lastCall = clock;
    out.push({
      id: stepPredictionId(scenario.id, sr.step.id),
      type: 'outcome',
      prompt: [
        // the step title ends a sentence, so the narration after it reads as the next one
        `Scenario “${scenario.title}”, step ${sr.index + 1}: ${sentence(sr.step.title ?? sr.step.id)}`,
        later,
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

/**
 * What a step after an `advance` needs said when it is asked on its own (in `review`): how far the
 * clock moved and, for a caller signing with an earlier step's credentials, how long those last.
 * Without it "What happens?" to an expired session cannot be worked out from the screen.
 */
function timeContext(moved: number, source: StepRun | undefined, age: number): string {
  const lasts = source?.result?.outcome === 'success' ? source.result.view?.expiresIn : undefined;
  const from =
    source && lasts !== undefined
      ? ` The caller signs with the credentials step ${source.index + 1} returned ${humanDuration(age)} ago, which last ${humanDuration(lasts)}.`
      : '';
  return `Since the step before, the clock has moved on ${humanDuration(moved)}.${from}`;
}
