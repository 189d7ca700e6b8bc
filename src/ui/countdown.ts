/**
 * The live countdown of `group`: a status line redrawn on the top row of the
 * screen while prompts are open, and the host's keys to pause or extend it.
 * What the line says and when time is up are decided by pure code (src/group/countdown.ts).
 */
import { emitKeypressEvents } from 'node:readline';
import { sanitizeTerminal } from './sanitize.js';

export interface CountdownView {
  stop(): void;
}

export interface CountdownViewOptions {
  /** The status line's text, asked for on every tick. */
  text(): string;
  /** Called on every tick (the caller checks for expiry). */
  tick(): void;
  /** The host pressed Ctrl-P (pause/resume) or Ctrl-E (extend). */
  onKey(key: 'pause' | 'extend'): void;
  /** Draw the line (a TTY without --plain); otherwise only ticks and keys run. */
  draw: boolean;
  everyMs?: number;
}

// Save cursor, go to row 1, clear it, write, restore: the open prompt below is left as it is.
const drawLine = (text: string) =>
  process.stdout.write(`\x1b7\x1b[1;1H\x1b[2K${sanitizeTerminal(text, true)}\x1b8`);

export function showCountdown(opts: CountdownViewOptions): CountdownView {
  const { stdin } = process;
  emitKeypressEvents(stdin);
  const onKeypress = (_s: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (!key?.ctrl) return;
    if (key.name === 'p') opts.onKey('pause');
    else if (key.name === 'e') opts.onKey('extend');
    else return;
    if (opts.draw) drawLine(opts.text());
  };
  stdin.on('keypress', onKeypress);
  const step = () => {
    opts.tick();
    if (opts.draw) drawLine(opts.text());
  };
  if (opts.draw) drawLine(opts.text());
  const timer = setInterval(step, opts.everyMs ?? 250);
  return {
    stop() {
      clearInterval(timer);
      stdin.removeListener('keypress', onKeypress);
    },
  };
}

/** Clears the screen (TTY without --plain) so each question starts at the top, large and alone. */
export function clearScreen(): void {
  process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
}
