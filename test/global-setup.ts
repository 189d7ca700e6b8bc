import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder (source files only). */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(join(entry.parentPath, entry.name)).mtimeMs;
    if (mtime > max) max = mtime;
  }
  return max;
}

/**
 * The CLI tests run the built binary: rebuild the bundle when any source or
 * built-in content file is newer than it, so they never test stale code (and
 * concurrent runs on an up-to-date tree do not rebuild under each other).
 */
export default function setup(): void {
  let built: number;
  try {
    built = Math.min(
      statSync('dist/cli.js').mtimeMs,
      statSync('dist/content.json').mtimeMs,
      statSync('dist/list-index.json').mtimeMs,
    );
  } catch {
    built = 0;
  }
  const sources = Math.max(
    newest('src'),
    newest('scenarios'),
    newest('quizzes'),
    statSync('scripts/build.mjs').mtimeMs,
  );
  if (built > sources) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--no-types'], { stdio: 'inherit' });
}
