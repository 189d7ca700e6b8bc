/**
 * What to do now, from the learner's saved state: the scenario to continue, the reviews due, and a
 * suggested next scenario (one that covers the weakest topic, else the next on the path). Pure.
 */
import type { Library } from '../content/library.js';
import type { Scenario } from '../content/schema.js';
import { dueCards } from '../store/cards.js';
import type { ProgressData } from '../store/types.js';
import { inProgress, pathOrder } from './pick.js';

export interface NextPlan {
  /** The scenario left most recently, and where. */
  resume?: { id: string; title: string; step?: number; steps: number; whatIfs: boolean };
  due: number;
  suggestion?: { id: string; title: string; why: Why };
  streak: number;
  completed: number;
  scenarios: number;
}

export type Why =
  { kind: 'weak'; topic: string; missed: number; answered: number } | { kind: 'path' } | { kind: 'again' };

/** A topic counts as weak once it has this many answers and at most this share right. */
const WEAK = { minAnswers: 3, maxShare: 0.7 };

/** The learner's local calendar day of an ISO time, `YYYY-MM-DD`. */
function day(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Days in a row with an answer, ending today (or yesterday, when today has none yet). */
export function streak(data: ProgressData, now: Date): number {
  const days = new Set(data.answers.map((a) => day(new Date(a.at))));
  const cursor = new Date(now);
  if (!days.has(day(cursor))) cursor.setDate(cursor.getDate() - 1);
  let n = 0;
  while (days.has(day(cursor))) {
    n++;
    cursor.setDate(cursor.getDate() - 1);
  }
  return n;
}

/** Topics with enough answers and too few right, weakest first. */
export function weakTopics(data: ProgressData): { topic: string; missed: number; answered: number }[] {
  const by = new Map<string, { missed: number; answered: number }>();
  for (const a of data.answers)
    for (const t of a.topics) {
      const row = by.get(t) ?? { missed: 0, answered: 0 };
      row.answered++;
      if (!a.correct) row.missed++;
      by.set(t, row);
    }
  return [...by.entries()]
    .map(([topic, r]) => ({ topic, ...r }))
    .filter((r) => r.answered >= WEAK.minAnswers && 1 - r.missed / r.answered <= WEAK.maxShare)
    .sort((a, b) => b.missed / b.answered - a.missed / a.answered || a.topic.localeCompare(b.topic));
}

export function nextPlan(library: Library, data: ProgressData, now: Date): NextPlan {
  const path = pathOrder(library);
  const progress = data.scenarios;
  const open = path
    .filter((s) => inProgress(s, progress[s.id]))
    .sort((a, b) => (progress[b.id]?.updatedAt ?? '').localeCompare(progress[a.id]?.updatedAt ?? ''));
  const left = open[0];
  const resume = left
    ? {
        id: left.id,
        title: left.title,
        steps: left.steps.length,
        whatIfs: progress[left.id]?.stage === 'what-ifs',
        step: progress[left.id]?.stage === 'what-ifs' ? undefined : (progress[left.id]?.position ?? 0) + 1,
      }
    : undefined;
  const notDone = (s: Scenario) => !progress[s.id]?.completed && s.id !== left?.id;
  let suggestion: NextPlan['suggestion'];
  for (const w of weakTopics(data)) {
    const s = path.find((x) => notDone(x) && (x.topics ?? []).includes(w.topic));
    if (s) {
      suggestion = { id: s.id, title: s.title, why: { kind: 'weak', ...w } };
      break;
    }
  }
  if (!suggestion) {
    const s = path.find(notDone);
    if (s) suggestion = { id: s.id, title: s.title, why: { kind: 'path' } };
  }
  return {
    resume,
    due: dueCards(data.cards, now).length,
    suggestion,
    streak: streak(data, now),
    completed: path.filter((s) => progress[s.id]?.completed).length,
    scenarios: path.length,
  };
}
