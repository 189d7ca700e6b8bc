import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/quiz/question.js';
import {
  answer,
  atReview,
  finalAnswers,
  flag,
  goTo,
  results,
  skip,
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
const qs = [q('x/1', 'a', ['mfa'], ['SCS-C03/4.1']), q('x/2', 'b', ['mfa', 'saml']), q('x/3', 'c', ['saml'])];

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
      { key: 'mfa', asked: 2, answered: 2, correct: 1 },
      { key: 'saml', asked: 2, answered: 2, correct: 1 },
    ]);
    expect(res.byExam).toEqual([{ key: 'SCS-C03/4.1', asked: 1, answered: 1, correct: 1 }]);
    expect(res.missed.map((m) => [m.question.id, m.response])).toEqual([['x/2', 'a']]);
  });
});

describe('exam session', () => {
  it('hides feedback, jumps back to a flagged question, keeps only the final answer', () => {
    let s = startSession(qs, 'exam');
    const r = answer(s, 'b');
    expect(r.feedback).toMatchObject({ show: false, record: false });
    s = flag(r.state, 0);
    s = answer(s, 'b').state;
    s = answer(s, 'a').state;
    expect(atReview(s)).toBe(true);
    expect(s.flagged).toEqual([true, false, false]);
    // revisit the flagged question and change the answer
    s = goTo(s, 0);
    expect(s.responses[0]).toBe('b');
    s = answer(s, 'a').state;
    expect(s.index).toBe(1);
    s = submit(flag(s, 0, false));
    expect(results(s)).toMatchObject({ correct: 2, answered: 3 });
    // each question once, with its final answer
    expect(finalAnswers(s).map((a) => [a.question.id, a.correct])).toEqual([
      ['x/1', true],
      ['x/2', true],
      ['x/3', false],
    ]);
  });

  it('skipping leaves a question unanswered, withdraws an earlier answer and is not stored', () => {
    let s = startSession(qs, 'exam');
    s = answer(s, 'a').state;
    s = skip(goTo(s, 0));
    expect(s.responses[0]).toBeUndefined();
    s = skip(s);
    s = submit(answer(s, 'c').state);
    const res = results(s);
    expect(res).toMatchObject({ total: 3, answered: 1, correct: 1 });
    expect(finalAnswers(s).map((a) => a.question.id)).toEqual(['x/3']);
    // topics count asked and answered apart; weakest first
    expect(res.byTopic).toEqual([
      { key: 'mfa', asked: 2, answered: 0, correct: 0 },
      { key: 'saml', asked: 2, answered: 1, correct: 1 },
    ]);
  });

  it('submits itself when the time limit has passed', () => {
    expect(startSession(qs, 'exam', { timeLimitMinutes: 0.25, now: 0 }).deadline).toBe(15_000);
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
