/**
 * Prompts for `group`: answers stay hidden once given (the screen is shared),
 * and a prompt can be cancelled by a timer (AbortSignal). Ctrl-C becomes
 * `Interrupted` (exit 130); a cancelled prompt rejects with `PromptCancelled`.
 */
import { checkbox, input, select } from '@inquirer/prompts';
import { Interrupted } from '../errors.js';
import type { Choice } from './prompts.js';
import { sanitizeTerminal } from './sanitize.js';

/** The prompt was closed by its AbortSignal (the timer ran out). */
export class PromptCancelled extends Error {
  constructor() {
    super('prompt cancelled');
    this.name = 'PromptCancelled';
  }
}

export interface HiddenPrompter {
  choice(message: string, choices: Choice[], signal?: AbortSignal): Promise<string>;
  multi(message: string, choices: Choice[], signal?: AbortSignal): Promise<string[]>;
  text(message: string, validate: (v: string) => true | string, signal?: AbortSignal): Promise<string>;
}

/** What stays on screen after a player answers. */
export const LOCKED_IN = '(locked in)';
const hidden = { style: { answer: () => LOCKED_IN } };

async function guard<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') throw new Interrupted();
    if (e instanceof Error && e.name === 'AbortPromptError') throw new PromptCancelled();
    throw e;
  }
}

// Content-pack text is shown escaped, never sent raw (ui/sanitize.ts).
const safe = (s: string) => sanitizeTerminal(s, true);
const safeChoices = (choices: Choice[]): Choice[] =>
  choices.map((c) => ({
    ...c,
    name: safe(c.name),
    ...(c.description === undefined ? {} : { description: safe(c.description) }),
  }));

/** The real prompts (@inquirer/prompts). Never call without a TTY. */
export function createHiddenPrompter(): HiddenPrompter {
  return {
    choice: (message, choices, signal) =>
      guard(() =>
        select<string>(
          { message: safe(message), choices: safeChoices(choices), loop: false, theme: hidden },
          { signal },
        ),
      ),
    multi: (message, choices, signal) =>
      guard(() =>
        checkbox<string>(
          {
            message: safe(message),
            choices: safeChoices(choices),
            theme: hidden,
            validate: (picked) => picked.length > 0 || 'choose at least one',
          },
          { signal },
        ),
      ),
    text: (message, validate, signal) => guard(() => input({ message: safe(message), validate }, { signal })),
  };
}
