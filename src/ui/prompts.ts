/**
 * The only door to interactive prompts (@inquirer/prompts). Commands code against `Prompter`;
 * tests swap in `scriptedPrompter`. Ctrl-C in any prompt becomes `Interrupted` (exit 130).
 */
import { emitKeypressEvents } from 'node:readline';
import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import { Interrupted, Terminated } from '../errors.js';
import { pick, type PickConfig, type PickResult } from './pick-prompt.js';
import { isPromptExit } from './prompt-exit.js';
import { sanitizeTerminal } from './sanitize.js';

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
  /** Waits for Enter or one of `keys` (single letters); returns 'enter' or the key. */
  key(message: string, keys?: string[], opts?: { replaceLast?: boolean }): Promise<string>;
  /** The quiz's answer prompt: numbers, exam keys and a live clock (pick-prompt.ts). */
  pick(config: PickConfig): Promise<PickResult>;
}

/**
 * Runs an inquirer prompt; Ctrl-C becomes `Interrupted` (130), SIGTERM closes the prompt (which
 * restores the terminal) and becomes `Terminated` (143), so main can say bye and exit cleanly.
 */
async function guard<T>(p: (ctx: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let terminated = false;
  const onTerm = () => {
    terminated = true;
    abort.abort();
  };
  process.once('SIGTERM', onTerm);
  try {
    return await p({ signal: abort.signal });
  } catch (e) {
    if (terminated) throw new Terminated();
    if (isPromptExit(e)) throw new Interrupted();
    throw e;
  } finally {
    process.removeListener('SIGTERM', onTerm);
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
function readKey(message: string, keys: string[], replaceLast = false): Promise<string> {
  const { stdin, stdout } = process;
  // replaceLast: the line above is this prompt's previous answer line (e.g. `m` switched a mode)
  stdout.write((replaceLast ? '\x1b[1A\x1b[2K\r' : '') + safe(message));
  emitKeypressEvents(stdin);
  const wasRaw = stdin.isRaw;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.resume();
  const wanted = keys.map((k) => k.toLowerCase());
  return new Promise((resolve, reject) => {
    // A signal while the terminal is raw: restore it before anything else (issue 13).
    const onTerm = () => {
      done();
      reject(new Terminated());
    };
    const onInt = () => {
      done();
      reject(new Interrupted());
    };
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
    const done = () => {
      process.removeListener('SIGTERM', onTerm);
      process.removeListener('SIGINT', onInt);
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

/**
 * Runs an inquirer prompt that `q` may end: a keypress listener aborts it and the abort becomes
 * QuitRequested (Ctrl-C still becomes Interrupted).
 */
async function quittable<T>(
  enabled: boolean | undefined,
  run: (ctx: { signal?: AbortSignal }) => Promise<T>,
): Promise<T> {
  if (!enabled) return guard(run);
  const { stdin } = process;
  const controller = new AbortController();
  const onKey = (str: string | undefined, key: { ctrl?: boolean; meta?: boolean } | undefined) => {
    if (str?.toLowerCase() === 'q' && !key?.ctrl && !key?.meta) controller.abort();
  };
  emitKeypressEvents(stdin);
  stdin.on('keypress', onKey);
  try {
    return await guard((ctx) => run({ signal: AbortSignal.any([controller.signal, ctx.signal]) }));
  } catch (e) {
    if (controller.signal.aborted) throw new QuitRequested();
    throw e;
  } finally {
    stdin.removeListener('keypress', onKey);
  }
}

/** Echoed answers carry ✔/✘ from `mark` (the prompt's own done-prefix is dropped). */
function marked<T extends string>(choices: Choice<T>[], opts: ListOptions<T>) {
  const { mark } = opts;
  if (!mark) return { choices, theme: opts.neutral ? { prefix: { done: '›' } } : {} };
  return {
    choices: choices.map((c) => ({ ...c, short: `${c.name} ${mark(c.value) ? '✔' : '✘'}` })),
    theme: { prefix: { done: '›' } },
  };
}

/** The real prompter (@inquirer/prompts). Never call it without a TTY. */
export function createPrompter(): Prompter {
  return {
    choice<T extends string>(
      rawMessage: string,
      rawChoices: Choice<T>[],
      opts: { default?: T; search?: boolean; source?: (term: string) => Choice<T>[] } & ListOptions<T> = {},
    ): Promise<T> {
      const message = safe(rawMessage);
      const choices = safeChoices(rawChoices);
      if (opts.search) {
        const source = opts.source
          ? (term: string) => safeChoices(opts.source!(term))
          : (term: string) => (term ? choices.filter((c) => matchesTerm(c, term)) : choices);
        return guard((ctx) => search<T>({ message, source: (term) => source(term ?? '') }, ctx));
      }
      const m = marked(choices, opts);
      return quittable(opts.quit, (ctx) =>
        select<T>(
          {
            message,
            choices: m.choices,
            theme: m.theme,
            default: opts.default,
            loop: false,
            pageSize: opts.pageSize ?? Math.max(7, choices.length),
          },
          ctx,
        ),
      );
    },
    multi(message, choices, opts = {}) {
      const min = opts.min ?? 0;
      const m = marked(safeChoices(choices), opts);
      const validate = (picked: readonly unknown[]) =>
        (picked.length === 0 && opts.allowNone === true) ||
        (opts.exactly !== undefined
          ? picked.length === opts.exactly || `choose exactly ${opts.exactly}`
          : picked.length >= min || `choose at least ${min}`);
      return quittable(opts.quit, (ctx) =>
        checkbox<string>(
          {
            message: safe(message),
            choices: m.choices,
            theme: m.theme,
            pageSize: opts.pageSize ?? Math.max(7, choices.length),
            validate,
          },
          ctx,
        ),
      );
    },
    async order(message, items) {
      const left = [...items];
      const out: string[] = [];
      while (left.length > 1) {
        const pick = await guard((ctx) =>
          select<string>(
            {
              message: safe(`${message} (${out.length + 1} of ${items.length})`),
              choices: left.map((v) => ({ value: v, name: safe(v) })),
              loop: false,
            },
            ctx,
          ),
        );
        out.push(pick);
        left.splice(left.indexOf(pick), 1);
      }
      return [...out, ...left];
    },
    text(message, opts = {}) {
      return guard((ctx) =>
        input(
          {
            message: safe(message),
            default: opts.default === undefined ? undefined : safe(opts.default),
            validate: opts.validate,
          },
          ctx,
        ),
      );
    },
    confirm(message, def = true) {
      return guard((ctx) => confirm({ message: safe(message), default: def }, ctx));
    },
    key(message, keys = [], opts = {}) {
      return readKey(message, keys, opts.replaceLast);
    },
    pick(config) {
      const status = config.status === undefined ? undefined : safe(config.status);
      const choices = safeChoices(config.choices);
      return guard((ctx) => pick({ ...config, message: safe(config.message), status, choices }, ctx));
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
