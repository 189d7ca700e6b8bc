/**
 * Pseudo-terminal tests: tmux runs a real command in a detached session; the
 * test types keys and reads the screen, polling (bounded tries, short steps)
 * instead of sleeping for a fixed time.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { onTestFinished } from 'vitest';

/** Whether tmux is installed (the pseudo-terminal tests are skipped without it). */
export const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * One tmux server (`-L` socket) per test file: each file loads this module on
 * its own, so the pid and random suffix keep parallel files apart.
 */
const socket = `sts-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
/** Like `tmux`, but its error output is kept in the error (not printed) to be looked at. */
const quiet = (...args: string[]) =>
  execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Blocks for `ms` (startTmux is synchronous: its callers use the session at once). */
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Poll step in ms; a poller gives up after `tries` steps. */
const STEP = 100;

export interface TmuxOptions {
  /** Session name (unique within the test file). */
  name: string;
  cols: number;
  rows: number;
  /** The program and its arguments (each one is shell-quoted). */
  command: string[];
  /** Extra environment for the command (an empty string sets the variable empty). */
  env?: Record<string, string>;
  /**
   * Lines of scrollback that `screen()` includes, with wrapped lines joined.
   * Without it, `screen()` is the visible screen as drawn.
   */
  history?: number;
  /** `screen()` keeps the colour and style escape sequences (capture-pane -e). */
  escapes?: boolean;
}

export interface TmuxSession {
  /** Sends keys (tmux key names such as `Enter`, `Down`, `C-c`, or literal text). */
  send(...keys: string[]): void;
  /** The screen now. */
  screen(): string;
  /** Polls the screen until `test` passes (at most `tries` × 100 ms); throws with the screen otherwise. */
  waitFor(test: (text: string) => boolean, what: string, tries?: number): Promise<string>;
  /**
   * Polls until the screen differs from `before` and then stays the same for two
   * polls; after `tries` polls returns the screen as it is.
   */
  settle(before: string, tries?: number): Promise<string>;
  /** A tmux format about the pane (e.g. `#{cursor_flag}`: 1 when the cursor is shown, `#{pane_tty}`). */
  display(format: string): string;
  /** Ends the session (also done when the test finishes). */
  kill(): void;
}

/** The tmux server did not start or died as the session was created (a busy machine), not a test failing. */
const SERVER_FAILED = /server exited unexpectedly|lost server|error connecting to|no server running/i;

/**
 * Runs `start` (a tmux command that starts the server), trying again only when the server failed to
 * start, at most `attempts` times with a short backoff; any other error (and every assertion) is
 * thrown at once. `undo` clears what a failed attempt may have left (a half-made session).
 */
export function retryServerStart(
  start: () => void,
  undo: () => void,
  { attempts = 3, pause = sleepSync }: { attempts?: number; pause?: (ms: number) => void } = {},
): void {
  for (let attempt = 1; ; attempt++) {
    try {
      return start();
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? '');
      if (attempt >= attempts || !SERVER_FAILED.test(stderr)) throw e;
      undo();
      pause(200 * attempt);
    }
  }
}

/**
 * Starts `command` in a detached session of `cols`×`rows`. When it exits the pane
 * shows `EXIT=<status>` and stays open (until the session is killed) so the test
 * can read the last screen. Must be called inside a test: the session is killed
 * when that test finishes.
 */
export function startTmux(opts: TmuxOptions): TmuxSession {
  const { name } = opts;
  const env = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`);
  const shell = `env ${[...env, ...opts.command.map(quote)].join(' ')}; echo "EXIT=$?"; sleep 60`;
  const size = ['-x', String(opts.cols), '-y', String(opts.rows)];
  retryServerStart(
    () => void quiet('new-session', '-d', '-s', name, ...size, shell),
    () => {
      try {
        quiet('kill-session', '-t', name);
      } catch {
        // no session was made
      }
    },
  );
  const capture = opts.history === undefined ? ['-p'] : ['-p', '-J', '-S', `-${opts.history}`];
  if (opts.escapes) capture.push('-e');
  const screen = () => tmux('capture-pane', ...capture, '-t', name);
  const kill = () => {
    try {
      quiet('kill-session', '-t', name);
    } catch {
      // already gone
    }
  };
  onTestFinished(kill);
  return {
    send: (...keys) => void tmux('send-keys', '-t', name, ...keys),
    screen,
    async waitFor(test, what, tries = 150) {
      let text = '';
      for (let i = 0; i < tries; i++) {
        text = screen();
        if (test(text)) return text;
        await sleep(STEP);
      }
      throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
    },
    async settle(before, tries = 100) {
      let last = before;
      let still = 0;
      for (let i = 0; i < tries; i++) {
        await sleep(STEP);
        const now = screen();
        if (now !== before && now === last) {
          if (++still >= 2) return now;
        } else still = 0;
        last = now;
      }
      return last;
    },
    display: (format) => tmux('display-message', '-p', '-t', name, format).trim(),
    kill,
  };
}
