/**
 * A scripted GroupInput for the loop tests: answers given as the values a player means (turned into
 * the number keys' positions as shown), host lines, and keys, in order. An Error in a list is
 * thrown (e.g. Ctrl-C); a function is called with the prompt's Live options (a test can hold a
 * prompt open until its signal aborts).
 */

import type { Shown } from '../../src/group/entry.js';
import type { Response } from '../../src/quiz/question.js';
import type { GroupInput, Live, Picked } from '../../src/ui/group-input.js';

export type Scripted<T> = T | Error | ((live: Live | undefined, message: string) => Promise<T>);

/** The positions (as numbered on screen) a player presses for `r`. */
export function positions(shown: Shown, r: Response | null): Picked {
  if (r === null) return null;
  if (shown.kind === 'pair') {
    const { api, trust } = r as { api: string; trust: string };
    return [shown.api.indexOf(api), shown.trust.indexOf(trust)];
  }
  return (Array.isArray(r) ? r : [r as string]).map((v) => shown.items.indexOf(v));
}

export function scriptedInput(opts: {
  answers?: Scripted<Picked>[];
  lines?: Scripted<string>[];
  keys?: Scripted<string>[];
}): GroupInput & { asked: string[]; left(): number } {
  const queues = {
    answers: [...(opts.answers ?? [])],
    lines: [...(opts.lines ?? [])],
    keys: [...(opts.keys ?? [])],
  };
  const asked: string[] = [];
  async function next<T>(kind: keyof typeof queues, message: string, live: Live | undefined): Promise<T> {
    asked.push(message);
    const queue = queues[kind] as Scripted<T>[];
    if (queue.length === 0) throw new Error(`scripted input: no ${kind} left for "${message}"`);
    const a = queue.shift()!;
    if (a instanceof Error) throw a;
    if (typeof a === 'function') return (a as (l: Live | undefined, m: string) => Promise<T>)(live, message);
    return a;
  }
  return {
    asked,
    left: () => queues.answers.length + queues.lines.length + queues.keys.length,
    answer: (message, _shape, live) => {
      return next<Picked>('answers', message, live);
    },
    line: async (message, validate, live) => {
      const line = await next<string>('lines', message, live);
      const ok = validate(line);
      if (ok !== true) throw new Error(`invalid host entry: ${ok}`);
      return line;
    },
    key: (message, _keys, live) => next<string>('keys', message, live),
  };
}
