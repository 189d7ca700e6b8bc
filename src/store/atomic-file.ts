/**
 * Every file sts-trainer keeps for the learner (progress, a group's session, a saved exam, a group's
 * export) is written whole or not at all: a temp file next to the target, flushed to the disk, then
 * renamed over it, so a crash, Ctrl-C or power cut leaves the old file or the new one. A write that
 * fails because of the disk or the folder (full, read-only, no permission) removes its temp file and
 * is a SetupError naming the file and what to do, not an internal error.
 */
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SetupError } from '../errors.js';
import { makeFolders } from './folders.js';

/** Each way the disk or the folder refuses a write, and whether freeing space would help. */
const WHY: Record<string, [why: string, space: boolean]> = {
  ENOSPC: ['no space left on the disk', true],
  EDQUOT: ['the disk quota is used up', true],
  EROFS: ['the folder is read-only', false],
  EACCES: ['permission denied', false],
  EPERM: ['permission denied', false],
  // a folder on the way that the file system will not create (under /proc), or that is a file
  ENOENT: ['its folder cannot be created', false],
  ENOTDIR: ['a part of the path is a file, not a folder', false],
};

/** For files in the data folder: where else they can go. */
export const DATA_DIR_FIX = 'choose another folder with --data-dir DIR (or STS_TRAINER_HOME)';

/**
 * `e` as the learner should see it: a SetupError naming the file, why and `fix` when the disk or the
 * folder refused the write; anything else unchanged (a bug stays an internal error).
 */
export function saveError(file: string, e: unknown, fix = DATA_DIR_FIX): unknown {
  const known = WHY[(e as NodeJS.ErrnoException | undefined)?.code ?? ''];
  if (!known) return e;
  const [why, space] = known;
  return new SetupError(`cannot save \`${file}\`: ${why}; ${space ? `free some space, or ${fix}` : fix}`);
}

/** The temp file for `file`: a name that sweepers can match (`NAME.PID.RANDOM.tmp`). */
export const tempName = (file: string) => `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;

export async function writeFileAtomic(
  file: string,
  text: string,
  options: {
    mode?: number;
    fix?: string;
    /** Flush to the disk before the rename (default); files made anew on every run may skip it. */
    sync?: boolean;
  } = {},
): Promise<void> {
  const tmp = tempName(file);
  try {
    makeFolders(dirname(file));
    const handle = await open(tmp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(text);
      if (options.sync !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await renameOver(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw saveError(file, e, options.fix);
  }
}

/** Windows refuses to replace a file another process has open for a moment (a reader): retry briefly. */
async function renameOver(tmp: string, file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(tmp, file);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') && attempt < 10) {
        await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
        continue;
      }
      throw e;
    }
  }
}
