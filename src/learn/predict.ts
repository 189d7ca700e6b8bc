/**
 * Predict, then reveal: before a step or a what-if runs, the learner says whether STS will answer
 * with credentials or an error, and which error. The choices are error codes the same API returns
 * (quiz/outcome.ts), in a seeded order so that pressing Enter guesses at chance.
 */
import type { ApiName } from '../content/schema.js';
import { isStsApi } from '../engine/index.js';
import type { CallResult } from '../engine/types.js';
import { outcomeChoices, outcomeOf, SUCCESS, type OutcomeCall } from '../quiz/outcome.js';
import { createRandom, hashString, shuffle } from '../quiz/prng.js';
import type { Prompter } from '../ui/prompts.js';
import { MSG } from './messages.js';

export { SUCCESS };

export interface PredictionQuestion {
  /** The store's question id (see stepPredictionId / whatIfPredictionId). */
  id: string;
  api: ApiName;
  /** `success` or the error code the engine returns. */
  answer: string;
  /** The first question's two choices in this session's order. */
  verdicts: ('success' | 'error')[];
  /** The error codes offered when the learner predicts a failure, in this session's order. */
  errors: string[];
  topics: string[];
}

/** A step's prediction: `learn/<scenario>/<step>/predict` (review brings it back). */
export const stepPredictionId = (scenarioId: string, stepId: string) =>
  `learn/${scenarioId}/${stepId}/predict`;

/** A what-if's prediction is the quiz's own "what happens?" question, so review asks it the quiz's way. */
export const whatIfPredictionId = (scenarioId: string, whatIfId: string) =>
  `gen/${scenarioId}/outcome/${whatIfId}`;

/** The question for a call whose result the engine has already decided (but the learner has not seen). */
export function predictionFor(
  id: string,
  call: OutcomeCall,
  result: CallResult,
  seed: number,
  topics: string[],
): PredictionQuestion {
  const answer = outcomeOf(result, call);
  const random = createRandom((seed ^ hashString(id)) >>> 0);
  const verdicts = shuffle(['success', 'error'] as const, random);
  const errors = shuffle(
    outcomeChoices(call, answer).filter((c) => c !== SUCCESS),
    random,
  );
  return { id, api: call.api, answer, verdicts, errors, topics };
}

/**
 * Who answers a call: STS for its own APIs; for a request to another service (S3, the console
 * sign-in, the SSO portal) that service, which the learner knows as AWS.
 */
export const answerer = (api: ApiName): string => (isStsApi(api) ? 'STS' : 'AWS');

/** Asks the one or two questions; returns `success` or the predicted error code. */
export async function askPrediction(q: PredictionQuestion, p: Prompter): Promise<string> {
  const who = answerer(q.api);
  const verdict = await p.choice(
    MSG.predictSucceed,
    q.verdicts.map((v) => ({ value: v, name: v === 'success' ? MSG.predictYes(who) : MSG.predictNo(who) })),
    { quit: true, neutral: true },
  );
  if (verdict === 'success') return SUCCESS;
  return p.choice(
    MSG.predictWhichError(who),
    q.errors.map((c) => ({ value: c, name: c })),
    { quit: true, neutral: true },
  );
}

/** The learner's prediction, graded. */
export interface PredictionResult {
  questionId: string;
  given: string;
  answer: string;
  correct: boolean;
}

export function gradePrediction(q: PredictionQuestion, given: string): PredictionResult {
  return { questionId: q.id, given, answer: q.answer, correct: given === q.answer };
}

/** How a prediction reads: `succeeds` or `fails with AccessDenied`. */
export const outcomeText = (o: string) => (o === SUCCESS ? 'succeeds' : `fails with ${o}`);
