import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/quiz/question.js';
import {
  answer,
  atReview,
  flag,
  results,
  revisit,
  startSession,
  submit,
  tick,
} from '../../src/quiz/session.js';

const q = (id: string, ans: string, topics: string[], exam: string[] = []): BankQuestion => ({
  id,
  type: 'single',
  prompt: `prompt ${id}`,
  choices: ['a', 'b', 'c'],
  answer: ans,
  refs: [],
  topics,
  exam,
  origin: 'authored',
});
const qs = [q('x/1', 'a', ['mfa'], ['SCS-C02/4.1']), q('x/2', 'b', ['mfa', 'saml']), q('x/3', 'c', ['saml'])];

describe('practice session', () => {
  it('gives feedback after each answer and ends after the last', () => {
    let s = startSession(qs, 'practice');
    const r1 = answer(s, 'a');
    expect(r1.feedback).toMatchObject({ correct: true, show: true, record: true });
    s = r1.state;
    s = answer(s, 'a').state;
    expect(s.submitted).toBe(false);
    const last = answer(s, 'c');
    expect(last.state.submitted).toBe(true);
    const res = results(last.state);
    expect(res).toMatchObject({ total: 3, answered: 3, correct: 2 });
    expect(res.byTopic).toEqual([
      { key: 'mfa', answered: 2, correct: 1 },
      { key: 'saml', answered: 2, correct: 1 },
    ]);
    expect(res.byExam).toEqual([{ key: 'SCS-C02/4.1', answered: 1, correct: 1 }]);
    expect(res.missed.map((m) => [m.question.id, m.response])).toEqual([['x/2', 'a']]);
  });
});

describe('exam session', () => {
  it('hides feedback, lets flagged questions be revisited, records only changed answers', () => {
    let s = startSession(qs, 'exam');
    const r = answer(s, 'b');
    expect(r.feedback.show).toBe(false);
    s = flag(r.state, 0);
    s = answer(s, 'b').state;
    s = answer(s, 'a').state;
    expect(atReview(s)).toBe(true);
    expect(s.flagged).toEqual([true, false, false]);
    // revisit the flagged question and change the answer: back to the review screen
    s = revisit(s, 0);
    const changed = answer(s, 'a');
    expect(changed.feedback.record).toBe(true);
    expect(atReview(changed.state)).toBe(true);
    // revisit and keep the same answer: nothing new to record
    const same = answer(revisit(changed.state, 0), 'a');
    expect(same.feedback.record).toBe(false);
    s = submit(flag(same.state, 0, false));
    expect(results(s)).toMatchObject({ correct: 2, answered: 3 });
  });

  it('submits itself when the time limit has passed (checked between questions)', () => {
    let s = startSession(qs, 'exam', { timeLimitMinutes: 1, now: 1_000 });
    s = answer(s, 'a').state;
    expect(tick(s, 60_999).submitted).toBe(false);
    s = tick(s, 61_000);
    expect(s).toMatchObject({ submitted: true, expired: true });
    const res = results(s);
    expect(res).toMatchObject({ total: 3, answered: 1, correct: 1 });
    expect(res.missed.map((m) => m.response)).toEqual([undefined, undefined]);
  });

  it('has no deadline in practice mode', () => {
    expect(startSession(qs, 'practice', { timeLimitMinutes: 5, now: 0 }).deadline).toBeUndefined();
  });
});
