import type { CheckId, CheckValues, TraceCheck, TracePhase } from '../types.js';

/** One check as a rule reports it: which check, where in STS's processing, and the values it weighed. */
export interface CheckReport<K extends CheckId> {
  id: K;
  phase: TracePhase;
  values: CheckValues<K>;
  /** The AWS documentation page the rule comes from. */
  ref?: string | undefined;
}

/** Collects the checks of one call, in order. */
export class Trace {
  readonly checks: TraceCheck[] = [];

  add(check: TraceCheck): TraceCheck {
    this.checks.push(check);
    return check;
  }

  pass<K extends CheckId>(report: CheckReport<K>): void {
    this.checks.push(clean(report, true));
  }

  fail<K extends CheckId>(report: CheckReport<K>): void {
    this.checks.push(clean(report, false));
  }

  /** A check that passed or failed depending on `ok`. */
  check<K extends CheckId>(ok: boolean, report: CheckReport<K>): boolean {
    this.checks.push(clean(report, ok));
    return ok;
  }

  /** A fact STS established that is neither pass nor fail (e.g. "this is role chaining"). */
  info<K extends CheckId>(report: CheckReport<K>): void {
    this.checks.push(clean(report, true, true));
  }
}

function clean<K extends CheckId>(report: CheckReport<K>, ok: boolean, info = false): TraceCheck {
  // The id and its values arrive together typed by K; TypeScript cannot correlate them in the union.
  const check = { id: report.id, phase: report.phase, ok, values: report.values } as TraceCheck;
  if (info) check.info = true;
  if (report.ref !== undefined) check.ref = report.ref;
  return check;
}
