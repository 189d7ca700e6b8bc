/** A prompter that answers by policy (for whole walkthroughs), and a fake store. */
import type { LearnStore } from '../../src/learn/interactive.js';
import type { AnswerRecord, ScenarioProgress } from '../../src/store/types.js';
import type { Choice, ListOptions, Prompter } from '../../src/ui/prompts.js';

export interface Asked {
  kind: 'choice' | 'multi' | 'order' | 'key' | 'text' | 'confirm';
  message: string;
  choices: Choice[];
  opts: Record<string, unknown>;
}

export type Policy = (q: Asked) => unknown;

/** Enter only: the cursor's default (or first) choice, nothing ticked, the order as shown, Enter. */
export const enterOnly: Policy = (q) => {
  if (q.kind === 'choice') return (q.opts.default as string | undefined) ?? q.choices[0]!.value;
  if (q.kind === 'multi') return [];
  if (q.kind === 'order') return q.choices.map((c) => c.value);
  if (q.kind === 'confirm') return true;
  return 'enter';
};

/** Records every prompt and answers it by `policy`. */
export function policyPrompter(policy: Policy): Prompter & { asked: Asked[] } {
  const asked: Asked[] = [];
  const ask = <T>(q: Asked): T => {
    asked.push(q);
    const a = policy(q);
    if (a instanceof Error) throw a;
    return a as T;
  };
  return {
    asked,
    async choice<T extends string>(message: string, choices: Choice<T>[], opts: ListOptions<T> = {}) {
      return ask<T>({ kind: 'choice', message, choices, opts: opts as Record<string, unknown> });
    },
    async multi(message, choices, opts = {}) {
      return ask<string[]>({ kind: 'multi', message, choices, opts: { ...opts } });
    },
    async order(message, items) {
      return ask<string[]>({
        kind: 'order',
        message,
        choices: items.map((v) => ({ value: v, name: v })),
        opts: {},
      });
    },
    async text(message) {
      return ask<string>({ kind: 'text', message, choices: [], opts: {} });
    },
    async confirm(message) {
      return ask<boolean>({ kind: 'confirm', message, choices: [], opts: {} });
    },
    async key(message, keys = []) {
      return ask<string>({ kind: 'key', message, choices: [], opts: { keys } });
    },
    // the quiz's answer prompt, asked like a choice
    async pick(config) {
      const a = ask<string>({ kind: 'choice', message: config.message, choices: config.choices, opts: {} });
      return { action: 'answer', selected: [a], flagged: false };
    },
  };
}

export function fakeStore() {
  const answers: AnswerRecord[] = [];
  const saves: [string, Partial<ScenarioProgress>][] = [];
  const store: LearnStore = {
    recordAnswer: async (r) => void answers.push(r),
    saveScenario: async (id, u) => void saves.push([id, u]),
  };
  return { store, answers, saves };
}
