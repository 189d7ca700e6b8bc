import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { builtInSummaries, type ListIndex } from '../../src/content/list-index.js';
import { packageRoot } from '../../src/content/walk.js';
import { listing, summariesOf } from '../../src/cli/commands/list.js';

// dist/list-index.json is written by the build (test/global-setup.ts builds before the suite runs).
const ROOT = packageRoot();

/**
 * A copy of the package's built-in content and its index. A copy's modification times are not the
 * originals' to the nanosecond: the copied index records the copies' times, as a build there would.
 */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sts-list-index-'));
  for (const sub of ['scenarios', 'quizzes', 'dist/list-index.json'])
    cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  const file = join(dir, 'dist', 'list-index.json');
  const index = JSON.parse(readFileSync(file, 'utf8')) as ListIndex;
  for (const entry of index.files) entry.mtimeMs = statSync(join(dir, entry.path)).mtimeMs;
  writeFileSync(file, JSON.stringify(index));
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the build-time list index', () => {
  it('lists exactly what loading every built-in file lists', async () => {
    const fromIndex = builtInSummaries(ROOT);
    expect(fromIndex).toBeDefined();
    const library = await loadLibrary({ contentDirs: [], cwd: ROOT });
    expect(listing(fromIndex!)).toEqual(listing(summariesOf(library)));
    expect(fromIndex!.length).toBe(library.scenarios.length + library.quizzes.length);
  });

  it('is used while every file is as it was at build time', () => {
    const dir = copyOfPackage();
    dirs.push(dir);
    expect(builtInSummaries(dir, dir)?.map((s) => s.file)).toEqual(
      builtInSummaries(ROOT)?.map((s) => s.file),
    );
  });

  it('is not used once a file changed, or a file was added', () => {
    const edited = copyOfPackage();
    const added = copyOfPackage();
    dirs.push(edited, added);
    appendFileSync(join(edited, 'scenarios', 'cross-account-assume-role.yaml'), '\n# edited\n');
    expect(builtInSummaries(edited, edited)).toBeUndefined();
    writeFileSync(join(added, 'quizzes', 'zz-new.yaml'), 'id: zz-new\n');
    expect(builtInSummaries(added, added)).toBeUndefined();
  });
});
