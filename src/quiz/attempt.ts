/** A finished session as a history entry (`progress --history`, `quiz --missed`). */
import type { Attempt } from '../store/types.js';
import type { Results } from './session.js';

export function toAttempt(res: Results, mode: Attempt['mode'], at: Date, mock?: string): Attempt {
  // fromEntries: a topic is content's text, and `constructor` or `toString` must stay a plain entry
  const topics: Attempt['topics'] = Object.fromEntries(
    res.byTopic.map((r) => [r.key, { asked: r.asked, correct: r.correct }]),
  );
  const attempt: Attempt = {
    at: at.toISOString(),
    mode,
    total: res.total,
    answered: res.answered,
    correct: res.correct,
    topics,
    missed: res.missed.map((m) => m.question.id),
  };
  if (mock) attempt.mock = mock;
  return attempt;
}

/** The questions missed in the last quiz, exam or review (for `quiz --missed`). */
export function lastMissed(attempts: readonly Attempt[] | undefined): { ids: string[]; at?: string } {
  const last = attempts?.at(-1);
  return last ? { ids: last.missed, at: last.at } : { ids: [] };
}
