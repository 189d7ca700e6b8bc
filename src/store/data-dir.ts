/**
 * The data folder must be usable before a command asks anything: a folder that is a file, that
 * cannot be created (HOME missing or read-only) or that cannot be written is one line naming the
 * path and what to do, exit 1 — not a failed write after the learner's first answer.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { SetupError } from '../errors.js';
import { resolveDataDir } from './progress-store.js';

const FIX = 'choose another folder with --data-dir DIR (or STS_TRAINER_HOME)';

/** The resolved data folder, created if needed; throws SetupError when it cannot be used. */
export function usableDataDir(ctx: Parameters<typeof resolveDataDir>[0]): string {
  const dir = resolveDataDir(ctx);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'it, or a folder above it, is a file'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'no permission to create it'
          : `cannot create it (${code ?? String(e)})`;
    throw new SetupError(`cannot keep progress in \`${dir}\`: ${why}; ${FIX}`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new SetupError(`cannot keep progress in \`${dir}\`: it is a file; ${FIX}`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new SetupError(`cannot keep progress in \`${dir}\`: the folder is read-only; ${FIX}`);
  }
  return dir;
}
