/**
 * The per-question countdown as plain data and pure functions of an injected
 * clock (`now`, epoch ms): the terminal only draws what `remaining` says.
 */

export interface Countdown {
  /** Time allowed, extensions included. */
  totalMs: number;
  /** Time used while running, up to the last pause. */
  spentMs: number;
  /** When it last started running; null while paused. */
  runningSince: number | null;
}

/** How much one "extend" adds. */
export const EXTEND_MS = 15_000;

export function startCountdown(seconds: number, now: number): Countdown {
  return { totalMs: seconds * 1000, spentMs: 0, runningSince: now };
}

const used = (c: Countdown, now: number) =>
  c.spentMs + (c.runningSince === null ? 0 : Math.max(0, now - c.runningSince));

/** Milliseconds run so far (paused time not counted): a stopwatch for each player's answer. */
export function elapsed(c: Countdown, now: number): number {
  return used(c, now);
}

/** Milliseconds left (never below zero). */
export function remaining(c: Countdown, now: number): number {
  return Math.max(0, c.totalMs - used(c, now));
}

export function isPaused(c: Countdown): boolean {
  return c.runningSince === null;
}

/** Time is up (a paused countdown never expires). */
export function isExpired(c: Countdown, now: number): boolean {
  return !isPaused(c) && remaining(c, now) === 0;
}

export function pause(c: Countdown, now: number): Countdown {
  return isPaused(c) ? c : { ...c, spentMs: used(c, now), runningSince: null };
}

export function resume(c: Countdown, now: number): Countdown {
  return isPaused(c) ? { ...c, runningSince: now } : c;
}

/** Pauses a running countdown, resumes a paused one. */
export function togglePause(c: Countdown, now: number): Countdown {
  return isPaused(c) ? resume(c, now) : pause(c, now);
}

export function extend(c: Countdown, ms = EXTEND_MS): Countdown {
  return { ...c, totalMs: c.totalMs + ms };
}

/** `m:ss`, rounding up so the display reads 0:00 only when time is up. */
export function formatRemaining(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
