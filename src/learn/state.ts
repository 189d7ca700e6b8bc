/**
 * The walkthrough as a reducer (STYLE.md §10): plain state, pure transitions. The command loop
 * renders the state, awaits the learner and feeds the answer back in.
 *   intro → step (→ checkpoint) → … → what-ifs → takeaways → done
 */
import type { Checkpoint, Scenario } from '../content/schema.js';

export type Phase = 'intro' | 'step' | 'checkpoint' | 'what-ifs' | 'takeaways' | 'done';

export interface LearnState {
  scenarioId: string;
  phase: Phase;
  /** The current step (0-based); equals the step count once the main path is over. */
  step: number;
  stepCount: number;
  /** Checkpoint results by step id. */
  checkpoints: Record<string, boolean>;
  /** What-ifs the learner has run, in order. */
  whatIfsSeen: string[];
}

export interface CheckpointFeedback {
  correct: boolean;
  /** The right answer, as text. */
  expected: string;
  explain?: string;
  /** The store's question id: `learn/<scenario>/<step>`. */
  questionId: string;
}

/** A new walkthrough, at the intro; `resumeAt` starts at that step instead of the first. */
export function start(scenario: Scenario, resumeAt = 0): LearnState {
  const stepCount = scenario.steps.length;
  return {
    scenarioId: scenario.id,
    phase: 'intro',
    step: Math.max(0, Math.min(resumeAt, stepCount)),
    stepCount,
    checkpoints: {},
    whatIfsSeen: [],
  };
}

/** Leaves the intro for the current step. */
export function begin(state: LearnState, scenario?: Scenario): LearnState {
  return state.step >= state.stepCount ? afterMainPath(state, scenario) : { ...state, phase: 'step' };
}

function afterMainPath(state: LearnState, scenario?: Scenario): LearnState {
  const hasWhatIfs = scenario ? (scenario.whatIf?.length ?? 0) > 0 : true;
  return { ...state, step: state.stepCount, phase: hasWhatIfs ? 'what-ifs' : 'takeaways' };
}

/** The learner has seen the current step's outcome: its checkpoint comes next, or the next step. */
export function stepShown(state: LearnState, scenario: Scenario): LearnState {
  const step = scenario.steps[state.step];
  if (step?.checkpoint && state.checkpoints[step.id] === undefined) return { ...state, phase: 'checkpoint' };
  return next(state, scenario);
}

/** On to the next step, or to the what-ifs after the last one. */
export function next(state: LearnState, scenario: Scenario): LearnState {
  const step = state.step + 1;
  if (step >= state.stepCount) return afterMainPath({ ...state, step }, scenario);
  return { ...state, step, phase: 'step' };
}

/** Normalises an answer for comparison: trimmed, case kept (choices are exact strings). */
const same = (a: string, b: string) => a.trim() === b.trim();

/** Whether `given` is right for a checkpoint: one choice, the same set, or the same order. */
export function isCorrect(cp: Checkpoint, given: string | string[]): boolean {
  const expected = Array.isArray(cp.answer) ? cp.answer : [cp.answer];
  const got = Array.isArray(given) ? given : [given];
  if (cp.type === 'order')
    return got.length === expected.length && got.every((g, i) => same(g, expected[i]!));
  if (cp.type === 'multi')
    return got.length === expected.length && expected.every((e) => got.some((g) => same(g, e)));
  return got.length === 1 && expected.some((e) => same(e, got[0]!));
}

/** Grades the current step's checkpoint and moves on. */
export function answerCheckpoint(
  state: LearnState,
  scenario: Scenario,
  given: string | string[],
): { state: LearnState; feedback: CheckpointFeedback } {
  const step = scenario.steps[state.step];
  const cp = step?.checkpoint;
  if (!step || !cp) throw new Error(`step ${state.step} of \`${scenario.id}\` has no checkpoint`);
  const correct = isCorrect(cp, given);
  const expected = Array.isArray(cp.answer) ? cp.answer.join(cp.type === 'order' ? ' → ' : ', ') : cp.answer;
  const answered = { ...state, checkpoints: { ...state.checkpoints, [step.id]: correct } };
  return {
    state: next(answered, scenario),
    feedback: { correct, expected, explain: cp.explain, questionId: `learn/${scenario.id}/${step.id}` },
  };
}

/** Records that a what-if was run (the menu marks it ✔). */
export function whatIfSeen(state: LearnState, id: string): LearnState {
  return state.whatIfsSeen.includes(id) ? state : { ...state, whatIfsSeen: [...state.whatIfsSeen, id] };
}

/** Leaves the what-if menu for the takeaways. */
export function toTakeaways(state: LearnState): LearnState {
  return { ...state, phase: 'takeaways' };
}

/** The walkthrough is over. */
export function finish(state: LearnState): LearnState {
  return { ...state, phase: 'done' };
}

/** Where a learner who quits now should resume (the store's `position`). */
export function resumePosition(state: LearnState): number {
  return Math.min(state.step, state.stepCount);
}

/** The main path is over: the scenario counts as completed. */
export function mainPathDone(state: LearnState): boolean {
  return state.step >= state.stepCount;
}
