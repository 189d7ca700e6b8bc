/**
 * What the learning commands (learn, quiz, review, progress) take from the world outside them: the
 * prompts, the progress store, the clock and the output streams. The CLI builds them once per run
 * (program.ts) and passes them in; tests pass a scripted prompter, a store in a temporary folder, a
 * fixed clock and captured streams, and run the command in-process.
 *
 * Building them costs nothing at start-up: the prompt library and the store load on first use.
 */
import type { ProgressStore } from '../store/progress-store.js';
import type { Output } from '../ui/output.js';
import type { Prompter, PromptStreams } from '../ui/prompts.js';
import type { CliContext } from './context.js';

export interface CommandDeps {
  prompter: Prompter;
  /** The progress store kept in `dataDir` (warnings about the file go to `stderr`). */
  openStore(dataDir: string): Promise<ProgressStore>;
  now(): Date;
  stdout: Output;
  stderr: Output;
  /** The terminal's size now when stdout is a terminal (long screens are then paged). */
  screen?(): { columns: number; rows: number } | undefined;
}

/**
 * The real prompts (ui/inquirer-prompter.ts) on `terminal`, loaded when the first prompt is shown,
 * or right away with `preload`: a command prints its first screen and then prompts, and until the
 * prompt holds the terminal, Ctrl-C is a plain SIGINT. Loading the library in that gap would widen it.
 */
function lazyPrompter(terminal: PromptStreams, preload: boolean): Prompter {
  let real: Promise<Prompter> | undefined;
  const load = () => (real ??= import('../ui/inquirer-prompter.js').then((m) => m.createPrompter(terminal)));
  if (preload) void load();
  return {
    choice: async (...a) => (await load()).choice(...a),
    multi: async (...a) => (await load()).multi(...a),
    order: async (...a) => (await load()).order(...a),
    text: async (...a) => (await load()).text(...a),
    confirm: async (...a) => (await load()).confirm(...a),
    key: async (...a) => (await load()).key(...a),
    pick: async (...a) => (await load()).pick(...a),
  };
}

/**
 * The real dependencies, writing to the context's (sanitizing) streams; the prompts read keys from
 * and draw on `terminal` (default: the process's stdin and stdout).
 */
export function commandDeps(
  ctx: Pick<CliContext, 'stdout' | 'stderr'>,
  options: { preload?: boolean; terminal?: PromptStreams } = {},
): CommandDeps {
  const now = () => new Date();
  const terminal = options.terminal ?? { input: process.stdin, output: process.stdout };
  return {
    prompter: lazyPrompter(terminal, Boolean(options.preload)),
    async openStore(dataDir) {
      const { openProgress } = await import('../store/progress-store.js');
      return openProgress(dataDir, (m) => ctx.stderr.write(`warning: ${m}\n`), { now });
    },
    now,
    screen: () =>
      process.stdout.isTTY && process.stdout.rows
        ? { columns: process.stdout.columns || 80, rows: process.stdout.rows }
        : undefined,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
  };
}
