/**
 * The scenario runner: replays a scenario's steps and what-ifs on the engine and
 * compares each result with its `expect`. Pure (the engine is pure); used by
 * `validate`, `learn`, `quiz` and `call`.
 */
import { createEngine, parseDuration, parseInstant } from '../engine/index.js';
import type { CallResult, Engine, TraceCheck } from '../engine/types.js';
import type { Call, Expect, Scenario, Step, WhatIf } from './schema.js';

/** One field of an `expect` that the engine's result did not meet. */
export interface Mismatch {
  /** The `expect` field: `outcome`, `code`, `message`, `arn`, … */
  field: keyof Expect;
  expected: unknown;
  /** What the engine said (undefined when the result has no such value). */
  actual: unknown;
}

/** One step as run. */
export interface StepRun {
  step: Step;
  index: number;
  /** The call's result (`call` steps). */
  result?: CallResult;
  /** Seconds the clock moved (`advance` steps). */
  advanced?: number;
  /** Mismatches with the step's `expect` (empty when it has none or all matched). */
  mismatches: Mismatch[];
  /** The step has an `expect` and it was met (true for steps without `expect`). */
  ok: boolean;
}

/** A run of a scenario's steps on a fresh engine. */
export interface ScenarioRun {
  scenario: Scenario;
  steps: StepRun[];
  /** The engine after the last step run, e.g. to make further calls (`call`, outcome questions). */
  engine: Engine;
  /**
   * A snapshot of the engine just before each step that a what-if varies ran (by step id), so
   * what-ifs need no replay. Other steps get none: a fork per step was most of a run's copying.
   */
  snapshots: Map<string, Engine>;
  /** Every step's `expect` was met. */
  ok: boolean;
}

/** A what-if as run. */
export interface WhatIfRun {
  whatIf: WhatIf;
  /** The step it varies. */
  step: Step;
  /** The steps replayed before it. */
  before: StepRun[];
  /** The changed call that ran. */
  call: Call;
  result: CallResult;
  mismatches: Mismatch[];
  ok: boolean;
}

export interface RunOptions {
  /** Stop after this step (inclusive). */
  upTo?: string;
  /** Stop before this step (exclusive). */
  before?: string;
}

/** Seconds in a duration: a number of seconds, or `30s`, `90m`, `2h`, `1d` (FORMAT.md). */
export function durationSeconds(value: number | string): number {
  if (typeof value === 'number') return value;
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds < 0) throw new Error(`not a duration: \`${value}\``);
  return Math.round(seconds);
}

/** Runs one step on `engine` and compares its result with its `expect`. */
export function runStep(engine: Engine, step: Step, index: number): StepRun {
  if (step.advance !== undefined) {
    const seconds = durationSeconds(step.advance);
    engine.advance(seconds);
    return { step, index, advanced: seconds, mismatches: [], ok: true };
  }
  const result = engine.call(step.call!, { id: step.id });
  const mismatches = step.expect ? compareExpect(step.expect, result) : [];
  return { step, index, result, mismatches, ok: mismatches.length === 0 };
}

/** Runs a scenario's steps in order on a fresh engine over its world. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  const engine = createEngine(scenario.world);
  const steps: StepRun[] = [];
  const snapshots = new Map<string, Engine>();
  const varied = new Set((scenario.whatIf ?? []).map((w) => w.step));
  for (const [index, step] of scenario.steps.entries()) {
    if (options.before !== undefined && step.id === options.before) break;
    if (varied.has(step.id)) snapshots.set(step.id, engine.fork());
    steps.push(runStep(engine, step, index));
    if (options.upTo !== undefined && step.id === options.upTo) break;
  }
  return { scenario, steps, engine, snapshots, ok: steps.every((s) => s.ok) };
}

/**
 * Runs a what-if: replays the steps before `whatIf.step`, moves the clock by
 * `whatIf.advance` (extension), then runs that step's call with `whatIf.change`
 * deep-merged in, and compares with `whatIf.expect`.
 */
export function runWhatIf(scenario: Scenario, whatIf: WhatIf, main?: ScenarioRun): WhatIfRun {
  const step = scenario.steps.find((s) => s.id === whatIf.step);
  if (!step?.call) throw new Error(`what-if \`${whatIf.id}\`: no step \`${whatIf.step}\` with a call`);
  // Reuse the main run's snapshot before the step when given; otherwise replay the steps before it.
  const snapshot = main?.scenario === scenario ? main.snapshots.get(whatIf.step) : undefined;
  const before = snapshot
    ? main!.steps.slice(
        0,
        main!.steps.findIndex((s) => s.step.id === whatIf.step),
      )
    : undefined;
  const replay = snapshot ? undefined : runScenario(scenario, { before: whatIf.step });
  const engine = snapshot ? snapshot.fork() : replay!.engine;
  let call = changedCall(step.call, whatIf.change);
  if (whatIf.advance !== undefined) {
    // Tokens are issued when the step would have run; the what-if then presents them later.
    call = pinRelativeTimes(call, engine.now());
    engine.advance(durationSeconds(whatIf.advance));
  }
  const result = engine.call(call, { id: step.id });
  const mismatches = compareExpect(whatIf.expect, result);
  return {
    whatIf,
    step,
    before: before ?? replay!.steps,
    call,
    result,
    mismatches,
    ok: mismatches.length === 0,
  };
}

const TOKEN_TIMES: Record<string, string[]> = {
  SAMLAssertion: ['notOnOrAfter', 'sessionNotOnOrAfter'],
  WebIdentityToken: ['exp'],
};

/** Replaces relative token times (`+5m`, `-1h`) with absolute ones as of `nowIso`. */
export function pinRelativeTimes(call: Call, nowIso: string): Call {
  const params = call.params;
  if (!params) return call;
  const now = Date.parse(nowIso);
  let out: Record<string, unknown> | undefined;
  for (const [param, fields] of Object.entries(TOKEN_TIMES)) {
    const token = params[param];
    if (!isPlainObject(token)) continue;
    for (const field of fields) {
      const v = token[field];
      // Only relative times (`+5m`, `-1h`) change; the engine reads them the same way.
      const at = typeof v === 'string' && /^\s*[+-]/.test(v) ? parseInstant(v, now) : undefined;
      if (at === undefined) continue;
      out ??= { ...params };
      const copy = { ...(out[param] as Record<string, unknown>) };
      copy[field] = new Date(at).toISOString();
      out[param] = copy;
    }
  }
  return out ? { ...call, params: out } : call;
}

/**
 * The parts of a what-if's `change` that leave the call as it was: a value the step's call already
 * has, or a `null` for a field it never had. Each is a path under `change`. `validate` warns about
 * them; a generated question does not tell them as changes.
 */
export function noOpChanges(base: unknown, change: Record<string, unknown>, at: string[] = []): string[][] {
  const out: string[][] = [];
  const has = base !== null && typeof base === 'object' && !Array.isArray(base);
  for (const [key, value] of Object.entries(change)) {
    const was = has ? (base as Record<string, unknown>)[key] : undefined;
    const path = [...at, key];
    if (value === null) {
      if (was === undefined) out.push(path);
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      out.push(...noOpChanges(was, value as Record<string, unknown>, path));
    } else if (JSON.stringify(value) === JSON.stringify(was)) out.push(path);
  }
  return out;
}

/** A step's call with a what-if's `change` deep-merged in. */
export function changedCall(call: Call, change: Record<string, unknown>): Call {
  return deepMerge(call, change) as Call;
}

/** A YAML mapping (not a list, not null). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Deep merge for what-ifs (FORMAT.md): mappings merge key by key, `null`
 * removes a field, anything else (scalars, lists) replaces. Never mutates.
 */
export function deepMerge(base: unknown, change: unknown): unknown {
  if (!isPlainObject(change) || !isPlainObject(base)) return change === null ? undefined : clone(change);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete out[key];
    else out[key] = deepMerge(out[key], value);
  }
  return out;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** The value `expect.<field>` is compared with, read from a result. */
export function actualOf(field: keyof Expect, result: CallResult): unknown {
  const view = result.view;
  switch (field) {
    case 'outcome':
      return result.outcome;
    case 'code':
      return result.code;
    case 'message':
      return result.message;
    case 'tags':
      return view ? (view.tags ?? {}) : undefined;
    case 'mfa':
      return view ? (view.mfa ?? false) : undefined;
    case 'deniedAt':
      return decidingCheck(result)?.id;
    default:
      return view?.[field];
  }
}

const EXPECT_FIELDS: (keyof Expect)[] = [
  'outcome',
  'code',
  'message',
  'arn',
  'account',
  'userId',
  'expiresIn',
  'sourceIdentity',
  'tags',
  'mfa',
  'deniedAt',
];

/** The check that decided a failed call: the first check that did not pass (informational ones aside). */
export function decidingCheck(result: CallResult): TraceCheck | undefined {
  if (result.outcome !== 'error') return undefined;
  return result.trace.find((c) => !c.ok && !c.info);
}

/**
 * Compares an `expect` with a result: `outcome` always, then only the fields
 * given. `message` is a substring match; `tags` compares the whole map.
 */
export function compareExpect(expect: Expect, result: CallResult): Mismatch[] {
  const out: Mismatch[] = [];
  for (const field of EXPECT_FIELDS) {
    const expected = expect[field];
    if (expected === undefined) continue;
    const actual = actualOf(field, result);
    if (!matches(field, expected, actual)) out.push({ field, expected, actual });
  }
  return out;
}

function matches(field: keyof Expect, expected: unknown, actual: unknown): boolean {
  if (field === 'message') return typeof actual === 'string' && actual.includes(String(expected));
  if (field === 'tags') return isPlainObject(actual) && sameMap(expected as Record<string, string>, actual);
  return expected === actual;
}

function sameMap(a: Record<string, string>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** The fields of `expect` as the engine reported them, for `validate --json` (`actual`). */
export function actualFor(expect: Expect, result: CallResult): Partial<Record<keyof Expect, unknown>> {
  const out: Partial<Record<keyof Expect, unknown>> = {};
  for (const field of EXPECT_FIELDS) {
    if (expect[field] === undefined) continue;
    const v = actualOf(field, result);
    if (v !== undefined) out[field] = v;
  }
  return out;
}

/**
 * Runs one call against a scenario's world, as an `outcome` question does: a
 * `$STEP` caller first replays the scenario's steps up to that step.
 */
export function runCallIn(scenario: Scenario, call: Call): { result: CallResult; replay: ScenarioRun } {
  const ref = call.as.startsWith('$') ? call.as.slice(1) : undefined;
  const replay: ScenarioRun = ref
    ? runScenario(scenario, { upTo: ref })
    : { scenario, steps: [], engine: createEngine(scenario.world), snapshots: new Map(), ok: true };
  return { result: replay.engine.call(call), replay };
}
