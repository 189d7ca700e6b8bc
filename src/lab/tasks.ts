/**
 * The lab's task list: one task per scenario step (and per what-if), checked
 * off when a call arrives that matches the step's API, caller and parameters
 * and meets its `expect` (the same comparison `validate` makes). Pure.
 */
import { changedCall, compareExpect, durationSeconds } from '../content/run.js';
import type { Call, CallResult } from '../engine/types.js';
import type { Expect, Scenario } from '../content/schema.js';

export interface LabTask {
  /** The step id, or `what-if/<id>`. */
  id: string;
  kind: 'step' | 'what-if' | 'advance';
  title: string;
  call?: Call;
  expect?: Expect;
  /** Advance steps: seconds the lab clock must have moved since the lab started. */
  after?: number;
  /** What-ifs that happen later than their step: move the clock this many seconds first. */
  advanceFirst?: number;
  /** False when no real client can be this caller (an AWS service, an Identity Center user). */
  possible: boolean;
}

/** A call as the lab received it: `as` is the signer (`user/dana`, `$lab3`, `anonymous`). */
export interface ArrivedCall {
  call: Call;
  /** The step ids whose credentials signed it (for `as: $step`). */
  signerSteps: readonly string[];
  result: CallResult;
}

const possibleCaller = (as: string) => !as.startsWith('service/') && !as.startsWith('sso/');

/** The scenario's steps and what-ifs as tasks, in order. */
export function tasksFor(scenario: Scenario): LabTask[] {
  const tasks: LabTask[] = [];
  let advanced = 0;
  for (const step of scenario.steps) {
    const title = step.title ?? step.id;
    if (step.advance !== undefined) {
      advanced += durationSeconds(step.advance);
      tasks.push({ id: step.id, kind: 'advance', title, after: advanced, possible: true });
    } else if (step.call) {
      const task: LabTask = {
        id: step.id,
        kind: 'step',
        title,
        call: step.call,
        possible: possibleCaller(step.call.as),
      };
      if (step.expect) task.expect = step.expect;
      tasks.push(task);
    }
  }
  for (const w of scenario.whatIf ?? []) {
    const step = scenario.steps.find((s) => s.id === w.step);
    if (!step?.call) continue;
    const call = changedCall(step.call, w.change);
    tasks.push({
      id: `what-if/${w.id}`,
      kind: 'what-if',
      title: `what if: ${w.title ?? w.id}`,
      call,
      expect: w.expect,
      possible: possibleCaller(call.as),
      ...(w.advance !== undefined && { advanceFirst: durationSeconds(w.advance) }),
    });
  }
  return tasks;
}

/** The parameters that say which role (or name) a call is about. */
const KEY_PARAMS = ['RoleArn', 'PrincipalArn', 'Name'];

/** Same API, same caller, same role / action / resource: the call is an attempt at this task. */
export function sameShape(task: LabTask, arrived: ArrivedCall): boolean {
  const want = task.call;
  const got = arrived.call;
  if (!want || want.api !== got.api) return false;
  if (want.as.startsWith('$')) {
    if (!arrived.signerSteps.includes(want.as.slice(1))) return false;
  } else if (want.as !== got.as) return false;
  for (const p of KEY_PARAMS) {
    const w = want.params?.[p];
    if (w !== undefined && String(w) !== String(got.params?.[p] ?? '')) return false;
  }
  if (want.api === 'Request') {
    if (want.action?.toLowerCase() !== got.action?.toLowerCase()) return false;
    if ((want.resource ?? '*') !== '*' && want.resource !== got.resource) return false;
  }
  return true;
}

/** The result of a call that is an attempt at the task meets the task's `expect`. */
const meets = (task: LabTask, arrived: ArrivedCall): boolean =>
  task.expect
    ? compareExpect(task.expect, arrived.result).length === 0
    : arrived.result.outcome === 'success';

/** The tasks (not advances) a call is an attempt at, and those of them it completes. */
export interface CallMatch {
  attempts: LabTask[];
  completing: LabTask[];
}

/** Matches a call against the tasks once (each `expect` is compared at most once per call). */
export function matchCall(tasks: readonly LabTask[], arrived: ArrivedCall): CallMatch {
  const attempts = tasks.filter((t) => t.kind !== 'advance' && sameShape(t, arrived));
  return { attempts, completing: attempts.filter((t) => meets(t, arrived)) };
}

/**
 * Which steps a successful call's credentials stand for: the steps it completes,
 * else the steps it is an attempt at (e.g. the same AssumeRole without the step's tags).
 */
export function stepsMinted(match: CallMatch): string[] {
  const done = match.completing.filter((t) => t.kind === 'step');
  return (done.length ? done : match.attempts.filter((t) => t.kind === 'step')).map((t) => t.id);
}
