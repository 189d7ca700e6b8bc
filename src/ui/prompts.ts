/**
 * The only door to interactive prompts (@inquirer/prompts). Commands code against `Prompter`;
 * tests swap in `scriptedPrompter`. Ctrl-C in any prompt becomes `Interrupted` (exit 130).
 */
import { emitKeypressEvents } from 'node:readline';
import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import { Interrupted } from '../errors.js';
import { sanitizeTerminal } from './sanitize.js';

export interface Choice<T extends string = string> {
  value: T;
  name: string;
  description?: string;
  disabled?: boolean | string;
}

export interface Prompter {
  choice<T extends string>(
    message: string,
    choices: Choice<T>[],
    opts?: { default?: T; search?: boolean },
  ): Promise<T>;
  multi(message: string, choices: Choice[], opts?: { min?: number }): Promise<string[]>;
  /** Put items in order (e.g. pick the first, then the next…). Returns the full order. */
  order(message: string, items: string[]): Promise<string[]>;
  text(
    message: string,
    opts?: { default?: string; validate?: (v: string) => true | string },
  ): Promise<string>;
  confirm(message: string, def?: boolean): Promise<boolean>;
  /** Waits for Enter or one of `keys` (single letters); returns 'enter' or the key. */
  key(message: string, keys?: string[]): Promise<string>;
}

const isPromptExit = (e: unknown) =>
  e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

async function guard<T>(p: () => Promise<T>): Promise<T> {
  try {
    return await p();
  } catch (e) {
    if (isPromptExit(e)) throw new Interrupted();
    throw e;
  }
}

// Prompt text may carry content-pack text: escape sequences are shown, never sent (ui/sanitize.ts).
// Prompts only run in a terminal, where the theme's colours may be in the message.
const safe = (s: string) => sanitizeTerminal(s, true);
function safeChoices<T extends string>(choices: Choice<T>[]): Choice<T>[] {
  return choices.map((c) => ({
    ...c,
    name: safe(c.name),
    ...(c.description === undefined ? {} : { description: safe(c.description) }),
    ...(typeof c.disabled === 'string' ? { disabled: safe(c.disabled) } : {}),
  }));
}

function matchesTerm(c: Choice, term: string): boolean {
  const t = term.toLowerCase();
  return `${c.value} ${c.name} ${c.description ?? ''}`.toLowerCase().includes(t);
}

/** Reads one key press in raw mode: Enter → 'enter', one of `keys` → that key, Ctrl-C → Interrupted. */
function readKey(message: string, keys: string[]): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(safe(message));
  emitKeypressEvents(stdin);
  const wasRaw = stdin.isRaw;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  const wanted = keys.map((k) => k.toLowerCase());
  return new Promise((resolve, reject) => {
    const done = () => {
      stdin.removeListener('keypress', onKey);
      if (stdin.isTTY) stdin.setRawMode(wasRaw);
      stdin.pause();
      stdout.write('\n');
    };
    const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (key?.ctrl && key.name === 'c') {
        done();
        reject(new Interrupted());
      } else if (key?.name === 'return' || key?.name === 'enter') {
        done();
        resolve('enter');
      } else if (str && wanted.includes(str.toLowerCase())) {
        done();
        resolve(str.toLowerCase());
      }
    };
    stdin.on('keypress', onKey);
  });
}

/** The real prompter (@inquirer/prompts). Never call it without a TTY. */
export function createPrompter(): Prompter {
  return {
    choice<T extends string>(
      rawMessage: string,
      rawChoices: Choice<T>[],
      opts: { default?: T; search?: boolean } = {},
    ): Promise<T> {
      const message = safe(rawMessage);
      const choices = safeChoices(rawChoices);
      if (opts.search) {
        return guard(() =>
          search<T>({
            message,
            source: (term) => (term ? choices.filter((c) => matchesTerm(c, term)) : choices),
          }),
        );
      }
      return guard(() => select<T>({ message, choices, default: opts.default, loop: false }));
    },
    multi(message, choices, opts = {}) {
      const min = opts.min ?? 0;
      return guard(() =>
        checkbox<string>({
          message: safe(message),
          choices: safeChoices(choices),
          validate: (picked) => picked.length >= min || `choose at least ${min}`,
        }),
      );
    },
    async order(message, items) {
      const left = [...items];
      const out: string[] = [];
      while (left.length > 1) {
        const pick = await guard(() =>
          select<string>({
            message: safe(`${message} (${out.length + 1} of ${items.length})`),
            choices: left.map((v) => ({ value: v, name: safe(v) })),
            loop: false,
          }),
        );
        out.push(pick);
        left.splice(left.indexOf(pick), 1);
      }
      return [...out, ...left];
    },
    text(message, opts = {}) {
      return guard(() =>
        input({
          message: safe(message),
          default: opts.default === undefined ? undefined : safe(opts.default),
          validate: opts.validate,
        }),
      );
    },
    confirm(message, def = true) {
      return guard(() => confirm({ message: safe(message), default: def }));
    },
    key(message, keys = []) {
      return readKey(message, keys);
    },
  };
}

/** For tests: answers are consumed in order; a missing answer throws. */
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
    remaining: () => queue.length,
  };
}
