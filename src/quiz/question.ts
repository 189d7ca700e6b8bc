/**
 * The question bank's one shape for every question, authored or generated, and
 * grading. Pure.
 */

/** How a question is asked and graded. `outcome` is graded like `single` (its answer comes from the engine). */
export type QuestionType = 'single' | 'multi' | 'order' | 'pair' | 'outcome';

/** One part of a pair question. */
export interface PairPart {
  choices: string[];
  answer: string;
}

export interface BankQuestion {
  /** The stable id progress is stored under (types.ts `AnswerRecord.questionId`). */
  id: string;
  type: QuestionType;
  prompt: string;
  /** single, multi, order, outcome: the choices (for order: the items, in authored order). */
  choices: string[];
  /** single/outcome: the right choice; multi: the right choices; order: the full order. Unused for pair. */
  answer: string | string[];
  /** pair: the API part and the trust-condition part; both must be right. */
  pair?: { api: PairPart; trust: PairPart };
  explain?: string;
  refs: string[];
  topics: string[];
  /** Exam task statements, e.g. `SAA-C03/1.1`. */
  exam: string[];
  difficulty?: number;
  /** The scenario the question is about, when there is one. */
  scenario?: string;
  /** Where it came from: an authored quiz file, the generator, or a learn checkpoint. */
  origin: 'authored' | 'generated' | 'checkpoint';
  /** Display names for choice values (outcome: `success` → `the call succeeds`). */
  labels?: Record<string, string>;
}

/** A learner's response: a choice, a list (multi, order) or both parts of a pair. */
export type Response = string | string[] | { api: string; trust: string };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether `response` answers `q` correctly. Pair: both parts; multi: exactly the right set; order: the exact order. */
export function grade(q: BankQuestion, response: Response): boolean {
  switch (q.type) {
    case 'single':
    case 'outcome':
      return typeof response === 'string' && response === q.answer;
    case 'multi':
      return Array.isArray(response) && Array.isArray(q.answer) && sameSet(response, q.answer);
    case 'order':
      return Array.isArray(response) && Array.isArray(q.answer) && sameOrder(response, q.answer);
    case 'pair':
      return (
        typeof response === 'object' &&
        !Array.isArray(response) &&
        q.pair !== undefined &&
        response.api === q.pair.api.answer &&
        response.trust === q.pair.trust.answer
      );
  }
}

/** A choice's display text. */
export function label(q: BankQuestion, value: string): string {
  return q.labels?.[value] ?? value;
}

/** The right answer as text lines (for feedback and the answer key). */
export function answerLines(q: BankQuestion): string[] {
  if (q.type === 'pair' && q.pair)
    return [`API: ${q.pair.api.answer}`, `trust policy: ${q.pair.trust.answer}`];
  if (q.type === 'order' && Array.isArray(q.answer)) return q.answer.map((a, i) => `${i + 1}. ${a}`);
  if (Array.isArray(q.answer)) return q.answer.map((a) => label(q, a));
  return [label(q, q.answer)];
}

/** A response as text (for the missed-questions list). */
export function responseText(q: BankQuestion, r: Response): string {
  if (typeof r === 'string') return label(q, r);
  if (Array.isArray(r)) return q.type === 'order' ? r.join(' → ') : r.map((x) => label(q, x)).join('; ');
  return `API ${r.api}; trust ${r.trust}`;
}
