/**
 * The data folder must be usable before a command asks anything: a folder that is a file, that
 * cannot be created (HOME missing or read-only) or that cannot be written is one line naming the
 * path and what to do, exit 1 — not a failed write after the learner's first answer.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SetupError } from '../errors.js';
import { makeFolders } from './folders.js';
import { resolveDataDir } from './progress-store.js';

const FIX = 'choose another folder with --data-dir DIR (or STS_TRAINER_HOME)';
const A_FILE = 'it, or a folder above it, is a file';

/** Why the folder cannot be made or looked at, from the error. */
function whyNot(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return A_FILE;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no permission to create it';
  return `cannot create it (${code ?? String(e)})`;
}

const cannot = (dir: string, why: string) =>
  new SetupError(`cannot keep progress in \`${dir}\`: ${why}; ${FIX}`);

/**
 * Whether the nearest existing folder above `dir` is a file (`/dev/null/home/…`). Node 20's stat
 * throws ENOTDIR for such a path; Node 22 and later report it as missing.
 */
function underAFile(dir: string): boolean {
  for (let d = dirname(resolve(dir)); ; d = dirname(d)) {
    const st = statSync(d, { throwIfNoEntry: false });
    if (st) return !st.isDirectory();
    if (dirname(d) === d) return false;
  }
}

/**
 * The resolved data folder, created if needed; throws SetupError when it cannot be used. A command
 * that only reads (`progress`, learn's handout) passes `write: false`: a read-only folder, or none
 * yet, is fine for it (progress on a mounted backup can still be looked at).
 */
export function usableDataDir(
  ctx: Parameters<typeof resolveDataDir>[0],
  { write = true }: { write?: boolean } = {},
): string {
  const dir = resolveDataDir(ctx);
  if (!write) {
    let folder: boolean | undefined;
    try {
      folder = statSync(dir, { throwIfNoEntry: false })?.isDirectory();
    } catch (e) {
      throw cannot(dir, whyNot(e));
    }
    if (folder === false || (folder === undefined && underAFile(dir))) throw cannot(dir, A_FILE);
    return dir;
  }
  try {
    makeFolders(dir);
  } catch (e) {
    throw cannot(dir, whyNot(e));
  }
  if (!statSync(dir).isDirectory()) throw cannot(dir, A_FILE);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw cannot(dir, 'the folder is read-only');
  }
  return dir;
}
