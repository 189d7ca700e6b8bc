/**
 * The prompts `group` asks through (group-prompts.ts and key-prompt.ts, on @inquirer/core): a
 * player's hidden answer, the host's line, and single keys. Streams are injectable (tests pass their
 * own). Ctrl-C becomes `Interrupted` (exit 130); SIGTERM and SIGINT from outside close the prompt
 * first and become `Terminated` (143) / `Interrupted` (run-prompt.ts); a prompt closed by the
 * caller's AbortSignal (the timer ran out) rejects with `PromptCancelled`.
 */
import type { AnswerShape, Picked } from './group-answer.js';
import { answerPrompt, linePrompt } from './group-prompts.js';
import { keyPrompt } from './key-prompt.js';
import type { PromptStyle } from './prompt-status.js';
import { isPromptExit } from './prompt-exit.js';
import { runPrompt, type PromptContext } from './run-prompt.js';

export type { AnswerShape, Picked } from './group-answer.js';

/** The prompt was closed by its AbortSignal (the timer ran out). */
export class PromptCancelled extends Error {
  constructor() {
    super('prompt cancelled');
    this.name = 'PromptCancelled';
  }
}

/** What every group prompt may show above its own line, and the host's timer keys. */
export interface Live {
  /** Lines above the prompt (the countdown, who has answered), asked for on every tick. */
  status?: () => string[];
  /** Redraw `status` this often (ms). */
  tickMs?: number;
  onCtrl?: (key: 'p' | 'e') => void;
  /** Closes the prompt (PromptCancelled): the timer ran out. */
  signal?: AbortSignal;
}

export interface GroupInput {
  /** A player's answer by number keys, hidden as given; null: Enter on nothing (no answer). */
  answer(message: string, shape: AnswerShape, live?: Live): Promise<Picked>;
  /** One checked line of text (the host's entry for everyone). */
  line(message: string, validate: (v: string) => true | string, live?: Live): Promise<string>;
  /** Enter ('enter') or one of `keys`. */
  key(message: string, keys?: string[], live?: Live): Promise<string>;
}

export interface GroupInputStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  style?: PromptStyle;
}

type Context = PromptContext & { clearPromptOnDone: boolean };

/** Runs one prompt (run-prompt.ts); the timer's signal is PromptCancelled. */
async function guard<T>(
  streams: GroupInputStreams,
  live: Live | undefined,
  run: (ctx: Context) => Promise<T>,
): Promise<T> {
  try {
    return await runPrompt(streams, (ctx) => run({ ...ctx, clearPromptOnDone: true }), live?.signal);
  } catch (e) {
    if (isPromptExit(e)) throw new PromptCancelled();
    throw e;
  }
}

const shown = (live: Live | undefined) => ({
  status: live?.status,
  tickMs: live?.tickMs,
  onCtrl: live?.onCtrl,
});

/** The group's prompts on the given streams (default: the process's terminal). Never call without a TTY. */
export function createGroupInput(streams: GroupInputStreams = {}): GroupInput {
  const { style } = streams;
  return {
    answer: (message, shape, live) =>
      guard(streams, live, (ctx) => answerPrompt({ message, shape, style, ...shown(live) }, ctx)),
    line: (message, validate, live) =>
      guard(streams, live, (ctx) => linePrompt({ message, validate, style, ...shown(live) }, ctx)),
    key: (message, keys = [], live) =>
      guard(streams, live, (ctx) => keyPrompt({ message, keys, style, ...shown(live) }, ctx)),
  };
}
