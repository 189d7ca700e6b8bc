/**
 * How the group split across a question's choices: for each choice as numbered on screen, who
 * chose it and whether it is right. Read by the reveal (a bar per choice) and the export (who
 * chose what). Pure.
 */
import { label, type BankQuestion, type Response } from '../quiz/question.js';
import { shownChoices } from './entry.js';
import type { GroupState } from './state.js';

export interface ChoiceRow {
  /** 1-based, as numbered on screen. */
  number: number;
  text: string;
  /** Part of the right answer (order: the place it belongs in). */
  right: boolean;
  /** Players who chose it (order: who put it in its right place), in seating order. */
  who: string[];
}

export interface SplitGroup {
  /** Pair questions have two groups (`a) API`, `b) trust policy`); order questions say what counts. */
  title?: string;
  rows: ChoiceRow[];
}

export interface Split {
  groups: SplitGroup[];
  /** Players who gave no answer. */
  none: string[];
}

type Picks = (r: Response) => boolean;

/** The title of an order question's one group: its rows count who put each item in its right place. */
export const ORDER_TITLE = 'put in the right place';

function rows(
  state: GroupState,
  q: number,
  items: string[],
  right: (v: string) => boolean,
  chose: (v: string) => Picks,
): ChoiceRow[] {
  const question = state.questions[q]!;
  return items.map((v, i) => ({
    number: i + 1,
    text: label(question, v),
    right: right(v),
    who: state.players.filter((_, p) => {
      const r = state.answers[q]?.[p]?.response;
      return r != null && chose(v)(r);
    }),
  }));
}

const list = (r: Response) => (Array.isArray(r) ? r : []);
const answerList = (q: BankQuestion) => (Array.isArray(q.answer) ? q.answer : [q.answer]);

export function choiceSplit(state: GroupState, q: number): Split {
  const question = state.questions[q]!;
  const shown = shownChoices(question, state.seed);
  const none = state.players.filter((_, p) => state.answers[q]?.[p]?.response == null);
  if (shown.kind === 'pair') {
    const part = (key: 'api' | 'trust') => (v: string) => (r: Response) =>
      typeof r === 'object' && !Array.isArray(r) && r[key] === v;
    return {
      none,
      groups: [
        {
          title: 'a) API',
          rows: rows(state, q, shown.api, (v) => v === question.pair?.api.answer, part('api')),
        },
        {
          title: 'b) trust policy',
          rows: rows(state, q, shown.trust, (v) => v === question.pair?.trust.answer, part('trust')),
        },
      ],
    };
  }
  const answer = answerList(question);
  if (question.type === 'order') {
    // an order has no wrong items: count who put each one in its right place
    const placed = (v: string) => (r: Response) => list(r).indexOf(v) === answer.indexOf(v);
    return {
      none,
      groups: [{ title: ORDER_TITLE, rows: rows(state, q, shown.items, () => true, placed) }],
    };
  }
  const chose = (v: string) => (r: Response) => (Array.isArray(r) ? r.includes(v) : r === v);
  return { none, groups: [{ rows: rows(state, q, shown.items, (v) => answer.includes(v), chose) }] };
}
