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
