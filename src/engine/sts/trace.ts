import type { TraceCheck, TracePhase } from '../types.js';

/** Collects the checks of one call, in order. */
export class Trace {
  readonly checks: TraceCheck[] = [];

  add(check: TraceCheck): TraceCheck {
    this.checks.push(check);
    return check;
  }

  pass(id: string, phase: TracePhase, title: string, detail?: string, ref?: string): void {
    this.checks.push(clean({ id, phase, title, ok: true, detail, ref }));
  }

  fail(id: string, phase: TracePhase, title: string, detail?: string, ref?: string): void {
    this.checks.push(clean({ id, phase, title, ok: false, detail, ref }));
  }

  /** A check that passed or failed depending on `ok`. */
  check(ok: boolean, id: string, phase: TracePhase, title: string, detail?: string, ref?: string): boolean {
    this.checks.push(clean({ id, phase, title, ok, detail, ref }));
    return ok;
  }

  /** A fact STS established that is neither pass nor fail (e.g. "this is role chaining"). */
  info(id: string, phase: TracePhase, title: string, detail?: string, ref?: string): void {
    this.checks.push(clean({ id, phase, title, ok: true, info: true, detail, ref }));
  }
}

function clean(c: TraceCheck): TraceCheck {
  if (c.detail === undefined) delete c.detail;
  if (c.ref === undefined) delete c.ref;
  return c;
}
