/**
 * Where `group --export` writes: checked before the session starts (and again on `--resume`, for
 * the path the session file stored), so a long session never ends in a failed or destructive
 * write; written atomically (temp file + rename) so a crash never leaves half a summary.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file.js';
import { exportFormat } from './export.js';
import { GROUP_MSG } from './messages.js';

export const EXPORT_MSG = {
  badFormat: GROUP_MSG.badExport,
  badFormatHint: 'e.g. `--export group.md` or `--export group.json`',
  exists: (file: string) => `\`${file}\` already exists: the summary would replace it`,
  existsHint: 'choose another file name, or add `--force` to replace it',
  isFolder: (file: string) => `\`${file}\` is a folder: \`--export\` needs a file name`,
  noFolder: (dir: string) => `cannot write the summary: the folder \`${dir}\` does not exist`,
  notWritable: (dir: string) => `cannot write the summary: the folder \`${dir}\` is not writable`,
  failed: (file: string, why: string) => `the summary could not be written to \`${file}\`: ${why}`,
  recover: (file: string) =>
    `the session is kept: \`sts-trainer group --resume --export ${file}\` writes the summary again`,
} as const;

/**
 * Why `file` cannot take the summary, or undefined when it can (`force`: replacing it is fine).
 * `shown` is the path as the user typed it, for the messages.
 */
export function exportProblem(
  file: string,
  force: boolean,
  shown = file,
): { message: string; hint?: string } | undefined {
  if (!exportFormat(file)) return { message: EXPORT_MSG.badFormat(shown), hint: EXPORT_MSG.badFormatHint };
  const dir = dirname(file);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    return { message: EXPORT_MSG.noFolder(dir) };
  }
  if (!dirStat.isDirectory()) return { message: EXPORT_MSG.noFolder(dir) };
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return { message: EXPORT_MSG.notWritable(dir) };
  }
  let existing;
  try {
    existing = statSync(file);
  } catch {
    return undefined; // no file there yet: fine
  }
  if (existing.isDirectory()) return { message: EXPORT_MSG.isFolder(shown) };
  if (!force) return { message: EXPORT_MSG.exists(shown), hint: EXPORT_MSG.existsHint };
  return undefined;
}

/** Writes the summary next to its final place, then renames it over (never half a file). */
export async function writeExport(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { fix: 'choose another file with --export PATH' });
}
