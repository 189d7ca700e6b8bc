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

const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isAmount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_AMOUNT;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
/** Above any value FSRS gives (its longest interval is 36,500 days); a larger one is a hand edit. */
const MAX_AMOUNT = 1e6;
/** ts-fsrs's states: New, Learning, Review, Relearning. */
const STATES = new Set([0, 1, 2, 3]);

/**
 * A stored card, when `value` is one FSRS can schedule: every field of the right type and in range
 * (a hand-edited `state: 99` or a negative stability would make ts-fsrs throw, or schedule NaN).
 * Anything else is no card; the progress file sets such an entry aside with a warning.
 */
export function readCard(value: unknown): StoredCard | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const c = value as Record<keyof StoredCard, unknown>;
  const ok =
    isDate(c.due) &&
    (c.last_review === undefined || isDate(c.last_review)) &&
    isAmount(c.stability) &&
    isAmount(c.difficulty) &&
    isAmount(c.elapsed_days) &&
    isAmount(c.scheduled_days) &&
    isCount(c.learning_steps) &&
    isCount(c.reps) &&
    isCount(c.lapses) &&
    STATES.has(c.state as number);
  return ok ? (value as StoredCard) : undefined;
}

/**
 * The card after one answer at `at`: Good when correct, Again when wrong. A card last reviewed after
 * `at` (a clock put back, or progress.json shared by two machines whose clocks differ) counts as
 * reviewed just now: ts-fsrs refuses a negative elapsed time ("Invalid delta_t").
 */
export function schedule(previous: unknown, correct: boolean, at: Date): StoredCard {
  const prior = readCard(previous);
  const card = prior ? toCard(prior) : createEmptyCard(at);
  if (card.last_review && card.last_review.getTime() > at.getTime()) card.last_review = at;
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
