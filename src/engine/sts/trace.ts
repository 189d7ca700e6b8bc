import type { CheckId, TraceCheck, TracePhase } from '../types.js';

/** One check as a rule reports it: which check, where in STS's processing, and its values. */
export interface CheckReport {
  id: CheckId;
  phase: TracePhase;
  title: string;
  detail?: string | undefined;
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

  pass(report: CheckReport): void {
    this.checks.push(clean(report, true));
  }

  fail(report: CheckReport): void {
    this.checks.push(clean(report, false));
  }

  /** A check that passed or failed depending on `ok`. */
  check(ok: boolean, report: CheckReport): boolean {
    this.checks.push(clean(report, ok));
    return ok;
  }

  /** A fact STS established that is neither pass nor fail (e.g. "this is role chaining"). */
  info(report: CheckReport): void {
    this.checks.push(clean(report, true, true));
  }
}

function clean(report: CheckReport, ok: boolean, info = false): TraceCheck {
  const check: TraceCheck = { id: report.id, phase: report.phase, title: report.title, ok };
  if (info) check.info = true;
  if (report.detail !== undefined) check.detail = report.detail;
  if (report.ref !== undefined) check.ref = report.ref;
  return check;
}
