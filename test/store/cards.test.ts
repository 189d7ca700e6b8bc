import { describe, expect, it } from 'vitest';
import { dueCards, dueCount, nextDue, readCard, schedule } from '../../src/store/cards.js';
import { summarize } from '../../src/store/summary.js';

const t0 = new Date('2026-03-01T09:00:00Z');
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

describe('FSRS scheduling on a fixed clock', () => {
  it('a miss comes back the same day (a 10-minute learning step) and again on a later day', () => {
    const missed = schedule(undefined, false, t0);
    expect(missed.due).toBe('2026-03-01T09:10:00.000Z');
    expect(dueCount({ q: missed }, new Date('2026-03-01T09:09:59Z'))).toBe(0);
    expect(dueCount({ q: missed }, new Date('2026-03-01T09:10:00Z'))).toBe(1);
    // answered right at the step: it graduates to the next day
    expect(schedule(missed, true, new Date(missed.due)).due).toBe('2026-03-02T09:10:00.000Z');
    // a first correct answer skips the step and comes back days later
    expect(schedule(undefined, true, t0).due).toBe('2026-03-03T09:00:00.000Z');
  });

  it('a question missed after it was known (a lapse) also comes back 10 minutes later', () => {
    const known = schedule(undefined, true, t0);
    const lapse = schedule(known, false, new Date(known.due));
    expect(Date.parse(lapse.due) - Date.parse(known.due)).toBe(10 * 60_000);
  });

  it('answering right again on the due day pushes the card further out; a lapse brings it back soon', () => {
    const first = schedule(undefined, true, t0);
    const second = schedule(first, true, new Date(first.due));
    expect(Date.parse(second.due) - Date.parse(first.due)).toBeGreaterThan(7 * 86_400_000);
    expect(second.reps).toBe(2);
    const lapse = schedule(second, false, new Date(second.due));
    expect(lapse.lapses).toBe(1);
    // a lapse comes back much sooner than the interval it broke
    const broken = Date.parse(second.due) - Date.parse(first.due);
    expect(Date.parse(lapse.due) - Date.parse(second.due)).toBeLessThan(broken / 2);
  });

  it('is deterministic (no fuzz)', () => {
    expect(schedule(schedule(undefined, true, t0), true, days(t0, 3))).toEqual(
      schedule(schedule(undefined, true, t0), true, days(t0, 3)),
    );
  });

  it('lists due cards most overdue first and tells when the next one is due', () => {
    const cards = {
      a: schedule(undefined, false, t0), // due t0+10min
      b: schedule(undefined, false, days(t0, -5)), // due t0-5d+10min
      c: schedule(undefined, true, t0), // due t0+2d
      broken: { nonsense: true },
    };
    const now = days(t0, 1);
    expect(dueCards(cards, now).map((d) => d.questionId)).toEqual(['b', 'a']);
    expect(nextDue(cards, now)?.toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(nextDue({}, now)).toBeUndefined();
  });
});

describe('cards from a clock that moved back, or from a hand-edited file', () => {
  it('an answer dated before the last review (a clock put back across midnight) is scheduled from now', () => {
    // answered at 00:05 UTC, then again at 23:55 the day before (NTP, or two machines sharing the file)
    const later = schedule(schedule(undefined, true, t0), true, new Date('2026-03-04T00:05:00Z'));
    const back = new Date('2026-03-03T23:55:00Z');
    const right = schedule(later, true, back);
    expect(right.last_review).toBe(back.toISOString());
    expect(Date.parse(right.due)).toBeGreaterThan(back.getTime());
    expect(right.reps).toBe(later.reps + 1);
    // a miss comes back 10 minutes after the earlier clock
    expect(schedule(later, false, back).due).toBe('2026-03-04T00:05:00.000Z');
  });

  it('only a card FSRS can schedule is a card', () => {
    const good = schedule(undefined, true, t0);
    expect(readCard(good)).toEqual(good);
    expect(readCard({ ...good, last_review: undefined })).toBeDefined();
    for (const bad of [
      { state: 99 },
      { state: 1.5 },
      { stability: -5 },
      { stability: Infinity },
      { stability: '3' },
      { difficulty: -1 },
      { difficulty: NaN },
      { elapsed_days: -1 },
      { scheduled_days: 2e6 },
      { reps: 1.5 },
      { lapses: -1 },
      { learning_steps: null },
      { due: 'soon' },
      { last_review: 'yesterday' },
    ])
      expect(readCard({ ...good, ...bad }), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('progress summary', () => {
  it('has PRODUCT.md’s shape and counts every answer', () => {
    const s = summarize(
      {
        version: 1,
        answers: [
          { questionId: 'q/a', correct: true, at: t0.toISOString(), topics: ['mfa', 'sts'], source: 'quiz' },
          { questionId: 'q/a', correct: false, at: t0.toISOString(), topics: ['mfa'], source: 'review' },
        ],
        cards: { 'q/a': schedule(undefined, false, t0) },
        scenarios: { 'eks-irsa': { completed: true }, 'role-chaining': { completed: false, position: 2 } },
      },
      days(t0, 2),
    );
    expect(s).toEqual({
      answered: 2,
      correct: 1,
      due: 1,
      scenariosCompleted: ['eks-irsa'],
      topics: { mfa: { answered: 2, correct: 1 }, sts: { answered: 1, correct: 1 } },
    });
  });
});
