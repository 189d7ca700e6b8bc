/**
 * The choices as numbered on screen, and the host's one-line entry of
 * everyone's answers (`2 1 3`, `1+3`, `312`, `2/1`, `-` for no answer). Pure.
 */
import { presentChoices } from '../quiz/bank.js';
import type { BankQuestion, Response } from '../quiz/question.js';

/** The choices in the order shown (numbered from 1): one list, or the two lists of a pair question. */
export type Shown = { kind: 'list'; items: string[] } | { kind: 'pair'; api: string[]; trust: string[] };

/** Same order as `quiz` shows for the same seed (bank.ts `presentChoices`). */
export function shownChoices(q: BankQuestion, seed: number): Shown {
  if (q.type === 'pair' && q.pair) {
    const part = (suffix: string, choices: string[]) =>
      presentChoices({ ...q, id: `${q.id}#${suffix}`, type: 'single', choices }, seed);
    return { kind: 'pair', api: part('api', q.pair.api.choices), trust: part('trust', q.pair.trust.choices) };
  }
  return { kind: 'list', items: presentChoices(q, seed) };
}

/** How the host types one player's answer to this question. */
export function entryHint(q: BankQuestion): string {
  switch (q.type) {
    case 'single':
    case 'outcome':
      return 'one number each, e.g. `2`';
    case 'multi':
      return 'numbers joined with +, e.g. `1+3`';
    case 'order':
      return 'the numbers in order, e.g. `3>1>2` (or `312`)';
    case 'pair':
      return 'API number / condition number, e.g. `2/1`';
  }
}

const pick = (items: string[], token: string): string | undefined => {
  if (!/^\d+$/.test(token)) return undefined;
  return items[Number(token) - 1];
};

/** Splits `1+3`, `3>1>2` or `312` into numbers. */
const numbers = (token: string, sep: RegExp): string[] =>
  sep.test(token) ? token.split(sep).filter(Boolean) : token.split('');

export type Parsed<T> = { ok: T } | { error: string };

/** One player's answer from one token (`-`: no answer), or what is wrong with it. */
export function parseToken(q: BankQuestion, shown: Shown, token: string): Parsed<Response | null> {
  if (token === '-') return { ok: null };
  if (shown.kind === 'pair') {
    const [a, t, extra] = token.split('/');
    const api = pick(shown.api, a ?? '');
    const trust = pick(shown.trust, t ?? '');
    // say which number is out of range (`3/9`: the condition has 4 choices)
    const range = (part: string, n: string | undefined, size: number) =>
      n !== undefined && /^\d+$/.test(n) ? `the ${part} is 1 to ${size}, not ${n}` : undefined;
    if (extra === undefined && t !== undefined && api && !trust) {
      const why = range('condition number', t, shown.trust.length);
      if (why) return { error: `\`${token}\`: ${why}` };
    }
    if (extra === undefined && t !== undefined && !api) {
      const why = range('API number', a, shown.api.length);
      if (why) return { error: `\`${token}\`: ${why}` };
    }
    if (extra !== undefined || !api || !trust) return { error: `\`${token}\`: ${entryHint(q)}` };
    return { ok: { api, trust } };
  }
  const { items } = shown;
  const bad = { error: `\`${token}\`: ${entryHint(q)}, from 1 to ${items.length}` };
  if (q.type === 'single' || q.type === 'outcome') {
    const one = pick(items, token);
    return one === undefined ? bad : { ok: one };
  }
  const chosen = numbers(token, q.type === 'multi' ? /[+]/ : /[>]/).map((n) => pick(items, n));
  if (chosen.length === 0 || chosen.some((c) => c === undefined)) return bad;
  if (new Set(chosen).size !== chosen.length) return { error: `\`${token}\`: a number is given twice` };
  if (q.type === 'order' && chosen.length !== items.length)
    return { error: `\`${token}\`: put all ${items.length} in order` };
  return { ok: chosen as string[] };
}

/**
 * The host's line for the players still waiting (`names`, in seating order): one token each,
 * separated by spaces or commas. A token that is no answer is named with its player's name (the
 * line stays in the prompt to be corrected).
 */
export function parseHostEntry(
  q: BankQuestion,
  shown: Shown,
  line: string,
  names: readonly string[],
): Parsed<(Response | null)[]> {
  const players = names.length;
  const tokens = line.split(/[\s,]+/).filter(Boolean);
  if (tokens.length !== players)
    return {
      error: `give ${players} answer${players === 1 ? '' : 's'}, one per player (\`-\` for none); got ${tokens.length}`,
    };
  const out: (Response | null)[] = [];
  for (const [i, t] of tokens.entries()) {
    const r = parseToken(q, shown, t);
    if ('error' in r) return players === 1 ? r : { error: `for ${names[i]!}, ${r.error}` };
    out.push(r.ok);
  }
  return { ok: out };
}
