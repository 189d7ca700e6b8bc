/**
 * The whole walkthrough as clean text (no TTY or --no-input): intro, every step with a prediction
 * question, request, trace, result and explanation, each checkpoint, every what-if, takeaways, and
 * at the end an answer key (predictions and checkpoints). Nothing waits for input.
 */
import { createEngine } from '../engine/index.js';
import { runStep, runWhatIf } from '../content/run.js';
import type { Call, Checkpoint, Scenario } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import { outcomeOf } from '../quiz/outcome.js';
import type { Theme } from '../ui/theme.js';
import { checkpointPrompt, presentedChoices } from './checkpoint.js';
import { renderIntro, renderTakeaways } from './intro.js';
import { MSG } from './messages.js';
import { outcomeText } from './predict.js';
import { renderAdvance, renderExplain, renderOutcome, renderStepIntro, renderWhatIf } from './screens.js';

/** The handout's numbered questions and, for the key, their answers. */
class Key {
  readonly lines: string[] = [];
  private n = 0;
  constructor(private readonly t: Theme) {}
  /** A prediction question about `result`, numbered; its answer goes in the key. */
  predict(result: CallResult, call: Call): string {
    const id = `P${++this.n}`;
    this.lines.push(`${id}. it ${outcomeText(outcomeOf(result, call))}`);
    return this.t.bold(`${id}. ${MSG.handoutPredict}`);
  }
  /** A checkpoint with its choices, numbered; its answer and explanation go in the key. */
  checkpoint(cp: Checkpoint, questionId: string): string {
    const id = `Q${++this.n}`;
    const answer = Array.isArray(cp.answer) ? cp.answer.join(cp.type === 'order' ? ' → ' : '; ') : cp.answer;
    this.lines.push(`${id}. ${answer}`, ...(cp.explain ? [this.t.wrap(cp.explain.trim(), 4)] : []));
    return [
      this.t.bold(this.t.wrap(`${id}. Checkpoint: ${checkpointPrompt(cp)}`)),
      ...(cp.exam?.length ? [this.t.dim(MSG.examTask(cp.exam))] : []),
      // the handout's order is fixed (seed 0) so a printed copy and a re-run agree
      ...presentedChoices(cp, questionId, 0).map((c) => this.t.wrap(`${this.t.sym.bullet} ${c}`, 2)),
    ].join('\n');
  }
}

export function renderHandout(scenario: Scenario, t: Theme): string {
  const parts: string[] = [renderIntro(scenario, t)];
  const key = new Key(t);
  const engine = createEngine(scenario.world);
  for (const [index, step] of scenario.steps.entries()) {
    const run = runStep(engine, step, index);
    const block = [renderStepIntro(scenario, index, t)];
    if (run.advanced !== undefined) block.push(renderAdvance(run.advanced, engine.now(), t));
    if (run.result && step.call)
      block.push('', key.predict(run.result, step.call), '', renderOutcome(run.result, t, {}, step.call));
    const ex = renderExplain(step.explain, t);
    if (ex) block.push('', ex);
    if (step.checkpoint) block.push('', key.checkpoint(step.checkpoint, `learn/${scenario.id}/${step.id}`));
    parts.push(block.join('\n'));
  }
  for (const w of scenario.whatIf ?? []) {
    const run = runWhatIf(scenario, w);
    const question = key.predict(run.result, run.call);
    parts.push(renderWhatIf(run, t, { expand: true, before: question }));
  }
  const takeaways = renderTakeaways(scenario, t);
  if (takeaways) parts.push(takeaways);
  parts.push([t.heading(MSG.answerKey), ...key.lines].join('\n'));
  return parts.join('\n\n') + '\n';
}
