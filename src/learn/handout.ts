/**
 * The whole walkthrough as clean text (no TTY or --no-input): intro, every step with request, trace,
 * result, explanation and checkpoint, every what-if, takeaways. Nothing waits for input.
 */
import { createEngine } from '../engine/index.js';
import { runStep, runWhatIf } from '../content/run.js';
import type { Scenario } from '../content/schema.js';
import type { Theme } from '../ui/theme.js';
import { renderIntro, renderTakeaways } from './intro.js';
import {
  renderAdvance,
  renderCheckpointText,
  renderExplain,
  renderOutcome,
  renderStepIntro,
  renderWhatIf,
} from './screens.js';

export function renderHandout(scenario: Scenario, t: Theme): string {
  const parts: string[] = [renderIntro(scenario, t)];
  const engine = createEngine(scenario.world);
  for (const [index, step] of scenario.steps.entries()) {
    const run = runStep(engine, step, index);
    const block = [renderStepIntro(scenario, index, t)];
    if (run.advanced !== undefined) block.push(renderAdvance(run.advanced, engine.now(), t));
    if (run.result) block.push('', renderOutcome(run.result, t));
    const ex = renderExplain(step.explain, t);
    if (ex) block.push('', ex);
    if (step.checkpoint) block.push('', renderCheckpointText(step.checkpoint, t));
    parts.push(block.join('\n'));
  }
  for (const w of scenario.whatIf ?? []) parts.push(renderWhatIf(runWhatIf(scenario, w), t));
  const takeaways = renderTakeaways(scenario, t);
  if (takeaways) parts.push(takeaways);
  return parts.join('\n\n') + '\n';
}
