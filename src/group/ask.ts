/**
 * One player's answer: the number keys of the hidden answer prompt, read against the choices as
 * numbered on screen. Pure, but for the prompt it is given.
 */
import type { BankQuestion, Response } from '../quiz/question.js';
import type { AnswerShape, GroupInput, Live, Picked } from '../ui/group-input.js';
import type { Shown } from './entry.js';

/** Which keys answer `q`, as numbered on screen. */
export function answerShape(q: BankQuestion, shown: Shown): AnswerShape {
  if (shown.kind === 'pair') return { kind: 'pair', api: shown.api.length, trust: shown.trust.length };
  const count = shown.items.length;
  if (q.type === 'multi') return { kind: 'many', count };
  if (q.type === 'order') return { kind: 'order', count };
  return { kind: 'one', count };
}

/** The response the picked positions stand for (null: no answer). */
export function toResponse(q: BankQuestion, shown: Shown, picked: Picked): Response | null {
  if (picked === null) return null;
  if (shown.kind === 'pair') return { api: shown.api[picked[0]!]!, trust: shown.trust[picked[1]!]! };
  const values = picked.map((i) => shown.items[i]!);
  return q.type === 'multi' || q.type === 'order' ? values : values[0]!;
}

export async function askHidden(
  input: GroupInput,
  q: BankQuestion,
  shown: Shown,
  message: string,
  live?: Live,
): Promise<Response | null> {
  return toResponse(q, shown, await input.answer(message, answerShape(q, shown), live));
}
