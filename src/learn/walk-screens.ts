/**
 * One step and one what-if as the learner meets them: the setup, their prediction, the reveal
 * (collapsed trace, result, why) and the keys (`d` detail, `t` trust policy, `q` quit), each screen
 * paged so nothing scrolls away unread.
 */
import type { WhatIfRun } from '../content/run.js';
import type { Call, Scenario, Step } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import type { AnswerRecord } from '../store/types.js';
import { showPaged } from '../ui/pager.js';
import { QuitRequested, type Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { MSG } from './messages.js';
import { askPrediction, gradePrediction, predictionFor, type PredictionResult } from './predict.js';
import { renderExplain, renderOutcome, renderVerdict } from './screens.js';
import { renderTrace } from './trace.js';
import { renderTrustPolicy, type TrustView } from './trust.js';

/** What the screens need from the walkthrough. */
export interface ScreenIO {
  prompter: Prompter;
  write(text: string): void;
  theme: Theme;
  size(): { columns: number; rows: number };
  /** Clear the pager's "more" line after a key (a terminal; not for screen readers or logs). */
  erasePrompt?: boolean;
  /** Predict before each call runs (`--no-predict` turns it off). */
  predict: boolean;
  seed: number;
  recordAnswer(rec: AnswerRecord): Promise<void>;
  now(): Date;
}

/** Rows a prompt needs below the text above it: the where-line, the question and its choices. */
const PROMPT_ROWS = { key: 3, choice: (n: number) => n + 3 };

export const paged = (io: ScreenIO, text: string, reserve: number) =>
  showPaged(
    text,
    { ...io, key: (m, k) => io.prompter.key(io.theme.dim(m), k, { erase: io.erasePrompt }) },
    reserve,
    MSG.more,
  );

/** The dim "where you are" line every prompt sits under. */
export const whereLine = (io: ScreenIO, scenario: Scenario, place: string) =>
  io.write(`${io.theme.dim(MSG.where(scenario.id, place))}\n`);

/** Waits for Enter (or `q`, which quits and saves). */
export async function pause(io: ScreenIO, scenario: Scenario, place: string): Promise<void> {
  whereLine(io, scenario, place);
  const k = await io.prompter.key(io.theme.dim(`${MSG.keysPause} `), ['q']);
  if (k === 'q') throw new QuitRequested();
}

/** Asks for a prediction about `result` (already decided, not yet shown) and records it. */
async function predict(
  io: ScreenIO,
  scenario: Scenario,
  place: string,
  q: { id: string; call: Call | undefined; result: CallResult; topics: string[] },
): Promise<PredictionResult | undefined> {
  if (!io.predict || !q.call) return undefined;
  const question = predictionFor(q.id, q.call, q.result, io.seed, q.topics);
  whereLine(io, scenario, place);
  const graded = gradePrediction(question, await askPrediction(question, io.prompter));
  await io.recordAnswer({
    questionId: graded.questionId,
    correct: graded.correct,
    at: io.now().toISOString(),
    topics: q.topics,
    source: 'learn',
  });
  return graded;
}

export interface Reveal {
  /** The setup shown before the prediction (step intro or what-if intro). */
  setup: string;
  result?: CallResult;
  /** The call that gave `result` (a what-if's changed call): a request to another service names its operation. */
  call?: Call;
  /** Lines shown before the result (e.g. a clock move). */
  before?: string;
  explain?: string;
  trust?: TrustView;
  predictionId?: string;
  step: Step;
  topics: string[];
  /**
   * Called once the prediction is recorded (or when none is asked), before the reveal: the step
   * counts as done from here, so `q` on the reveal resumes after it instead of asking again.
   */
  onReveal?: (prediction: PredictionResult | undefined) => Promise<void>;
}

/**
 * Setup → prediction → reveal → keys. Returns the prediction (undefined when none was asked).
 */
export async function setupPredictReveal(
  io: ScreenIO,
  scenario: Scenario,
  place: string,
  r: Reveal,
): Promise<PredictionResult | undefined> {
  const t = io.theme;
  const asks = io.predict && r.result !== undefined && r.predictionId !== undefined;
  await paged(io, `\n${r.setup}`, asks ? PROMPT_ROWS.choice(3) : PROMPT_ROWS.key);
  const prediction =
    asks && r.result
      ? await predict(io, scenario, place, {
          id: r.predictionId!,
          // a what-if's changed call (its action may differ), else the step's
          call: r.call ?? r.step.call,
          result: r.result,
          topics: r.topics,
        })
      : undefined;
  await r.onReveal?.(prediction);
  const body: string[] = [];
  if (r.before) body.push(r.before);
  if (prediction) body.push('', renderVerdict(prediction, t));
  if (r.result) body.push('', renderOutcome(r.result, t, { expand: false }, r.call));
  const ex = renderExplain(r.explain, t);
  if (ex) body.push('', ex);
  if (body.length > 0) await paged(io, body.join('\n'), PROMPT_ROWS.key);
  await revealKeys(io, scenario, place, r);
  return prediction;
}

/** Enter goes on; `d` pages the whole trace, `t` the trust policy; `q` quits and saves. */
async function revealKeys(io: ScreenIO, scenario: Scenario, place: string, r: Reveal): Promise<void> {
  const t = io.theme;
  const detail = r.result !== undefined;
  const keys = [...(detail ? ['d'] : []), ...(r.trust ? ['t'] : []), 'q'];
  for (;;) {
    whereLine(io, scenario, place);
    const k = await io.prompter.key(t.dim(`${MSG.keysStep(Boolean(r.trust), detail)} `), keys);
    if (k === 'q') throw new QuitRequested();
    if (k === 'd' && r.result) await paged(io, `\n${renderTrace(r.result, t)}`, PROMPT_ROWS.key);
    else if (k === 't' && r.trust) await paged(io, `\n${renderTrustPolicy(r.trust, t)}`, PROMPT_ROWS.key);
    else return;
  }
}

/** A what-if's reveal, with its own prediction question. */
export function whatIfReveal(run: WhatIfRun, setup: string, predictionId: string, topics: string[]): Reveal {
  return {
    setup,
    result: run.result,
    call: run.call,
    explain: run.whatIf.explain,
    predictionId,
    step: run.step,
    topics,
  };
}
