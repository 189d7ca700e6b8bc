/**
 * The interactive walkthrough loop: renders the reducer's state, awaits the learner through a
 * Prompter and saves progress as it happens. All decisions live in state.ts; screens in
 * walk-screens.ts; this only sequences them and saves.
 */
import { createEngine } from '../engine/index.js';
import { runStep, runWhatIf } from '../content/run.js';
import type { Scenario } from '../content/schema.js';
import type { Engine } from '../engine/types.js';
import type { AnswerRecord, ScenarioProgress, Score } from '../store/types.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { askCheckpoint } from './checkpoint.js';
import { renderIntro, renderTakeaways } from './intro.js';
import { MSG } from './messages.js';
import { stepPredictionId, whatIfPredictionId } from './predict.js';
import { renderAdvance, renderFeedback, renderStepIntro, renderWhatIfIntro } from './screens.js';
import * as S from './state.js';
import { checkpointTopics, predictionTopics } from './topics.js';
import { trustViewFor } from './trust.js';
import { paged, pause, setupPredictReveal, whatIfReveal, whereLine, type ScreenIO } from './walk-screens.js';
import { DONE, whatIfMenu } from './whatif-menu.js';

/** The part of the progress store the walkthrough uses. */
export interface LearnStore {
  recordAnswer(rec: AnswerRecord): Promise<void>;
  saveScenario(id: string, update: Partial<ScenarioProgress>): Promise<void>;
}

export interface LearnIO {
  prompter: Prompter;
  write(text: string): void;
  theme: Theme;
  store: LearnStore;
  /** Wall clock for answer records (the engine has its own simulated clock). */
  now?: () => Date;
  /** Seeds the order of choices (checkpoints, predictions): a new one each session. */
  seed?: number;
  /** Ask for predictions (default true; `--no-predict` turns them off). */
  predict?: boolean;
  /** The terminal's size now; without it nothing is paged. */
  size?: () => { columns: number; rows: number };
  /** Erase the pager's prompt line after a key (a real terminal). */
  erasePrompt?: boolean;
}

/** Where a walkthrough starts: a step, or the what-if menu, with the pass's scores so far. */
export interface StartAt {
  step?: number;
  /** The step was shown and predicted before: start at its checkpoint. */
  checkpoint?: boolean;
  whatIfs?: boolean;
  whatIfsSeen?: string[];
  predictions?: Score;
  checkpoints?: Score;
}

/** The scores of one pass through the scenario. */
export interface WalkSummary {
  state: S.LearnState;
  predictions: Score;
  checkpoints: Score;
}

/** Replays steps before `position` silently so a resumed walkthrough has the right world and clock. */
function replayTo(scenario: Scenario, position: number): Engine {
  const engine = createEngine(scenario.world);
  for (const [i, step] of scenario.steps.entries()) {
    if (i >= position) break;
    runStep(engine, step, i);
  }
  return engine;
}

const add = (s: Score, right: boolean): Score => ({ right: s.right + (right ? 1 : 0), total: s.total + 1 });

/** Runs the walkthrough from `from` (a step index or a StartAt) to the end. */
export async function runWalkthrough(
  scenario: Scenario,
  io: LearnIO,
  from: number | StartAt = 0,
): Promise<WalkSummary> {
  const at: StartAt = typeof from === 'number' ? { step: from } : from;
  const t = io.theme;
  const now = io.now ?? (() => new Date());
  let predictions = at.predictions ?? { right: 0, total: 0 };
  let checkpoints = at.checkpoints ?? { right: 0, total: 0 };
  const screen: ScreenIO = {
    prompter: io.prompter,
    write: io.write,
    theme: t,
    size: io.size ?? (() => ({ columns: t.width + 1, rows: Number.POSITIVE_INFINITY })),
    erasePrompt: io.erasePrompt,
    predict: io.predict ?? true,
    seed: io.seed ?? 0,
    now,
    recordAnswer: (r) => io.store.recordAnswer(r),
  };
  const stepCount = scenario.steps.length;
  const whatIfCount = scenario.whatIf?.length ?? 0;
  const save = (update: Partial<ScenarioProgress>) =>
    io.store.saveScenario(scenario.id, {
      ...update,
      predictions,
      checkpoints,
      updatedAt: now().toISOString(),
    });

  const savePosition = async (s: S.LearnState) => {
    if (S.mainPathDone(s))
      await save({
        completed: true,
        completedAt: now().toISOString(),
        position: 0,
        stage: 'what-ifs',
        atCheckpoint: undefined,
      });
    else if (s.phase === 'step' || s.phase === 'checkpoint')
      await save({
        position: S.resumePosition(s),
        stage: 'steps',
        atCheckpoint: s.phase === 'checkpoint' || undefined,
      });
  };
  let state = at.whatIfs ? { ...S.start(scenario, stepCount) } : S.start(scenario, at.step ?? 0);
  state = { ...state, whatIfsSeen: [...(at.whatIfsSeen ?? [])] };
  // resumed after the step's prediction: its checkpoint is next, and the world has had its call
  const atCheckpoint = Boolean(at.checkpoint && !at.whatIfs && scenario.steps[state.step]?.checkpoint);
  await paged(screen, renderIntro(scenario, t), 3);
  if (!at.whatIfs && state.step > 0 && state.step < stepCount)
    io.write(t.dim(`\n${MSG.resuming(state.step + 1)}\n`));
  await pause(screen, scenario, MSG.placeIntro);
  state = S.begin(state, scenario);
  if (atCheckpoint && state.phase === 'step') state = { ...state, phase: 'checkpoint' };
  const engine = replayTo(scenario, state.phase === 'checkpoint' ? state.step + 1 : state.step);

  while (state.phase === 'step' || state.phase === 'checkpoint') {
    const place = MSG.placeStep(state.step + 1, stepCount);
    const step = scenario.steps[state.step]!;
    if (state.phase === 'step') {
      const run = runStep(engine, step, state.step);
      const shown = S.stepShown(state, scenario);
      await setupPredictReveal(screen, scenario, place, {
        setup: renderStepIntro(scenario, state.step, t, false),
        result: run.result,
        call: step.call,
        before: run.advanced !== undefined ? renderAdvance(run.advanced, engine.now(), t) : undefined,
        explain: step.explain,
        trust: step.call ? trustViewFor(scenario.world, step.call, run.result) : undefined,
        predictionId: stepPredictionId(scenario.id, step.id),
        step,
        topics: predictionTopics(step),
        onReveal: async (prediction) => {
          if (prediction) predictions = add(predictions, prediction.correct);
          await savePosition(shown);
        },
      });
      state = shown;
      continue;
    } else {
      const cp = step.checkpoint!;
      const questionId = `learn/${scenario.id}/${step.id}`;
      if (cp.exam?.length) io.write(`\n${t.dim(MSG.examTask(cp.exam))}`);
      io.write('\n');
      whereLine(screen, scenario, place);
      const given = await askCheckpoint(cp, questionId, screen.seed, io.prompter);
      const { state: nextState, feedback } = S.answerCheckpoint(state, scenario, given);
      checkpoints = add(checkpoints, feedback.correct);
      await io.store.recordAnswer({
        questionId: feedback.questionId,
        correct: feedback.correct,
        at: now().toISOString(),
        topics: checkpointTopics(step),
        source: 'learn',
      });
      await paged(screen, renderFeedback(feedback, t), 3);
      state = nextState;
      await savePosition(state); // before the pause: `q` there resumes at the next step
      await pause(screen, scenario, place);
    }
  }

  while (state.phase === 'what-ifs') {
    const menu = whatIfMenu(scenario, state.whatIfsSeen, screen.size().rows, t);
    io.write('\n');
    whereLine(screen, scenario, MSG.placeWhatIfMenu(state.whatIfsSeen.length, whatIfCount));
    const pick = await io.prompter.choice(MSG.whatIfMenu, menu.choices, {
      default: menu.default,
      pageSize: menu.pageSize,
      quit: true,
    });
    if (pick === DONE) {
      state = S.toTakeaways(state);
      break;
    }
    const w = scenario.whatIf!.find((x) => `w:${x.id}` === pick)!;
    const run = runWhatIf(scenario, w);
    const place = MSG.placeWhatIf(state.whatIfsSeen.length + 1, whatIfCount);
    await setupPredictReveal(screen, scenario, place, {
      ...whatIfReveal(
        run,
        renderWhatIfIntro(run, t, false),
        whatIfPredictionId(scenario.id, w.id),
        predictionTopics(run.step),
      ),
      // seen once predicted: `q` on its reveal does not ask it again
      onReveal: async (prediction) => {
        if (prediction) predictions = add(predictions, prediction.correct);
        state = S.whatIfSeen(state, w.id);
        await save({ stage: 'what-ifs', whatIfsSeen: state.whatIfsSeen });
      },
    });
  }

  const end = [renderTakeaways(scenario, t), summaryText(t, predictions, checkpoints)].filter(Boolean);
  end.push(t.ok(t.wrap(MSG.completed(scenario.title))));
  await save({ stage: undefined, whatIfsSeen: undefined, position: 0, completed: true });
  await paged(screen, `\n${end.join('\n\n')}`, 1);
  return { state: S.finish(state), predictions, checkpoints };
}

/** `Predictions: 4 of 7 right · Checkpoints: 2 of 3 right`. */
function summaryText(t: Theme, predictions: Score, checkpoints: Score): string {
  const parts: string[] = [];
  if (predictions.total > 0) parts.push(MSG.score('Predictions', predictions.right, predictions.total));
  if (checkpoints.total > 0) parts.push(MSG.score('Checkpoints', checkpoints.right, checkpoints.total));
  return parts.length > 0 ? t.bold(parts.join(' · ')) : '';
}
