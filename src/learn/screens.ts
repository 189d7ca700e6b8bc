/** The screens of a walkthrough as strings: step header, request, outcome, explanation, what-ifs. */
import { stringify } from 'yaml';
import { durationSeconds, type WhatIfRun } from '../content/run.js';
import type { Call, Checkpoint, Scenario, Step } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import type { Theme } from '../ui/theme.js';
import { callerLabel, cliCommand, paramsText } from './request.js';
import { humanDuration, renderResult, simTime } from './result.js';
import { renderTrace } from './trace.js';
import type { CheckpointFeedback } from './state.js';

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

/** `Step 2 of 6: title` as a rule line. */
export function renderStepHeader(scenario: Scenario, index: number, t: Theme): string {
  const step = scenario.steps[index]!;
  return t.rule(`Step ${index + 1} of ${scenario.steps.length}: ${step.title ?? step.id}`);
}

/** The request: who calls, the equivalent AWS CLI command and the parameters. */
export function renderRequest(call: Call, t: Theme): string {
  const out = [
    `${t.bold('Request')} ${t.dim(`as ${callerLabel(call.as)}`)}`,
    indent(t.code(cliCommand(call, t.width - 2)), 2),
  ];
  const params = paramsText(call);
  if (params) out.push(t.dim('  parameters:'), indent(params, 4));
  return out.join('\n');
}

/** The trace followed by the result. */
export function renderOutcome(result: CallResult, t: Theme): string {
  return [renderTrace(result.trace, t), '', t.bold('Result:'), renderResult(result, t)].join('\n');
}

export function renderExplain(text: string | undefined, t: Theme): string {
  return text ? [t.bold('Why:'), t.wrap(text.trim(), 2)].join('\n') : '';
}

/** `⏩ 1 h later: simulated time is now …` for an `advance` step or a what-if that waits. */
export function renderAdvance(seconds: number, now: string, t: Theme): string {
  return `${t.accent('⏩')} ${humanDuration(seconds)} later: simulated time is now ${simTime(now)}`;
}

/** A step up to (not including) its outcome: header, narration, request or clock move. */
export function renderStepIntro(scenario: Scenario, index: number, t: Theme): string {
  const step: Step = scenario.steps[index]!;
  const out = [renderStepHeader(scenario, index, t)];
  if (step.narrate) out.push(t.wrap(step.narrate.trim()));
  if (step.call) out.push('', renderRequest(step.call, t));
  return out.join('\n');
}

/** A checkpoint question as text (for the handout), with its answer. */
export function renderCheckpointText(cp: Checkpoint, t: Theme): string {
  const answer = Array.isArray(cp.answer) ? cp.answer.join(cp.type === 'order' ? ' → ' : ', ') : cp.answer;
  const hinted = /\bchoose\b/i.test(cp.prompt);
  const kind = hinted
    ? ''
    : cp.type === 'multi'
      ? ' (choose all that apply)'
      : cp.type === 'order'
        ? ' (put in order)'
        : '';
  return [
    t.bold(`Checkpoint: ${cp.prompt}${kind}`),
    ...cp.choices.map((c) => `  ${t.sym.bullet} ${c}`),
    `  Answer: ${answer}`,
    ...(cp.explain ? [t.wrap(cp.explain.trim(), 2)] : []),
  ].join('\n');
}

/** Feedback after the learner answered a checkpoint. */
export function renderFeedback(fb: CheckpointFeedback, t: Theme): string {
  const head = fb.correct
    ? t.ok(`${t.sym.ok} Correct`)
    : t.fail(`${t.sym.fail} Not quite. The answer: ${fb.expected}`);
  return fb.explain ? [head, t.wrap(fb.explain.trim(), 2)].join('\n') : head;
}

/** A what-if: what changed, the changed request, the trace, the result and why. */
export function renderWhatIf(run: WhatIfRun, t: Theme): string {
  const w = run.whatIf;
  const out = [t.rule(`What if… ${w.title ?? w.id}`)];
  if (w.narrate) out.push(t.wrap(w.narrate.trim()));
  out.push(t.dim(`Varies step ${run.step.title ?? run.step.id}; changed:`));
  const change =
    Object.keys(w.change).length > 0 ? stringify(w.change, { lineWidth: 0 }).trimEnd() : '(nothing but time)';
  out.push(indent(change, 2));
  if (w.advance !== undefined) out.push(renderAdvance(durationSeconds(w.advance), run.result.at, t));
  out.push('', renderRequest(run.call, t), '', renderOutcome(run.result, t));
  const ex = renderExplain(w.explain, t);
  if (ex) out.push('', ex);
  return out.join('\n');
}
