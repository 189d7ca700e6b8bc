import { describe, expect, it } from 'vitest';
import type { Question, Quiz, Scenario } from '../../src/content/schema.js';
import { fromAuthored } from '../../src/quiz/authored.js';
import { grade, type BankQuestion } from '../../src/quiz/question.js';
import { builtIn } from './helpers.js';

const base = { refs: [], topics: ['t'], exam: [], origin: 'authored' as const };
const single: BankQuestion = {
  ...base,
  id: 'q/single',
  type: 'single',
  prompt: 'p',
  choices: ['a', 'b', 'c'],
  answer: 'b',
};
const multi: BankQuestion = {
  ...base,
  id: 'q/multi',
  type: 'multi',
  prompt: 'p',
  choices: ['a', 'b', 'c'],
  answer: ['a', 'c'],
};
const order: BankQuestion = {
  ...base,
  id: 'q/order',
  type: 'order',
  prompt: 'p',
  choices: ['x', 'y', 'z'],
  answer: ['y', 'x', 'z'],
};
const pair: BankQuestion = {
  ...base,
  id: 'q/pair',
  type: 'pair',
  prompt: 'p',
  choices: [],
  answer: '',
  pair: {
    api: { choices: ['AssumeRole', 'GetSessionToken'], answer: 'AssumeRole' },
    trust: { choices: ['ExternalId', 'MFA'], answer: 'ExternalId' },
  },
};

describe('grading', () => {
  it.each([
    ['single right', single, 'b', true],
    ['single wrong', single, 'a', false],
    ['single given a list', single, ['b'], false],
    ['multi exact set, any order', multi, ['c', 'a'], true],
    ['multi missing one', multi, ['a'], false],
    ['multi one too many', multi, ['a', 'b', 'c'], false],
    ['multi duplicate does not stand in for a missing one', multi, ['a', 'a'], false],
    ['order exact', order, ['y', 'x', 'z'], true],
    ['order swapped', order, ['x', 'y', 'z'], false],
    ['order incomplete', order, ['y', 'x'], false],
    ['pair both right', pair, { api: 'AssumeRole', trust: 'ExternalId' }, true],
    ['pair API wrong', pair, { api: 'GetSessionToken', trust: 'ExternalId' }, false],
    ['pair trust wrong', pair, { api: 'AssumeRole', trust: 'MFA' }, false],
  ] as const)('%s', (_name, q, response, expected) => {
    expect(grade(q, response as never)).toBe(expected);
  });
});

describe('authored outcome questions are graded by the engine', () => {
  const quiz: Quiz = { id: 'mine', title: 'Mine', questions: [] };

  it('replays `$STEP` callers and takes the engine’s code as the answer', async () => {
    // Given the built-in role-chaining scenario and a chained call for two hours
    const { library } = await builtIn();
    const scenarios = new Map<string, Scenario>(library.scenarios.map((s) => [s.scenario.id, s.scenario]));
    const chain = scenarios.get('role-chaining')!.steps.find((s) => s.id === 'chain')!;
    const q: Question = {
      id: 'two-hours',
      type: 'outcome',
      scenario: 'role-chaining',
      prompt: 'Chained for two hours?',
      call: { ...chain.call!, params: { ...chain.call!.params, DurationSeconds: 7200 } },
    };
    // When it becomes a bank question
    const bq = fromAuthored(quiz, q, scenarios)!;
    // Then the engine decided: role chaining caps the session at one hour
    expect(bq.id).toBe('mine/two-hours');
    expect(bq.answer).toBe('ValidationError');
    expect(bq.choices).toContain('ValidationError');
    expect(bq.choices).toContain('success');
    expect(grade(bq, 'ValidationError')).toBe(true);
    expect(grade(bq, 'success')).toBe(false);
    expect(grade(bq, 'AccessDenied')).toBe(false);
  });

  it('adds the engine’s answer when the author’s choices miss it', async () => {
    const { library } = await builtIn();
    const scenarios = new Map<string, Scenario>(library.scenarios.map((s) => [s.scenario.id, s.scenario]));
    const step = scenarios.get('role-chaining')!.steps.find((s) => s.id === 'chain')!;
    const q: Question = {
      id: 'ok',
      type: 'outcome',
      scenario: 'role-chaining',
      prompt: 'Does the one-hour chain work?',
      call: step.call!,
      choices: ['AccessDenied', 'ExpiredToken'],
    };
    const bq = fromAuthored(quiz, q, scenarios)!;
    expect(bq.answer).toBe('success');
    expect(bq.choices).toEqual(['AccessDenied', 'ExpiredToken', 'success']);
  });
});
