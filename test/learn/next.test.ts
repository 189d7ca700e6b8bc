import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { nextPlan, streak } from '../../src/learn/next.js';
import { nextLines } from '../../src/learn/next-render.js';
import { pathOrder } from '../../src/learn/pick.js';
import { emptyProgress, type AnswerRecord } from '../../src/store/types.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const now = new Date(2026, 2, 10, 12); // local noon
const daysAgo = (n: number) => new Date(2026, 2, 10 - n, 9).toISOString();
const answer = (topic: string, correct: boolean, at = daysAgo(0)): AnswerRecord => ({
  questionId: `q/${topic}/${Math.random()}`,
  correct,
  at,
  topics: [topic],
  source: 'quiz',
});

describe('next', () => {
  it('a new learner: nothing to continue, nothing due, the first scenario on the path', () => {
    const plan = nextPlan(library, emptyProgress(), now);
    expect(plan.resume).toBeUndefined();
    expect(plan.due).toBe(0);
    expect(plan.suggestion).toMatchObject({ id: pathOrder(library)[0]!.id, why: { kind: 'path' } });
    expect(nextLines(plan).join('\n')).toContain('0 due for review · streak 0 days · 0 of');
  });

  it('continues the scenario left most recently, at its step or at the what-ifs', () => {
    const data = emptyProgress();
    data.scenarios['role-chaining'] = {
      completed: false,
      position: 3,
      stage: 'steps',
      updatedAt: daysAgo(2),
    };
    data.scenarios['saml-federation'] = { completed: true, stage: 'what-ifs', updatedAt: daysAgo(1) };
    const plan = nextPlan(library, data, now);
    expect(plan.resume).toMatchObject({ id: 'saml-federation', whatIfs: true });
    delete data.scenarios['saml-federation'];
    const again = nextLines(nextPlan(library, data, now)).join('\n');
    expect(again).toContain('Continue role-chaining at step 4 of');
  });

  it('does not continue at a step the scenario no longer has (its content lost steps)', () => {
    const data = emptyProgress();
    const steps = library.scenarioById.get('role-chaining')!.scenario.steps.length;
    data.scenarios['role-chaining'] = { completed: false, position: steps, updatedAt: daysAgo(1) };
    expect(nextPlan(library, data, now).resume).toBeUndefined();
    data.scenarios['role-chaining'].position = steps - 1;
    expect(nextLines(nextPlan(library, data, now)).join('\n')).toContain(
      `Continue role-chaining at step ${steps} of ${steps}`,
    );
  });

  it('suggests a scenario for the weakest topic and counts what is due', () => {
    const data = emptyProgress();
    data.answers.push(
      answer('saml', false),
      answer('saml', false),
      answer('saml', false),
      answer('saml', true),
    );
    data.answers.push(answer('assume-role', true), answer('assume-role', true), answer('assume-role', true));
    // a card as the store keeps it (store/cards.ts readCard)
    const card = { stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0 };
    const review = { ...card, reps: 1, lapses: 0, state: 2 };
    data.cards['x'] = { due: daysAgo(1), ...review };
    data.cards['y'] = { due: new Date(2026, 2, 20).toISOString(), ...review };
    const plan = nextPlan(library, data, now);
    expect(plan.due).toBe(1);
    expect(plan.suggestion?.why).toEqual({ kind: 'weak', topic: 'saml', missed: 3, answered: 4 });
    const s = library.scenarioById.get(plan.suggestion!.id)!.scenario;
    expect(s.topics).toContain('saml');
    expect(nextLines(plan).join('\n')).toContain('you missed 3 of 4 saml questions');
  });

  it('counts a streak of days in a row, alive until a day is missed', () => {
    const data = emptyProgress();
    data.answers.push(
      answer('x', true, daysAgo(1)),
      answer('x', true, daysAgo(2)),
      answer('x', true, daysAgo(4)),
    );
    expect(streak(data, now)).toBe(2); // yesterday and the day before; today not yet
    data.answers.push(answer('x', false, daysAgo(0)));
    expect(streak(data, now)).toBe(3);
  });
});
