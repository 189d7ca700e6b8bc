/**
 * The lab's task list: one task per scenario step (and per what-if), checked
 * off when a call arrives that matches the step's API, caller and parameters
 * (see `sendsWhatTaskSends`) and meets its `expect` (the same comparison
 * `validate` makes). Pure.
 */
import { changedCall, compareExpect, durationSeconds, isPlainObject } from '../content/run.js';
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
  /** What-ifs: the `params` their `change` sets (`null`: removes), which a call must match exactly. */
  changed?: Record<string, unknown>;
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
      ...(isPlainObject(w.change.params) && { changed: w.change.params }),
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

/**
 * What a learner's real call cannot reproduce, so a task is not matched on it: the session name is
 * the learner's to choose (a profile fixes one per role, an SDK or a script its own), unless the
 * what-if is about it; and a token's times are minted relative to the moment `lab token` ran (an
 * expired token is told apart by its own error, ExpiredTokenException, which its task expects).
 */
const FREE_PARAMS = new Set(['RoleSessionName']);
const TOKEN_TIMES = new Set(['exp', 'iat', 'nbf', 'notOnOrAfter', 'sessionNotOnOrAfter']);
const TOKEN_PARAMS = new Set(['WebIdentityToken', 'SAMLAssertion']);

/**
 * `got` carries `want`: scalars as text (the wire sends `7200` as "7200"), lists item by item,
 * mappings field by field for every field `want` names (a minted token adds defaults such as the
 * SAML subject type; a session policy arrives as JSON text).
 */
function carries(want: unknown, got: unknown, skip?: ReadonlySet<string>): boolean {
  if (want === undefined || want === null) return got === undefined;
  // `$step` stands for what that step minted (`AccessKeyId: $assume-build`): the call has the real key
  if (typeof want === 'string' && want.startsWith('$')) return got !== undefined;
  if (Array.isArray(want)) {
    // A SAML attribute travels as one value (the lab mints a tag's first value)
    if (!Array.isArray(got)) return want.length === 1 && carries(want[0], got);
    return want.length === got.length && want.every((w, i) => carries(w, got[i]));
  }
  if (isPlainObject(want)) {
    let value = got;
    if (typeof got === 'string') {
      try {
        value = JSON.parse(got) as unknown;
      } catch {
        return false;
      }
    }
    if (!isPlainObject(value)) return false;
    return Object.entries(want).every(([k, w]) => skip?.has(k) || carries(w, value[k]));
  }
  return got !== undefined && got !== null && String(want) === String(got);
}

/** Every field a what-if's `change` removes (`null`) is absent from what arrived. */
function lacksRemoved(change: Record<string, unknown>, got: unknown): boolean {
  return Object.entries(change).every(([k, v]) => {
    const value = isPlainObject(got) ? got[k] : undefined;
    if (v === null) return value === undefined;
    return isPlainObject(v) ? lacksRemoved(v, value) : true;
  });
}

/**
 * The call sends what the task's step (or what-if) sends, in the respects that define it: every
 * parameter the task's call has, token claims and SAML assertion fields included, with the same
 * value, and none of those its what-if removes (no `ExternalId`). Parameters the call adds are not
 * held against it (a profile's `duration_seconds` on another step of that role). Not compared: the
 * session name unless the what-if changes it, and token times (`FREE_PARAMS`, `TOKEN_TIMES`).
 * So `pr-denied`'s token ticks only its step, not the feature-branch what-if that also ends in
 * AccessDenied, and a wrong external ID does not tick the what-if that sends none.
 */
export function sendsWhatTaskSends(task: LabTask, arrived: ArrivedCall): boolean {
  const want = task.call?.params ?? {};
  const got = arrived.call.params ?? {};
  const changed = task.changed ?? {};
  for (const [k, w] of Object.entries(want)) {
    if (FREE_PARAMS.has(k) && !(k in changed)) continue;
    if (!carries(w, got[k], TOKEN_PARAMS.has(k) ? TOKEN_TIMES : undefined)) return false;
  }
  return lacksRemoved(changed, got);
}

/**
 * A token's times are minted when `lab token` runs, a little before the call: a session that the
 * assertion's SessionNotOnOrAfter caps ends that much sooner than the step's `expiresIn`. Short by
 * less than 5 minutes still counts (an assertion's default NotOnOrAfter: an older one is refused).
 */
const MINTED_EARLIER_S = 300;

function expectMet(task: LabTask, result: CallResult): boolean {
  if (!task.expect) return result.outcome === 'success';
  const params = task.call?.params ?? {};
  if (task.expect.expiresIn === undefined || ![...TOKEN_PARAMS].some((p) => p in params))
    return compareExpect(task.expect, result).length === 0;
  const { expiresIn, ...rest } = task.expect;
  const actual = result.view?.expiresIn ?? -Infinity;
  return (
    compareExpect(rest, result).length === 0 && actual <= expiresIn && actual > expiresIn - MINTED_EARLIER_S
  );
}

/** The call is an attempt at the task, sends what it sends, and its result meets the task's `expect`. */
const meets = (task: LabTask, arrived: ArrivedCall): boolean =>
  expectMet(task, arrived.result) && sendsWhatTaskSends(task, arrived);

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
