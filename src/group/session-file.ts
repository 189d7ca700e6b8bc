/**
 * The resume file `<dataDir>/group-session.json`: the whole GroupState,
 * written atomically (temp file + rename) after every answer and round.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { SetupError } from '../errors.js';
import { writeFileAtomic } from '../store/atomic-file.js';
import { sessionProblem } from './session-schema.js';
import type { GroupState } from './state.js';
import { jsonMayHoldUnsafe, sanitizeDeep } from '../ui/sanitize.js';

export const SESSION_FILE = 'group-session.json';

export function sessionPath(dataDir: string): string {
  return join(dataDir, SESSION_FILE);
}

/** A session's lock older than this is stale: its holder refreshes it every half of it. */
const SESSION_LOCK_STALE_MS = 10_000;

/**
 * Holds `<dataDir>/group-session.json.lock` while a group runs, and gives its release: a second
 * `group` with the same data folder would write the same resume file, and the first group's
 * `--resume` would find the other's game. The lock is refreshed while held and released on exit
 * (proper-lockfile); one a killed process left is stale after SESSION_LOCK_STALE_MS and taken over.
 */
export async function holdSession(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(sessionPath(dataDir), {
      realpath: false, // the file may not exist yet
      stale: SESSION_LOCK_STALE_MS,
      update: SESSION_LOCK_STALE_MS / 2,
      retries: 0,
      // a laptop that slept past the stale time: the game goes on (its own file is still written)
      onCompromised: () => {},
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new SetupError(GROUP_RUNNING(dataDir));
    throw e;
  }
}

const GROUP_RUNNING = (dataDir: string) =>
  `another study group is running with the data folder \`${dataDir}\`: finish it first (Ctrl-C there ` +
  'keeps it for `group --resume`), or give this one a folder of its own with --data-dir';

/** Writes the state so a crash or Ctrl-C at any moment leaves either the old or the new file, whole. */
export async function saveSession(dataDir: string, state: GroupState): Promise<void> {
  await writeFileAtomic(sessionPath(dataDir), `${JSON.stringify(state)}\n`);
}

/** A readable, current-version session, or why not. */
export function parseSession(text: string): GroupState | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  // names typed at a prompt, and a hand-edited file, may carry escape sequences: shown escaped
  if (jsonMayHoldUnsafe(text)) data = sanitizeDeep(data);
  const s = data as Partial<GroupState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1)
    return 'it was written by another version of sts-trainer';
  const problem = sessionProblem(s);
  if (problem) return `it is damaged: ${problem}`;
  return s as GroupState;
}

/** The saved session; undefined when there is none; a message when it cannot be used. */
export async function loadSession(dataDir: string): Promise<GroupState | { problem: string } | undefined> {
  let text: string;
  try {
    text = await readFile(sessionPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const parsed = parseSession(text);
  return typeof parsed === 'string' ? { problem: parsed } : parsed;
}

/** Forgets the saved session (the game ended). */
export async function clearSession(dataDir: string): Promise<void> {
  await rm(sessionPath(dataDir), { force: true });
}
