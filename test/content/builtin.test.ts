/**
 * A fixture is a test: every built-in scenario and quiz file is its own case, so a failure names its
 * file. Each must pass `validate` cleanly — schema, cross-references, every step `expect` and what-if on
 * the engine, and no warnings.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/content/cross-check.js';
import { formatProblem } from '../../src/content/parse.js';
import { builtInDirs, contentFiles, packageRoot } from '../../src/content/walk.js';

const root = packageRoot();
const files = builtInDirs().flatMap((dir) => contentFiles(dir));
const report = validateFiles(files, [], root);
const byFile = new Map(report.files.map((f) => [relative(root, f.parsed.file), f]));

describe('built-in content', () => {
  it('has scenarios and quizzes to check', () => {
    expect([...byFile.keys()].filter((f) => f.startsWith('scenarios/')).length).toBeGreaterThanOrEqual(16);
    expect([...byFile.keys()].filter((f) => f.startsWith('quizzes/')).length).toBeGreaterThanOrEqual(15);
  });

  it.each([...byFile.keys()])('%s validates cleanly on the engine', (file) => {
    const r = byFile.get(file)!;
    const problems = [...r.parsed.errors, ...r.parsed.warnings].map((p) => formatProblem(file, p));
    const failed = r.checks.filter((c) => !c.ok).map((c) => ({ id: c.id, mismatches: c.mismatches }));
    expect(problems).toEqual([]);
    expect(failed).toEqual([]);
  });
});
