/**
 * The history of finished sessions as data for `progress`: one row per
 * attempt, and per topic the share right in each of the last attempts that
 * asked it (drawn as a sparkline).
 */
import type { Attempt, ProgressData } from './types.js';

export interface HistoryRow {
  at: string;
  mode: string;
  total: number;
  answered: number;
  correct: number;
  topics: Attempt['topics'];
}

export function history(data: ProgressData): HistoryRow[] {
  return (data.attempts ?? []).map((a) => ({
    at: a.at,
    mode: a.mock ? `mock ${a.mock}` : a.mode,
    total: a.total,
    answered: a.answered,
    correct: a.correct,
    topics: a.topics,
  }));
}

/** Per topic, the share right (0–1) in each of the last `n` attempts that asked it, oldest first. */
export function topicTrends(data: ProgressData, n = 10): Record<string, number[]> {
  // A Map: topics are content's text, and `constructor` or `toString` must not meet Object.prototype
  const out = new Map<string, number[]>();
  for (const a of data.attempts ?? []) {
    for (const [topic, r] of Object.entries(a.topics)) {
      if (r.asked <= 0) continue;
      let shares = out.get(topic);
      if (!shares) out.set(topic, (shares = []));
      shares.push(r.correct / r.asked);
    }
  }
  return Object.fromEntries([...out].map(([t, shares]) => [t, shares.slice(-n)]));
}

const BARS = '▁▂▃▄▅▆▇█';

/** 0–1 values as block characters (▁ = none right, █ = all right). */
export function sparkline(values: readonly number[]): string {
  return values
    .map((v) => BARS[Math.min(BARS.length - 1, Math.max(0, Math.round(v * (BARS.length - 1))))])
    .join('');
}
