/**
 * A world's problems are data: a code with its values, the path into the world, a severity. The
 * sentences are tested where they are built (test/content/problem-text.test.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import { WORLD_PROBLEM_CASES } from './world-problem-cases.js';

describe('world problems are codes with their values', () => {
  it.each(WORLD_PROBLEM_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // Given a world with one thing wrong, When the engine is built, Then that one problem is reported
    expect(createEngine(c.world).problems).toStrictEqual([c.problem]);
  });

  it('a problem carries no sentence', () => {
    for (const c of WORLD_PROBLEM_CASES) {
      for (const p of createEngine(c.world).problems) {
        expect(p).not.toHaveProperty('message');
        expect(p).not.toHaveProperty('hint');
      }
    }
  });
});

describe('the clock starts from 1970 to the end of 9999', () => {
  it.each(['1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])('%s is a start', (start) => {
    // Given a world starting on either bound, When the engine is built, Then it has no problem and its clock is there
    const engine = createEngine({ accounts: [{ id: '111111111111' }], start });
    expect(engine.problems).toStrictEqual([]);
    expect(Date.parse(engine.now())).toBe(Date.parse(start));
  });
});
