/** What `review` will bring back after a quiz: the session's questions grouped by FSRS due date. */
import { readCard } from '../store/cards.js';
import type { ProgressData } from '../store/types.js';
import type { ReviewForecast } from './render.js';
import type { Results } from './session.js';

const DAY = 86_400_000;

/** `2026-11-27 (tomorrow)`, `2026-11-30 (in 4 days)`, `now`: dates in UTC so output is stable. */
export function whenText(due: Date, now: Date): string {
  const days = Math.round(
    (Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate()) -
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) /
      DAY,
  );
  const date = due.toISOString().slice(0, 10);
  if (due.getTime() <= now.getTime()) return 'now';
  if (days <= 0) return `today (${due.toISOString().slice(11, 16)} UTC)`;
  if (days === 1) return `${date} (tomorrow)`;
  return `${date} (in ${days} days)`;
}

export function forecast(
  data: ProgressData,
  ids: readonly string[],
  res: Results,
  now: Date,
): ReviewForecast[] {
  const missed = new Set(res.missed.map((m) => m.question.id));
  const byDate = new Map<string, ReviewForecast & { at: number }>();
  for (const id of new Set(ids)) {
    const card = readCard(data.cards[id]);
    if (!card) continue;
    const due = new Date(card.due);
    const key = whenText(due, now);
    const row = byDate.get(key) ?? { date: key, count: 0, missed: 0, at: due.getTime() };
    row.count++;
    if (missed.has(id)) row.missed++;
    row.at = Math.min(row.at, due.getTime());
    byDate.set(key, row);
  }
  return [...byDate.values()]
    .sort((a, b) => a.at - b.at)
    .map(({ date, count, missed: m }) => ({ date, count, missed: m }));
}
