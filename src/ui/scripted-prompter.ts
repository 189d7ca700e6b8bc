/** A prompter for tests: answers are consumed in order; a missing answer throws. */
import type { PickResult } from './pick-prompt.js';
import type { Choice, Prompter } from './prompts.js';

export function scriptedPrompter(answers: unknown[]): Prompter & { remaining(): number } {
  const queue = [...answers];
  const next = <T>(kind: string, message: string): T => {
    if (queue.length === 0) throw new Error(`scripted prompter: no answer left for ${kind} "${message}"`);
    const a = queue.shift();
    if (a instanceof Error) throw a;
    return a as T;
  };
  return {
    async choice<T extends string>(message: string, choices: Choice<T>[]): Promise<T> {
      const a = next<T>('choice', message);
      if (!choices.some((c) => c.value === a)) {
        throw new Error(`scripted prompter: \`${String(a)}\` is not a choice of "${message}"`);
      }
      return a;
    },
    async multi(message) {
      return next<string[]>('multi', message);
    },
    async order(message) {
      return next<string[]>('order', message);
    },
    async text(message) {
      return next<string>('text', message);
    },
    async confirm(message) {
      return next<boolean>('confirm', message);
    },
    async key(message) {
      return next<string>('key', message);
    },
    /** A string answers with that choice, a list with those; a PickResult is returned as it is. */
    async pick(config) {
      const a = next<string | string[] | PickResult>('pick', config.message);
      if (typeof a === 'string' || Array.isArray(a)) {
        const selected = typeof a === 'string' ? [a] : a;
        for (const v of selected)
          if (!config.choices.some((c) => c.value === v))
            throw new Error(`scripted prompter: \`${v}\` is not a choice of "${config.message}"`);
        return { action: 'answer', selected, flagged: Boolean(config.flagged) };
      }
      return a;
    },
    remaining: () => queue.length,
  };
}
