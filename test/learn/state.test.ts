import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/content/schema.js';
import * as S from '../../src/learn/state.js';

const scenario = {
  id: 'tiny',
  title: 'Tiny',
  world: {},
  steps: [
    { id: 'a', call: { api: 'GetCallerIdentity', as: 'user/u' } },
    {
      id: 'b',
      advance: '1h',
      checkpoint: { type: 'single', prompt: 'Q?', choices: ['x', 'y'], answer: 'x', explain: 'because' },
    },
    { id: 'c', call: { api: 'GetCallerIdentity', as: 'user/u' } },
  ],
  whatIf: [{ id: 'w', step: 'a', change: {}, expect: { outcome: 'success' } }],
} as unknown as Scenario;

describe('walkthrough reducer', () => {
  it('walks intro → steps → checkpoint → what-ifs → takeaways → done', () => {
    let s = S.start(scenario);
    expect(s).toMatchObject({ phase: 'intro', step: 0, stepCount: 3 });
    s = S.begin(s);
    expect(s).toMatchObject({ phase: 'step', step: 0 });
    s = S.stepShown(s, scenario);
    expect(s).toMatchObject({ phase: 'step', step: 1 });
    s = S.stepShown(s, scenario);
    expect(s.phase).toBe('checkpoint');
    const { state, feedback } = S.answerCheckpoint(s, scenario, 'y');
    expect(feedback).toEqual({
      correct: false,
      expected: 'x',
      explain: 'because',
      questionId: 'learn/tiny/b',
    });
    expect(state).toMatchObject({ phase: 'step', step: 2, checkpoints: { b: false } });
    s = S.stepShown(state, scenario);
    expect(s).toMatchObject({ phase: 'what-ifs', step: 3 });
    expect(S.mainPathDone(s)).toBe(true);
    s = S.whatIfSeen(S.whatIfSeen(s, 'w'), 'w');
    expect(s.whatIfsSeen).toEqual(['w']);
    s = S.toTakeaways(s);
    expect(s.phase).toBe('takeaways');
    expect(S.finish(s).phase).toBe('done');
  });

  it('goes straight to the takeaways when there are no what-ifs', () => {
    const plain = { ...scenario, whatIf: undefined, steps: scenario.steps.slice(0, 1) } as Scenario;
    const s = S.stepShown(S.begin(S.start(plain)), plain);
    expect(s.phase).toBe('takeaways');
  });

  it('resumes at a saved step and clamps positions out of range', () => {
    expect(S.begin(S.start(scenario, 2))).toMatchObject({ phase: 'step', step: 2 });
    expect(S.resumePosition(S.start(scenario, 2))).toBe(2);
    expect(S.begin(S.start(scenario, 99))).toMatchObject({ phase: 'what-ifs', step: 3 });
    expect(S.start(scenario, -4).step).toBe(0);
  });

  it('does not ask a checkpoint twice', () => {
    const s = { ...S.begin(S.start(scenario, 1)), checkpoints: { b: true } };
    expect(S.stepShown(s, scenario)).toMatchObject({ phase: 'step', step: 2 });
  });

  it.each([
    ['single', 'x', 'x', true],
    ['single', 'x', 'y', false],
    ['multi', ['a', 'b'], ['b', 'a'], true],
    ['multi', ['a', 'b'], ['a'], false],
    ['multi', ['a', 'b'], ['a', 'b', 'c'], false],
    ['order', ['a', 'b', 'c'], ['a', 'b', 'c'], true],
    ['order', ['a', 'b', 'c'], ['b', 'a', 'c'], false],
  ] as const)('grades a %s checkpoint (%j given %j → %s)', (type, answer, given, ok) => {
    const cp = { type, prompt: 'p', choices: ['a', 'b', 'c', 'x', 'y'], answer: answer as string | string[] };
    expect(S.isCorrect(cp, given as string | string[])).toBe(ok);
  });

  it('refuses to grade a step without a checkpoint', () => {
    expect(() => S.answerCheckpoint(S.begin(S.start(scenario)), scenario, 'x')).toThrow(/no checkpoint/);
  });
});
