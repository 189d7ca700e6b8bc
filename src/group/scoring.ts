/**
 * Points, streaks, standings and per-topic results: all derived from the
 * answers in the state, so a resumed session scores exactly the same.
 */
import type { BankQuestion } from '../quiz/question.js';
import type { GroupState } from './state.js';

/** A right answer earns BASE; each right answer in a row after the first adds STREAK_BONUS, up to MAX_BONUS. */
export const POINTS = { base: 10, streakBonus: 5, maxBonus: 20 } as const;

/** Points for a right answer that makes a streak of `streak` (1 = first in a row). */
export function pointsFor(streak: number): number {
  return POINTS.base + Math.min(POINTS.maxBonus, POINTS.streakBonus * Math.max(0, streak - 1));
}

/** The most a `--speed` bonus adds to one right answer. */
export const SPEED_MAX = 10;

/**
 * `--speed`: a right answer earns `round(SPEED_MAX × (1 − t / T))` more points, at least 0, where t
 * is the seconds the player took (from their own prompt opening to locking in, paused time not
 * counted) and T the window (the `--timer`, or 30 s untimed): 10 for an instant answer, 5 at half the
 * window, 0 at its end. Wrong answers and no answer get none; so do answers typed by the host (no
 * time per player). Without `--speed` scoring is unchanged.
 */
export function speedBonus(ms: number | undefined, windowSeconds: number | undefined): number {
  if (ms === undefined || windowSeconds === undefined) return 0;
  const share = 1 - ms / (windowSeconds * 1000);
  return Math.max(0, Math.min(SPEED_MAX, Math.round(SPEED_MAX * share)));
}

export interface Standing {
  player: string;
  /** 1-based; players level on points and right answers share a rank. */
  rank: number;
  points: number;
  correct: number;
  answered: number;
  /** Right answers in a row up to now. */
  streak: number;
  best: number;
}

/** How many rounds, from the first, every player has answered (or had timed out). */
function closedRounds(state: GroupState): number {
  let n = 0;
  while (n < state.questions.length && (state.answers[n] ?? []).every((a) => a !== null)) n++;
  return state.players.length ? n : 0;
}

/**
 * The scoreboard after every completed round (or only the first `upTo` rounds), best first (ties
 * keep the players' order).
 */
export function standings(state: GroupState, upTo?: number): Standing[] {
  const rounds = Math.min(closedRounds(state), upTo ?? Infinity);
  const rows = state.players.map((player, p) => {
    let points = 0;
    let correct = 0;
    let streak = 0;
    let best = 0;
    for (let q = 0; q < rounds; q++) {
      const a = state.answers[q]?.[p];
      if (a?.correct) {
        streak++;
        correct++;
        points += pointsFor(streak) + speedBonus(a.ms, state.speed);
        best = Math.max(best, streak);
      } else streak = 0;
    }
    return { player, rank: 0, points, correct, answered: rounds, streak, best };
  });
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.points - a.r.points || b.r.correct - a.r.correct || a.i - b.i)
    .map(({ r }) => r);
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    r.rank = prev && prev.points === r.points && prev.correct === r.correct ? prev.rank : i + 1;
  });
  return sorted;
}

export interface RoundResult {
  player: string;
  /** Points this round earned (0 when wrong). */
  gained: number;
  total: number;
  rank: number;
  /** Places gained (positive) or lost (negative) this round; 0 on the first round. */
  moved: number;
}

/** Each player's points and move on the scoreboard from round `q` (seating order). */
export function roundResults(state: GroupState, q: number): RoundResult[] {
  const before = new Map(standings(state, q).map((s) => [s.player, s]));
  const after = standings(state, q + 1);
  const byName = new Map(after.map((s) => [s.player, s]));
  return state.players.map((player) => {
    const now = byName.get(player)!;
    const was = before.get(player)!;
    return {
      player,
      gained: now.points - was.points,
      total: now.points,
      rank: now.rank,
      moved: q === 0 ? 0 : was.rank - now.rank,
    };
  });
}

/** Players who got question `q` right, in seating order. */
export function whoGotIt(state: GroupState, q: number): string[] {
  return state.players.filter((_, p) => state.answers[q]?.[p]?.correct === true);
}

export interface TopicResult {
  topic: string;
  /** Per player (seating order): right answers and questions asked on the topic. */
  scores: { correct: number; asked: number }[];
}

/** Each player's results by topic over the completed rounds, topics sorted. */
export function topicResults(state: GroupState): TopicResult[] {
  const rounds = closedRounds(state);
  const byTopic = new Map<string, TopicResult>();
  for (let q = 0; q < rounds; q++) {
    for (const topic of state.questions[q]!.topics) {
      const row = byTopic.get(topic) ?? {
        topic,
        scores: state.players.map(() => ({ correct: 0, asked: 0 })),
      };
      state.players.forEach((_, p) => {
        const s = row.scores[p]!;
        s.asked++;
        if (state.answers[q]?.[p]?.correct) s.correct++;
      });
      byTopic.set(topic, row);
    }
  }
  return [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic));
}

export interface Missed {
  question: BankQuestion;
  index: number;
  wrong: number;
}

/** Questions more than half of the group got wrong, most-missed first (good for discussion). */
export function mostMissed(state: GroupState): Missed[] {
  const rounds = closedRounds(state);
  const out: Missed[] = [];
  for (let q = 0; q < rounds; q++) {
    const wrong = state.players.filter((_, p) => !state.answers[q]?.[p]?.correct).length;
    if (wrong * 2 > state.players.length) out.push({ question: state.questions[q]!, index: q, wrong });
  }
  return out.sort((a, b) => b.wrong - a.wrong || a.index - b.index);
}
