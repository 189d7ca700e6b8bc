/** What `progress` reports, computed from the stored data (PRODUCT.md's `progress --json` shape). */
import { dueCards } from './cards.js';
import type { ProgressData } from './types.js';

export interface ProgressSummary {
  /** Every answer ever given (a question answered twice counts twice). */
  answered: number;
  correct: number;
  /** Questions due for review now. */
  due: number;
  scenariosCompleted: string[];
  topics: Record<string, { answered: number; correct: number }>;
}

export function summarize(data: ProgressData, now: Date): ProgressSummary {
  // A Map: topics are content's text, and `constructor` or `toString` must not meet Object.prototype
  const topics = new Map<string, { answered: number; correct: number }>();
  let correct = 0;
  for (const a of data.answers) {
    if (a.correct) correct++;
    for (const t of a.topics) {
      let row = topics.get(t);
      if (!row) topics.set(t, (row = { answered: 0, correct: 0 }));
      row.answered++;
      if (a.correct) row.correct++;
    }
  }
  const sortedTopics = Object.fromEntries([...topics].sort(([a], [b]) => a.localeCompare(b)));
  return {
    answered: data.answers.length,
    correct,
    due: dueCards(data.cards, now).length,
    scenariosCompleted: Object.entries(data.scenarios)
      .filter(([, s]) => s.completed)
      .map(([id]) => id)
      .sort(),
    topics: sortedTopics,
  };
}
