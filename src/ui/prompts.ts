/**
 * What commands prompt through: the `Prompter` contract. The real one is on Inquirer
 * (inquirer-prompter.ts, loaded when the first prompt is shown); tests pass a scripted one
 * (scripted-prompter.ts) or the real one on streams of their own. Ctrl-C in any prompt becomes
 * `Interrupted` (exit 130), SIGTERM `Terminated` (143), `q` where allowed `QuitRequested`.
 */
import type { PickConfig, PickResult } from './pick-prompt.js';

export interface Choice<T extends string = string> {
  value: T;
  name: string;
  description?: string;
  disabled?: boolean | string;
}

/** The learner pressed `q` in a prompt that allows it: the command saves and leaves. */
export class QuitRequested extends Error {
  constructor() {
    super('quit');
    this.name = 'QuitRequested';
  }
}

/** Options every list prompt takes. */
export interface ListOptions<T extends string = string> {
  /** `q` ends the prompt with QuitRequested (the caller saves and leaves). */
  quit?: boolean;
  /** Marks the echoed answer ✔ (true) or ✘ (false) instead of the prompt's own ✔. */
  mark?: (value: T) => boolean;
  /** Echo the answer without any ✔ (a prediction: right or wrong is revealed later). */
  neutral?: boolean;
  /** Rows of choices shown at once (default: all of them). */
  pageSize?: number;
}

/** Where the real prompts read keys and draw (default: the process's terminal). */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export interface Prompter {
  choice<T extends string>(
    message: string,
    choices: Choice<T>[],
    opts?: { default?: T; search?: boolean; source?: (term: string) => Choice<T>[] } & ListOptions<T>,
  ): Promise<T>;
  /**
   * Several choices: at least `min`; `exactly` when the question says how many ("Choose two.");
   * `allowNone` lets Enter with nothing ticked through (an "I don't know").
   */
  multi(
    message: string,
    choices: Choice[],
    opts?: { min?: number; exactly?: number; allowNone?: boolean } & ListOptions,
  ): Promise<string[]>;
  /** Put items in order (e.g. pick the first, then the next…). Returns the full order. */
  order(message: string, items: string[]): Promise<string[]>;
  text(
    message: string,
    opts?: { default?: string; validate?: (v: string) => true | string },
  ): Promise<string>;
  confirm(message: string, def?: boolean): Promise<boolean>;
  /**
   * Waits for Enter or one of `keys` (single letters, or ' ' for space); returns 'enter' or the key
   * in lower case. Nothing typed is echoed (key-prompt.ts). The message stays on its line, or with
   * `erase` is cleared when a key closes the prompt (the pager's "more" line).
   */
  key(message: string, keys?: string[], opts?: { erase?: boolean }): Promise<string>;
  /** The quiz's answer prompt: numbers, exam keys and a live clock (pick-prompt.ts). */
  pick(config: PickConfig): Promise<PickResult>;
}
