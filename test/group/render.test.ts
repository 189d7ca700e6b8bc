import { describe, expect, it } from 'vitest';
import { shownChoices } from '../../src/group/entry.js';
import { renderPodium, renderQuestionScreen, renderReveal, renderTurnLine } from '../../src/group/render.js';
import { moveMark, ordinal } from '../../src/group/render-reveal.js';
import { roundResults } from '../../src/group/scoring.js';
import {
  advance,
  answerFor,
  begin,
  createGroup,
  startTurns,
  type GroupState,
} from '../../src/group/state.js';
import type { BankQuestion, Response } from '../../src/quiz/question.js';
import { createTheme } from '../../src/ui/theme.js';
import { game, Q } from './fixtures.js';

const plain = createTheme({ color: false, plain: true, columns: 60 });

describe('group screens (plain)', () => {
  it('shows the question large and clear with numbered choices', () => {
    const s = game();
    expect(renderQuestionScreen(plain, s, shownChoices(Q[0]!, s.seed))).toMatchInlineSnapshot(`
      "QUESTION 1 OF 3
      choose one · assume-role, cross-account
      -----------------------------------------------------------

        Which API lets an IAM user in account A use a role in
        account B?

          1) GetFederationToken
          2) GetSessionToken
          3) AssumeRole
      -----------------------------------------------------------
      "
    `);
  });

  it('shows who has answered, not what', () => {
    const s = answerFor(startTurns(game()), 1, 'GetSessionToken');
    expect(renderTurnLine(plain, s)).toBe('answered: Ana …  Ben ●  Chen …');
  });

  it('reveals the answer, who got it, everyone’s answer and the explanation', () => {
    let s = startTurns(game());
    s = answerFor(s, 0, 'AssumeRole');
    s = answerFor(s, 1, 'GetSessionToken');
    s = answerFor(s, 2, 'AssumeRole');
    expect(renderReveal(plain, s, 0)).toMatchInlineSnapshot(`
      "QUESTION 1 OF 3 · THE ANSWER
      -----------------------------------------------------------
        1) GetFederationToken       ..........  0
        2) GetSessionToken          ###.......  1  Ben
      ✔ 3) AssumeRole               #######...  2  Ana, Chen

      Got it: Ana, Chen
        ✔ Ana    +10    10 pts  1st
        ✘ Ben     +0     0 pts  3rd
        ✔ Chen   +10    10 pts  1st

        Cross-account access is AssumeRole on a role whose trust
        policy names account A.
      "
    `);
  });
});

/** Plays question `q` of a fixture game with these responses (one per player) and reveals it. */
function play(s: GroupState, responses: (Response | null)[]): GroupState {
  let next = startTurns(s);
  responses.forEach((r, p) => (next = answerFor(next, p, r)));
  return next;
}

describe('the reveal', () => {
  it('splits a pair question by part, marks the right choices, and names who gave no answer', () => {
    let s = game();
    s = { ...s, index: 2, phase: 'question' };
    s = {
      ...s,
      answers: s.answers.map((row, q) => (q < 2 ? row.map(() => ({ response: null, correct: false })) : row)),
    };
    s = play(s, [
      { api: 'AssumeRole', trust: 'sts:ExternalId' },
      { api: 'AssumeRole', trust: 'SAML:aud' },
      null,
    ]);
    const text = renderReveal(plain, s, 2);
    expect(text).toContain('a) API');
    expect(text).toContain('b) trust policy');
    expect(text).toMatch(/✔ \d\) AssumeRole\s+#{7}\.{3}\s+2 {2}Ana, Ben/);
    expect(text).toMatch(/✔ \d\) sts:ExternalId\s+###\.{7}\s+1 {2}Ana/);
    expect(text).toContain('no answer: Chen');
  });

  it('shows a right answer too long for its bar row in full below the rows', () => {
    const long = 'the call fails with AccessDenied: the trust policy does not name this account';
    const questions = [{ ...Q[0]!, choices: [long, 'the call succeeds'], answer: long }];
    let s = startTurns(begin(createGroup({ questions, seed: 1 }), ['Ana', 'Ben']));
    s = answerFor(answerFor(s, 0, long), 1, 'the call succeeds');
    const text = renderReveal(plain, s, 0);
    // the row is cut to fit at 60 columns; the answer follows whole, wrapped
    expect(text).toMatch(/✔ \d\) the call fails with Ac…/);
    expect(text).toContain(
      'The answer:\n  the call fails with AccessDenied: the trust policy does\n  not name this account',
    );
    // a short right answer is not repeated
    let t = startTurns(game());
    t = answerFor(answerFor(answerFor(t, 0, 'AssumeRole'), 1, 'AssumeRole'), 2, 'AssumeRole');
    expect(renderReveal(plain, t, 0)).not.toContain('The answer:');
  });

  it('shows points gained this round and who moved up or down', () => {
    // Given Ben ahead after round 1, then Ana and Chen right and Ben wrong in round 2
    let s = play(game(), ['GetSessionToken', 'AssumeRole', 'GetSessionToken']);
    s = advance(advance(s));
    s = play(s, [['SerialNumber', 'TokenCode'], ['ExternalId'], ['SerialNumber', 'TokenCode']]);
    expect(roundResults(s, 1)).toEqual([
      { player: 'Ana', gained: 10, total: 10, rank: 1, moved: 1 },
      { player: 'Ben', gained: 0, total: 10, rank: 1, moved: 0 },
      { player: 'Chen', gained: 10, total: 10, rank: 1, moved: 1 },
    ]);
    s = advance(advance(s));
    s = play(s, [{ api: 'AssumeRole', trust: 'sts:ExternalId' }, null, null]);
    const text = renderReveal(plain, s, 2);
    expect(text).toMatch(/✔ Ana\s+\+15\s+25 pts {2}1st\n/);
    expect(text).toMatch(/– Ben\s+\+0\s+10 pts {2}2nd ↓1/);
    expect(moveMark(2)).toBe('↑2');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
  });

  it('an order question counts who put each item in its right place', () => {
    const order: BankQuestion = {
      ...Q[0]!,
      id: 'g/order',
      type: 'order',
      choices: ['one', 'two', 'three'],
      answer: ['one', 'two', 'three'],
    };
    let s = begin(createGroup({ questions: [order], seed: 1 }), ['Ana', 'Ben']);
    s = play(s, [
      ['one', 'two', 'three'],
      ['two', 'one', 'three'],
    ]);
    const text = renderReveal(plain, s, 0);
    expect(text).toContain('The order:');
    expect(text).toContain('put in the right place');
    expect(text).toMatch(/\d\) one\s+#####\.{5}\s+1 {2}Ana/);
    expect(text).toMatch(/\d\) three\s+#{10}\s+2 {2}Ana, Ben/);
  });
});

describe('the final screen', () => {
  it('puts the first three places on a podium, ties sharing a place', () => {
    const row = (player: string, rank: number, points: number) => ({
      player,
      rank,
      points,
      correct: 0,
      answered: 0,
      streak: 0,
      best: 0,
    });
    const lines = renderPodium(plain, [
      row('Ana', 1, 30),
      row('Ben', 1, 30),
      row('Chen', 3, 10),
      row('Dee', 4, 0),
    ]);
    expect(lines).toEqual(['  1st  Ana, Ben  30 pts (tie)', '  3rd  Chen  10 pts']);
  });
});

describe('the question screen on a short terminal', () => {
  it('drops topics, rules and blank lines when the full layout would not leave room for the prompt', () => {
    const s = game();
    const shown = shownChoices(Q[0]!, s.seed);
    const full = renderQuestionScreen(plain, s, shown, 40);
    const short = renderQuestionScreen(plain, s, shown, 8);
    expect(full).toContain('assume-role, cross-account');
    expect(short).toMatchInlineSnapshot(`
      "QUESTION 1 OF 3 · choose one
        Which API lets an IAM user in account A use a role in
        account B?
        1) GetFederationToken
        2) GetSessionToken
        3) AssumeRole
      "
    `);
    expect(short.trimEnd().split('\n').length).toBeLessThanOrEqual(8);
  });
});
