/**
 * The real Prompter, on Inquirer: its list, text and confirm prompts (@inquirer/prompts), the
 * quiz's answer prompt (pick-prompt.ts) and the one-key prompt (key-prompt.ts), all on the
 * streams it is given (default: the process's terminal), so tests run it in-process. Every prompt
 * runs under the signal guard (run-prompt.ts). Never shown without a TTY: commands check first.
 */
import { emitKeypressEvents } from 'node:readline';
import { checkbox, confirm, input, search, select } from '@inquirer/prompts';
import { Interrupted } from '../errors.js';
import { keyPrompt } from './key-prompt.js';
import { pick } from './pick-prompt.js';
import { isPromptExit } from './prompt-exit.js';
import {
  QuitRequested,
  type Choice,
  type ListOptions,
  type Prompter,
  type PromptStreams,
} from './prompts.js';
import { runPrompt, type PromptContext } from './run-prompt.js';
import { sanitizeTerminal } from './sanitize.js';
import { wrapWords } from './text.js';

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

/** Echoed answers carry ✔/✘ from `mark` (the prompt's own done-prefix is dropped). */
function marked<T extends string>(choices: Choice<T>[], opts: ListOptions<T>) {
  const { mark } = opts;
  if (!mark) return { choices, theme: opts.neutral ? { prefix: { done: '›' } } : {} };
  return {
    choices: choices.map((c) => ({ ...c, short: `${c.name} ${mark(c.value) ? '✔' : '✘'}` })),
    theme: { prefix: { done: '›' } },
  };
}

/** The real prompter on `streams`. */
export function createPrompter(streams: PromptStreams = {}): Prompter {
  const keyInput = streams.input ?? process.stdin;
  const output = (streams.output ?? process.stdout) as { columns?: number; rows?: number };
  const size = () => ({ columns: output.columns, rows: output.rows });
  /**
   * A prompt's question, wrapped at word boundaries to the terminal (less the `? ` before it):
   * Inquirer 12 breaks a long line at the terminal's width wherever it falls, mid-word. (Through
   * text.ts, which loads wrap-ansi once: importing it here too raced that load on Node 20.)
   */
  const fit = (message: string) =>
    safe(message)
      .split('\n')
      .flatMap((line) => wrapWords(line, Math.max(20, (output.columns ?? 80) - 2)))
      .join('\n');

  /** Runs a prompt on the streams under the guard; any other way it closed is Interrupted. */
  async function ask<T>(run: (ctx: PromptContext) => Promise<T>, quit?: AbortSignal): Promise<T> {
    try {
      return await runPrompt(streams, run, quit);
    } catch (e) {
      if (quit?.aborted) throw new QuitRequested();
      if (isPromptExit(e)) throw new Interrupted();
      throw e;
    }
  }

  /** A prompt that `q` may end (QuitRequested): a keypress listener closes it. */
  async function quittable<T>(
    enabled: boolean | undefined,
    run: (ctx: PromptContext) => Promise<T>,
  ): Promise<T> {
    if (!enabled) return ask(run);
    const quit = new AbortController();
    const onKey = (str: string | undefined, key: { ctrl?: boolean; meta?: boolean } | undefined) => {
      if (str?.toLowerCase() === 'q' && !key?.ctrl && !key?.meta) quit.abort();
    };
    emitKeypressEvents(keyInput);
    keyInput.on('keypress', onKey);
    try {
      return await ask(run, quit.signal);
    } finally {
      keyInput.removeListener('keypress', onKey);
    }
  }

  return {
    choice<T extends string>(
      rawMessage: string,
      rawChoices: Choice<T>[],
      opts: { default?: T; search?: boolean; source?: (term: string) => Choice<T>[] } & ListOptions<T> = {},
    ): Promise<T> {
      const message = fit(rawMessage);
      const choices = safeChoices(rawChoices);
      if (opts.search) {
        const source = opts.source
          ? (term: string) => safeChoices(opts.source!(term))
          : (term: string) => (term ? choices.filter((c) => matchesTerm(c, term)) : choices);
        return ask((ctx) => search<T>({ message, source: (term) => source(term ?? '') }, ctx));
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
            message: fit(message),
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
        const next = await ask((ctx) =>
          select<string>(
            {
              message: fit(`${message} (${out.length + 1} of ${items.length})`),
              choices: left.map((v) => ({ value: v, name: safe(v) })),
              loop: false,
            },
            ctx,
          ),
        );
        out.push(next);
        left.splice(left.indexOf(next), 1);
      }
      return [...out, ...left];
    },
    text(message, opts = {}) {
      return ask((ctx) =>
        input(
          {
            message: fit(message),
            default: opts.default === undefined ? undefined : safe(opts.default),
            validate: opts.validate,
          },
          ctx,
        ),
      );
    },
    confirm(message, def = true) {
      return ask((ctx) => confirm({ message: fit(message), default: def }, ctx));
    },
    key(message, keys = [], opts = {}) {
      const config = { message, keys: keys.map((k) => k.toLowerCase()) };
      return ask((ctx) => keyPrompt(config, { ...ctx, clearPromptOnDone: Boolean(opts.erase) }));
    },
    pick(config) {
      const status = config.status === undefined ? undefined : safe(config.status);
      const choices = safeChoices(config.choices);
      return ask((ctx) => pick({ ...config, message: safe(config.message), status, choices, size }, ctx));
    },
  };
}
