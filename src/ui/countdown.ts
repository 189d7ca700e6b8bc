/**
 * The terminal side of `group`'s screens: a ticker for the countdown (the countdown line itself
 * is drawn by the open prompt, under the question: ui/prompt-status.ts) and clearing the screen.
 * When time is up is decided by pure code (src/group/countdown.ts).
 */
import type { Output } from './output.js';

/** Calls `tick` every `everyMs` until stopped. */
export function startTicker(tick: () => void, everyMs = 250): { stop(): void } {
  const timer = setInterval(tick, everyMs);
  return { stop: () => clearInterval(timer) };
}

/**
 * Clears the screen (TTY without --plain) so each screen starts at the top, large and alone. The
 * output does it (ui/sanitize.ts): a sequence written as text would be escaped and shown.
 */
export function clearScreen(out: Output): void {
  out.clearScreen?.();
}
