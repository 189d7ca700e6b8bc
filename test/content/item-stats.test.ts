// validate's item statistics: how often the right answer is the longest choice, and where it sits
// (docs/authoring.md, "Writing fair items"), through the content loader.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/content/cross-check.js';
import { chooseCount } from '../../src/content/item-stats.js';
import { sourceFiles } from '../../src/content/library.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = 'test/fixtures/content/items/giveaway-quiz.yaml';

describe('item statistics in validate', () => {
  it('counts single answers and pair parts, not multi or order; equal length is not "longest"', () => {
    const report = validateFiles([FIXTURE], [], ROOT);
    const { questions, checkpoints } = report.files[0]!.items;
    // long-answer-first (position 1, longest), fair-third (3), pair api (2), pair trust (1, tied length).
    expect(questions).toMatchObject({ items: 4, longest: 1, positions: [2, 1, 1, 0] });
    expect(questions.chanceLongest).toBeCloseTo(1 / 4 + 1 / 4 + 1 / 3 + 1 / 3);
    expect(checkpoints.items).toBe(0);
    expect(report.items.questions).toEqual(questions);
  });

  it('warns at the answer of each item whose right answers are all 1.5x longer than every distractor', () => {
    const report = validateFiles([FIXTURE], [], ROOT);
    const giveaways = report.files[0]!.parsed.warnings.filter((w) => w.message.includes('1.5x longer'));
    expect(giveaways.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [13, 'question `long-answer-first`'],
      [30, 'question `multi-giveaway`'],
    ]);
    expect(giveaways.every((w) => w.severity === 'warning' && w.hint?.includes('explain'))).toBe(true);
  });

  it('warns at the prompt of a multi question whose "(Choose N.)" does not match its answers', () => {
    const report = validateFiles([FIXTURE], [], ROOT);
    const choose = report.files[0]!.parsed.warnings.filter((w) => w.message.includes('Choose'));
    expect(choose.map((w) => [w.line, w.message])).toEqual([
      [46, 'question `choose-three-two-answers`: the prompt says "Choose 3" but 2 choices are right'],
    ]);
    expect(chooseCount('Which? (Choose two.)')).toBe(2);
    expect(chooseCount('Which? (choose 4)')).toBe(4);
    expect(chooseCount('Which one is right?')).toBeUndefined();
  });

  it('the built-in bank meets the targets: answer strictly longest in at most 30%, positions spread', () => {
    const report = validateFiles(sourceFiles([], ROOT), [], ROOT);
    for (const group of [report.items.questions, report.items.checkpoints]) {
      expect(group.items).toBeGreaterThan(20);
      expect(group.longest / group.items).toBeLessThanOrEqual(0.3);
      // Four-choice items dominate: each of the first four positions holds 15–35% of the answers.
      for (const n of group.positions.slice(0, 4)) expect(n / group.items).toBeGreaterThan(0.15);
      for (const n of group.positions) expect(n / group.items).toBeLessThan(0.35);
    }
    const giveaways = report.files.flatMap((f) =>
      f.parsed.warnings
        .filter((w) => w.message.includes('1.5x longer'))
        .map((w) => `${f.parsed.file}:${w.line}`),
    );
    expect(giveaways).toEqual([]);
  });
});
