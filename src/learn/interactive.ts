/**
 * The interactive walkthrough loop: renders the reducer's state, awaits the learner through a
 * Prompter and saves progress as it happens. All decisions live in state.ts; this only does I/O.
 */
import { createEngine } from '../engine/index.js';
import { runStep, runWhatIf, type StepRun } from '../content/run.js';
import type { Checkpoint, Scenario } from '../content/schema.js';
import type { Engine } from '../engine/types.js';
import type { AnswerRecord, ScenarioProgress } from '../store/types.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { renderIntro, renderTakeaways } from './intro.js';
import {
  renderAdvance,
  renderExplain,
  renderFeedback,
  renderOutcome,
  renderStepIntro,
  renderWhatIf,
} from './screens.js';
import * as S from './state.js';
import { renderTrustPolicy, trustViewFor } from './trust.js';

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
  /** Runs the engine under a spinner (or not). */
  evaluate<T>(work: () => T): Promise<T>;
  /** Wall clock for answer records (the engine has its own simulated clock). */
  now?: () => Date;
}

export const TEXT = {
  enterOrTrust: 'Press Enter to continue, t for the trust policy ',
  enter: 'Press Enter to continue ',
  whatIfMenu: 'What if…? Pick a variation to run on the engine',
  doneWhatIfs: 'Done: show the takeaways',
  evaluating: 'STS evaluates the request…',
  completed: (title: string) => `Completed: ${title}. Your progress is saved.`,
} as const;

/** Replays steps before `position` silently so a resumed walkthrough has the right world and clock. */
function replayTo(scenario: Scenario, position: number): Engine {
  const engine = createEngine(scenario.world);
  for (const [i, step] of scenario.steps.entries()) {
    if (i >= position) break;
    runStep(engine, step, i);
  }
  return engine;
}

async function askCheckpoint(cp: Checkpoint, p: Prompter): Promise<string | string[]> {
  const choices = cp.choices.map((c) => ({ value: c, name: c }));
  if (cp.type === 'multi')
    return p.multi(
      /\bchoose\b/i.test(cp.prompt) ? cp.prompt : `${cp.prompt} (choose all that apply)`,
      choices,
      { min: 1 },
    );
  if (cp.type === 'order') return p.order(cp.prompt, cp.choices);
  return p.choice(cp.prompt, choices);
}

async function showStep(
  scenario: Scenario,
  state: S.LearnState,
  engine: Engine,
  io: LearnIO,
): Promise<StepRun> {
  const { theme: t } = io;
  const step = scenario.steps[state.step]!;
  io.write(`\n${renderStepIntro(scenario, state.step, t)}\n`);
  const run = step.call
    ? await io.evaluate(() => runStep(engine, step, state.step))
    : runStep(engine, step, state.step);
  if (run.advanced !== undefined) io.write(`${renderAdvance(run.advanced, engine.now(), t)}\n`);
  if (run.result) io.write(`\n${renderOutcome(run.result, t)}\n`);
  const ex = renderExplain(step.explain, t);
  if (ex) io.write(`\n${ex}\n`);
  const trust = step.call ? trustViewFor(scenario.world, step.call, run.result) : undefined;
  for (;;) {
    const key = await io.prompter.key(trust ? TEXT.enterOrTrust : TEXT.enter, trust ? ['t'] : []);
    if (key !== 't' || !trust) break;
    io.write(`\n${renderTrustPolicy(trust, t)}\n`);
  }
  return run;
}

async function whatIfMenu(scenario: Scenario, state: S.LearnState, io: LearnIO): Promise<S.LearnState> {
  const whatIfs = scenario.whatIf ?? [];
  let s = state;
  for (;;) {
    const choices = [
      ...whatIfs.map((w) => ({
        value: `w:${w.id}`,
        name: `${s.whatIfsSeen.includes(w.id) ? io.theme.sym.ok : ' '} ${w.title ?? w.id}`,
      })),
      { value: 'done', name: TEXT.doneWhatIfs },
    ];
    const pick = await io.prompter.choice(TEXT.whatIfMenu, choices);
    if (pick === 'done') return S.toTakeaways(s);
    const w = whatIfs.find((x) => `w:${x.id}` === pick)!;
    const run = await io.evaluate(() => runWhatIf(scenario, w));
    io.write(`\n${renderWhatIf(run, io.theme)}\n`);
    s = S.whatIfSeen(s, w.id);
    await io.prompter.key(TEXT.enter);
  }
}

/** Runs the walkthrough from `resumeAt` to the end. Returns the final state. */
export async function runWalkthrough(scenario: Scenario, io: LearnIO, resumeAt = 0): Promise<S.LearnState> {
  const t = io.theme;
  let state = S.start(scenario, resumeAt);
  io.write(`${renderIntro(scenario, t)}\n`);
  if (resumeAt > 0 && resumeAt < scenario.steps.length)
    io.write(t.dim(`\nResuming at step ${resumeAt + 1}.\n`));
  state = S.begin(state);
  const engine = replayTo(scenario, state.step);
  while (state.phase === 'step' || state.phase === 'checkpoint') {
    if (state.phase === 'step') {
      await showStep(scenario, state, engine, io);
      state = S.stepShown(state, scenario);
    } else {
      const step = scenario.steps[state.step]!;
      const given = await askCheckpoint(step.checkpoint!, io.prompter);
      const { state: nextState, feedback } = S.answerCheckpoint(state, scenario, given);
      await io.store.recordAnswer({
        questionId: feedback.questionId,
        correct: feedback.correct,
        at: (io.now?.() ?? new Date()).toISOString(),
        topics: scenario.topics ?? [],
        source: 'learn',
      });
      io.write(`${renderFeedback(feedback, t)}\n`);
      state = nextState;
    }
    if (S.mainPathDone(state)) {
      await io.store.saveScenario(scenario.id, {
        completed: true,
        completedAt: (io.now?.() ?? new Date()).toISOString(),
        position: 0,
      });
    } else if (state.phase === 'step') {
      await io.store.saveScenario(scenario.id, { position: S.resumePosition(state) });
    }
  }
  if (state.phase === 'what-ifs') state = await whatIfMenu(scenario, state, io);
  const takeaways = renderTakeaways(scenario, t);
  if (takeaways) io.write(`\n${takeaways}\n`);
  io.write(`\n${t.ok(TEXT.completed(scenario.title))}\n`);
  return S.finish(state);
}
