import { describe, expect, it } from 'vitest';
import { parseHostEntry, shownChoices } from '../../src/group/entry.js';
import { mostMissed, pointsFor, standings, topicResults, whoGotIt } from '../../src/group/scoring.js';
import {
  advance,
  answerFor,
  begin,
  createGroup,
  expire,
  parsePlayers,
  playersProblem,
  startTurns,
  toggleMode,
  turnOf,
  type GroupState,
} from '../../src/group/state.js';
import { game, Q } from './fixtures.js';

const RIGHT = ['AssumeRole', ['SerialNumber', 'TokenCode'], { api: 'AssumeRole', trust: 'sts:ExternalId' }];
const WRONG = ['GetSessionToken', ['ExternalId'], { api: 'AssumeRoleWithSAML', trust: 'sts:ExternalId' }];

/** Plays every round: `plan[q][p]` true = right answer. */
function play(state: GroupState, plan: boolean[][]): GroupState {
  for (const row of plan) {
    state = startTurns(state);
    row.forEach((ok, p) => (state = answerFor(state, p, (ok ? RIGHT : WRONG)[state.index]!)));
    state = advance(advance(state));
  }
  return state;
}

describe('players', () => {
  it.each([
    [['Ana'], 'a group needs at least 2 players'],
    [['Ana', ''], 'player names cannot be empty'],
    [['Ana', 'ana'], 'player `ana` is named twice'],
    [Array.from({ length: 13 }, (_, i) => `P${i}`), 'at most 12 players can play'],
    [['Ana', 'Ben'], undefined],
  ])('%j → %s', (names, problem) => {
    expect(playersProblem(names)).toBe(problem);
  });

  it('parses --players with spaces', () => {
    expect(parsePlayers(' Ana, Ben ,Chen')).toEqual(['Ana', 'Ben', 'Chen']);
  });
});

describe('the round reducer', () => {
  it('goes setup → question → turns → reveal → scoreboard → next question', () => {
    const setup = createGroup({ questions: Q, seed: 1 });
    expect(setup.phase).toBe('setup');
    let s = begin(setup, ['Ana', 'Ben']);
    expect(s.phase).toBe('question');
    s = startTurns(s);
    expect([s.phase, turnOf(s)]).toEqual(['turns', 0]);
    s = answerFor(s, 0, 'AssumeRole');
    expect([s.phase, turnOf(s)]).toEqual(['turns', 1]);
    s = answerFor(s, 1, 'GetSessionToken');
    expect(s.phase).toBe('reveal');
    s = advance(s);
    expect(s.phase).toBe('scoreboard');
    s = advance(s);
    expect([s.phase, s.index]).toEqual(['question', 1]);
  });

  it('in hot-seat, the first seat moves on by one each question (the same seat is never always last)', () => {
    let s = startTurns(begin(createGroup({ questions: Q, seed: 1 }), ['Ana', 'Ben', 'Chen']));
    const orders: number[][] = [];
    for (let q = 0; q < 3; q++) {
      const order: number[] = [];
      for (let p = turnOf(s); p !== undefined; p = turnOf(s)) {
        order.push(p);
        s = answerFor(s, p, 'AssumeRole');
      }
      orders.push(order);
      s = advance(advance(s));
      if (s.phase === 'question') s = startTurns(s);
    }
    expect(orders).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]);
  });

  it('ends in final after the last question', () => {
    const s = play(game(['Ana', 'Ben']), [
      [true, true],
      [true, true],
      [true, true],
    ]);
    expect([s.phase, s.index]).toEqual(['final', 3]);
  });

  it('grades each answer with the quiz grader (multi: exact set, pair: both parts)', () => {
    let s = play(game(['Ana', 'Ben']), [[true, true]]);
    s = startTurns(s);
    s = answerFor(s, 0, ['TokenCode', 'SerialNumber']);
    s = answerFor(s, 1, ['SerialNumber']);
    expect(s.answers[1]!.map((a) => a?.correct)).toEqual([true, false]);
  });

  it('on expiry, whoever has not answered gets it wrong', () => {
    let s = startTurns(game());
    s = answerFor(s, 1, 'AssumeRole');
    s = expire(s);
    expect(s.phase).toBe('reveal');
    expect(s.timedOut[0]).toBe(true);
    expect(s.answers[0]).toEqual([
      { response: null, correct: false },
      { response: 'AssumeRole', correct: true },
      { response: null, correct: false },
    ]);
    expect(whoGotIt(s, 0)).toEqual(['Ben']);
  });

  it('refuses a second answer from the same player', () => {
    const s = answerFor(startTurns(game()), 0, 'AssumeRole');
    expect(() => answerFor(s, 0, 'AssumeRole')).toThrow('already answered');
  });

  it('toggles hot-seat and host entry', () => {
    expect(toggleMode(game()).mode).toBe('host');
    expect(toggleMode(toggleMode(game())).mode).toBe('hotseat');
  });
});

describe('scoring', () => {
  it.each([
    [1, 10],
    [2, 15],
    [3, 20],
    [5, 30],
    [9, 30],
  ])('a right answer in a streak of %i is worth %i', (streak, points) => {
    expect(pointsFor(streak)).toBe(points);
  });

  it('ranks by points, then right answers, sharing ranks on a tie; streaks reset on a miss', () => {
    // Ana: ✔✔✔ (10+15+20) · Ben: ✔✘✔ (10+0+10) · Chen: ✘✔✔ (0+10+15)
    const s = play(game(), [
      [true, true, false],
      [true, false, true],
      [true, true, true],
    ]);
    expect(standings(s).map((r) => [r.rank, r.player, r.points, r.correct, r.streak, r.best])).toEqual([
      [1, 'Ana', 45, 3, 3, 3],
      [2, 'Chen', 25, 2, 2, 2],
      [3, 'Ben', 20, 2, 1, 1],
    ]);
  });

  it('shares a rank when points and right answers are level', () => {
    const s = play(game(['Ana', 'Ben']), [[false, false]]);
    expect(standings(s).map((r) => r.rank)).toEqual([1, 1]);
  });

  it('counts only rounds everyone has answered', () => {
    const s = answerFor(startTurns(game()), 0, 'AssumeRole');
    expect(standings(s).map((r) => r.points)).toEqual([0, 0, 0]);
  });

  it('gives per-topic results and the questions most of the group missed', () => {
    const s = play(game(), [
      [true, false, false],
      [true, true, true],
      [false, false, true],
    ]);
    expect(topicResults(s)).toEqual([
      {
        topic: 'assume-role',
        scores: [
          { correct: 1, asked: 1 },
          { correct: 0, asked: 1 },
          { correct: 0, asked: 1 },
        ],
      },
      {
        topic: 'cross-account',
        scores: [
          { correct: 1, asked: 2 },
          { correct: 0, asked: 2 },
          { correct: 1, asked: 2 },
        ],
      },
      {
        topic: 'mfa',
        scores: [
          { correct: 1, asked: 1 },
          { correct: 1, asked: 1 },
          { correct: 1, asked: 1 },
        ],
      },
    ]);
    expect(mostMissed(s).map((m) => [m.index, m.wrong])).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });
});

describe('host entry', () => {
  const shown = (i: number) => shownChoices(Q[i]!, 1);
  const num = (i: number, v: string) => {
    const sh = shown(i);
    return String((sh.kind === 'list' ? sh.items : []).indexOf(v) + 1);
  };

  it('reads one number per player, `-` for no answer', () => {
    const line = `${num(0, 'AssumeRole')}, - ${num(0, 'GetFederationToken')}`;
    expect(parseHostEntry(Q[0]!, shown(0), line, ['Ana', 'Ben', 'Cy'])).toEqual({
      ok: ['AssumeRole', null, 'GetFederationToken'],
    });
  });

  it('reads multi answers joined with + and pair answers as api/condition', () => {
    const multi = `${num(1, 'SerialNumber')}+${num(1, 'TokenCode')} ${num(1, 'ExternalId')}`;
    expect(parseHostEntry(Q[1]!, shown(1), multi, ['Ana', 'Ben'])).toEqual({
      ok: [expect.arrayContaining(['SerialNumber', 'TokenCode']), ['ExternalId']],
    });
    const sh = shown(2);
    if (sh.kind !== 'pair') throw new Error('pair expected');
    const line = `${sh.api.indexOf('AssumeRole') + 1}/${sh.trust.indexOf('sts:ExternalId') + 1}`;
    expect(parseHostEntry(Q[2]!, sh, `${line} -`, ['Ana', 'Ben'])).toEqual({
      ok: [{ api: 'AssumeRole', trust: 'sts:ExternalId' }, null],
    });
  });

  it.each([
    ['1 2', 3, 'give 3 answers, one per player (`-` for none); got 2'],
    ['1 9 2', 3, 'for Ben, `9`: one number each, e.g. `2`, from 1 to 3'],
    ['x 1 2', 3, 'for Ana, `x`: one number each, e.g. `2`, from 1 to 3'],
    ['x', 1, '`x`: one number each, e.g. `2`, from 1 to 3'],
  ])('rejects %j for %i players, naming whose answer it is', (line, n, error) => {
    const names = ['Ana', 'Ben', 'Cy'].slice(0, n);
    expect(parseHostEntry(Q[0]!, shown(0), line, names)).toEqual({ error });
  });

  it('says which number of a pair answer is out of range', () => {
    const sh = shown(2);
    if (sh.kind !== 'pair') throw new Error('pair expected');
    expect(parseHostEntry(Q[2]!, sh, '1/9', ['Ana'])).toEqual({
      error: `\`1/9\`: the condition number is 1 to ${sh.trust.length}, not 9`,
    });
    expect(parseHostEntry(Q[2]!, sh, '9/1', ['Ana'])).toEqual({
      error: `\`9/1\`: the API number is 1 to ${sh.api.length}, not 9`,
    });
  });

  it('rejects a number given twice in a multi answer', () => {
    expect(parseHostEntry(Q[1]!, shown(1), '1+1', ['Ana'])).toEqual({
      error: '`1+1`: a number is given twice',
    });
  });
});
