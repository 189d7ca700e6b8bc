/** The screens of a walkthrough as strings: step header, request, outcome, explanation, what-ifs. */
import { stringify } from 'yaml';
import { durationSeconds, type WhatIfRun } from '../content/run.js';
import type { Call, Scenario, Step } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import type { Theme } from '../ui/theme.js';
import { callerLabel, cliCommand, paramsText } from './request.js';
import { humanDuration } from '../ui/duration.js';
import { indent } from '../ui/text.js';
import { renderResult, simTime } from './result.js';
import { MSG } from './messages.js';
import { outcomeText, type PredictionResult } from './predict.js';
import { renderTrace, type TraceOptions } from './trace.js';
import type { CheckpointFeedback } from './state.js';

/** A rule line with `title`; a title too long for one line goes below the rule, wrapped. */
export function titledRule(label: string, title: string, t: Theme, sep = ': '): string {
  const one = `${label}${sep}${title}`;
  if (one.length + 6 <= t.width) return t.rule(one);
  return `${t.rule(label)}\n${t.bold(t.wrap(title))}`;
}

/** `Step 2 of 6: title` as a rule line. */
export function renderStepHeader(scenario: Scenario, index: number, t: Theme): string {
  const step = scenario.steps[index]!;
  return titledRule(`Step ${index + 1} of ${scenario.steps.length}`, step.title ?? step.id, t);
}

/**
 * The request: who calls, the equivalent AWS CLI command and the parameters (`full`: all of them,
 * as the handout prints; otherwise only what the command shows as a placeholder, and the context).
 */
export function renderRequest(
  call: Call,
  t: Theme,
  full = true,
  steps: readonly { id: string; title?: string }[] = [],
): string {
  const out = [
    t.wrap(`${t.bold('Request')} ${t.dim(`as ${callerLabel(call.as, steps)}`)}`),
    indent(t.code(cliCommand(call, t.width - 2)), 2),
  ];
  const params = paramsText(call, !full);
  if (params) out.push(t.dim(full ? '  parameters:' : '  also sent:'), indent(params, 4));
  return out.join('\n');
}

/** The trace (collapsed unless `expand`) followed by the result of `call`. */
export function renderOutcome(result: CallResult, t: Theme, opts: TraceOptions = {}, call?: Call): string {
  return [renderTrace(result, t, opts), '', t.bold('Result:'), renderResult(result, t, call)].join('\n');
}

/** How the learner's prediction went, above the trace that shows why. */
export function renderVerdict(p: PredictionResult, t: Theme): string {
  return p.correct
    ? t.ok(t.wrap(`${t.sym.ok} ${MSG.predictedRight(outcomeText(p.given))}`))
    : t.fail(t.wrap(`${t.sym.fail} ${MSG.predictedWrong(outcomeText(p.given), outcomeText(p.answer))}`));
}

export function renderExplain(text: string | undefined, t: Theme): string {
  return text ? [t.bold('Why:'), t.wrap(text.trim(), 2)].join('\n') : '';
}

/** `⏩ 1 h later: simulated time is now …` for an `advance` step or a what-if that waits. */
export function renderAdvance(seconds: number, now: string, t: Theme): string {
  return `${t.accent('⏩')} ${humanDuration(seconds)} later: simulated time is now ${simTime(now)}`;
}

/** A step up to (not including) its outcome: header, narration, request or clock move. */
export function renderStepIntro(scenario: Scenario, index: number, t: Theme, full = true): string {
  const step: Step = scenario.steps[index]!;
  const out = [renderStepHeader(scenario, index, t)];
  if (step.narrate) out.push(t.wrap(step.narrate.trim()));
  if (step.call) out.push('', renderRequest(step.call, t, full, scenario.steps));
  return out.join('\n');
}

/** Feedback after the learner answered a checkpoint. */
export function renderFeedback(fb: CheckpointFeedback, t: Theme): string {
  const head = fb.correct
    ? t.ok(`${t.sym.ok} Correct`)
    : t.fail(t.wrap(`${t.sym.fail} Not quite. The answer: ${fb.expected}`));
  return fb.explain ? [head, t.wrap(fb.explain.trim(), 2)].join('\n') : head;
}

/** A what-if up to (not including) its outcome: what changed and the changed request. */
export function renderWhatIfIntro(run: WhatIfRun, t: Theme, full = true): string {
  const w = run.whatIf;
  const out = [titledRule('What if…', w.title ?? w.id, t, ' ')];
  if (w.narrate) out.push(t.wrap(w.narrate.trim()));
  out.push(t.dim(t.wrap(`Varies step ${run.step.title ?? run.step.id}; changed:`)));
  const change =
    Object.keys(w.change).length > 0 ? stringify(w.change, { lineWidth: 0 }).trimEnd() : '(nothing but time)';
  out.push(indent(change, 2));
  if (w.advance !== undefined) out.push(renderAdvance(durationSeconds(w.advance), run.result.at, t));
  out.push(
    '',
    renderRequest(
      run.call,
      t,
      full,
      run.before.map((b) => b.step),
    ),
  );
  return out.join('\n');
}

/** A what-if: what changed, the changed request, the trace, the result and why. */
export function renderWhatIf(
  run: WhatIfRun,
  t: Theme,
  opts: TraceOptions & { before?: string } = {},
): string {
  const out = [renderWhatIfIntro(run, t)];
  if (opts.before) out.push('', opts.before);
  out.push('', renderOutcome(run.result, t, opts, run.call));
  const ex = renderExplain(run.whatIf.explain, t);
  if (ex) out.push('', ex);
  return out.join('\n');
}
