/** Asks one player for one answer with the hidden, cancellable prompts; choices keep their on-screen numbers. */
import { label, type BankQuestion, type Response } from '../quiz/question.js';
import type { HiddenPrompter } from '../ui/group-input.js';
import type { Shown } from './entry.js';

const numbered = (q: BankQuestion, items: string[], keep: string[] = items) =>
  keep.map((v) => ({ value: v, name: `${items.indexOf(v) + 1}) ${label(q, v)}` }));

export async function askHidden(
  input: HiddenPrompter,
  q: BankQuestion,
  shown: Shown,
  message: string,
  signal?: AbortSignal,
): Promise<Response> {
  if (shown.kind === 'pair') {
    const api = await input.choice(`${message} · a) which API?`, numbered(q, shown.api), signal);
    const trust = await input.choice(
      `${message} · b) which trust condition?`,
      numbered(q, shown.trust),
      signal,
    );
    return { api, trust };
  }
  const { items } = shown;
  if (q.type === 'multi')
    return input.multi(`${message} (space selects, Enter confirms)`, numbered(q, items), signal);
  if (q.type === 'order') {
    const left = [...items];
    const order: string[] = [];
    while (left.length > 1) {
      const pick = await input.choice(
        `${message} · ${order.length + 1} of ${items.length}`,
        numbered(q, items, left),
        signal,
      );
      order.push(pick);
      left.splice(left.indexOf(pick), 1);
    }
    return [...order, ...left];
  }
  return input.choice(message, numbered(q, items), signal);
}
