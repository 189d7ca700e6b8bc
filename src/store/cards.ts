/**
 * FSRS scheduling (ts-fsrs): a correct answer rates Good, a wrong one Again.
 * Cards are kept in progress.json with dates as ISO strings so the file stays
 * plain JSON. Pure: the clock is always an argument.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';

/** A card as stored: ts-fsrs Card with ISO dates. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

// No fuzz: the same answers on the same clock always give the same schedule (testable, explainable).
// One short learning step of 10 minutes (new and relearning): a missed question comes back the same
// day, about 10 minutes later, and once it is answered right it graduates to the next day or later.
// A first correct answer skips the step and comes back days later.
export const LEARNING_STEP = '10m';
const scheduler = fsrs(
  generatorParameters({
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: [LEARNING_STEP],
    relearning_steps: [LEARNING_STEP],
  }),
);

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review ? new Date(stored.last_review) : undefined,
  } as Card;
}

function toStored(card: Card): StoredCard {
  const out: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) out.last_review = card.last_review.toISOString();
  return out;
}

/** A stored card, when `value` looks like one (anything else is treated as no card). */
export function readCard(value: unknown): StoredCard | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const c = value as Partial<StoredCard>;
  if (typeof c.due !== 'string' || Number.isNaN(Date.parse(c.due))) return undefined;
  if (typeof c.stability !== 'number' || typeof c.state !== 'number') return undefined;
  return c as StoredCard;
}

/** The card after one answer at `at`: Good when correct, Again when wrong. */
export function schedule(previous: unknown, correct: boolean, at: Date): StoredCard {
  const prior = readCard(previous);
  const card = prior ? toCard(prior) : createEmptyCard(at);
  const next = scheduler.next(card, at, correct ? Rating.Good : Rating.Again);
  return toStored(next.card);
}

/** A question that is due, with how long it has been due. */
export interface DueCard {
  questionId: string;
  due: Date;
  /** Milliseconds past due at `now` (>= 0). */
  overdueMs: number;
}

/** The cards due at `now`, most overdue first (ties by id, so the order is stable). */
export function dueCards(cards: Record<string, unknown>, now: Date): DueCard[] {
  const out: DueCard[] = [];
  for (const [questionId, value] of Object.entries(cards)) {
    const card = readCard(value);
    if (!card) continue;
    const due = new Date(card.due);
    if (due.getTime() <= now.getTime())
      out.push({ questionId, due, overdueMs: now.getTime() - due.getTime() });
  }
  return out.sort((a, b) => b.overdueMs - a.overdueMs || a.questionId.localeCompare(b.questionId));
}

/** When the next card falls due after `now`, or undefined when there are no cards. */
export function nextDue(cards: Record<string, unknown>, now: Date): Date | undefined {
  let best: Date | undefined;
  for (const value of Object.values(cards)) {
    const card = readCard(value);
    if (!card) continue;
    const due = new Date(card.due);
    if (due.getTime() > now.getTime() && (!best || due < best)) best = due;
  }
  return best;
}

/** How many questions are due at `now` (the menu and `next` show it). */
export function dueCount(cards: Record<string, unknown>, now: Date): number {
  return dueCards(cards, now).length;
}
