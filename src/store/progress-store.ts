/**
 * The progress store: `<data dir>/progress.json`. Every write happens under a
 * lock (proper-lockfile), re-reads the file, applies one change and replaces
 * the file atomically (temp file + rename), so two terminals answering at the
 * same time lose nothing and a crash never leaves half a file. A file that
 * cannot be read is moved aside with a warning and the learner starts fresh.
 */
import { constants } from 'node:fs';
import { access, copyFile, lstat, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import envPaths from 'env-paths';
import lockfile from 'proper-lockfile';
import { SetupError } from '../errors.js';
import { saveError, writeFileAtomic } from './atomic-file.js';
import { makeFolders } from './folders.js';
import { readCard, schedule } from './cards.js';
import {
  emptyProgress,
  PROGRESS_VERSION,
  type AnswerRecord,
  type Attempt,
  type ProgressData,
  type ScenarioProgress,
} from './types.js';

export interface ProgressStore {
  readonly file: string; // <dataDir>/progress.json
  read(): Promise<ProgressData>; // a missing file = empty progress; a corrupt one is moved aside with a warning
  recordAnswer(rec: AnswerRecord): Promise<void>; // atomic (temp + rename) under a lock; re-reads and merges
  saveScenario(id: string, update: Partial<ScenarioProgress>): Promise<void>;
  /** Adds a finished session to the history (kept to the last MAX_ATTEMPTS). */
  recordAttempt(attempt: Attempt): Promise<void>;
  reset(): Promise<void>;
}

/** The progress file was written by a newer sts-trainer: refuse rather than lose data. */
export class ProgressVersionError extends Error {
  readonly exitCode = 1;
  readonly hint = 'upgrade sts-trainer (npm i -g sts-trainer@latest) to read it';
  constructor(file: string, version: unknown) {
    super(`\`${file}\` was written by a newer sts-trainer (progress version ${String(version)})`);
    this.name = 'ProgressVersionError';
  }
}

/** The progress lock cannot be taken: held by a live process for too long, or not removable. */
export class ProgressLockError extends Error {
  readonly exitCode = 1;
  constructor(
    lock: string,
    readonly hint = 'if no other sts-trainer is running, delete that folder and try again',
  ) {
    super(`the progress lock \`${lock}\` is held by another sts-trainer`);
    this.name = 'ProgressLockError';
  }
}

export const PROGRESS_FILE = 'progress.json';
/** A lock older than this is stale (its holder refreshes it every half of it, so only a dead one ages). */
const LOCK_STALE_MS = 3_000;

/** `dataDir` from ctx.dataDir, else env-paths('sts-trainer', {suffix: ''}).data (XDG_DATA_HOME/sts-trainer, …). */
export function resolveDataDir(ctx: {
  dataDir: string | undefined;
  env: Record<string, string | undefined>;
}): string {
  if (ctx.dataDir) return ctx.dataDir;
  if (ctx.env.STS_TRAINER_HOME) return ctx.env.STS_TRAINER_HOME;
  // env-paths reads process.env; honour the context's XDG_DATA_HOME too (tests, embedding).
  if (process.platform !== 'darwin' && process.platform !== 'win32' && ctx.env.XDG_DATA_HOME) {
    return join(ctx.env.XDG_DATA_HOME, 'sts-trainer');
  }
  return envPaths('sts-trainer', { suffix: '' }).data;
}

type Parsed = { ok: true; data: ProgressData; setAside: string[] } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function isAnswer(v: unknown): v is AnswerRecord {
  return (
    isObject(v) &&
    typeof v.questionId === 'string' &&
    typeof v.correct === 'boolean' &&
    typeof v.at === 'string' &&
    Array.isArray(v.topics) &&
    typeof v.source === 'string'
  );
}

/** Keeps the entries of a record map that are objects; names what it drops. */
function objectEntries(
  raw: unknown,
  name: string,
  setAside: string[],
  valid: (v: unknown) => boolean = isObject,
): Record<string, never> {
  if (!isObject(raw)) {
    if (raw !== undefined) setAside.push(`\`${name}\` (not an object)`);
    return {};
  }
  const out: Record<string, never> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (valid(v)) out[k] = v as never;
    else setAside.push(`\`${name}.${k}\``);
  }
  return out;
}

function isAttempt(v: unknown): v is Attempt {
  return (
    isObject(v) &&
    typeof v.at === 'string' &&
    typeof v.mode === 'string' &&
    typeof v.total === 'number' &&
    typeof v.correct === 'number' &&
    isObject(v.topics) &&
    Array.isArray(v.missed)
  );
}

const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isScore = (v: unknown): boolean =>
  isObject(v) && isCount(v.right) && isCount(v.total) && v.right <= v.total;

/**
 * What each field of a scenario's entry must hold (types.ts ScenarioProgress). A hand-edited
 * `"position": "2"` made `next` say "step 21 of 8"; `1.5`, "step 2.5".
 */
const SCENARIO_FIELDS: Record<string, (v: unknown) => boolean> = {
  completed: (v) => typeof v === 'boolean',
  completedAt: (v) => typeof v === 'string',
  position: isCount,
  labTasks: isStringList,
  atCheckpoint: (v) => typeof v === 'boolean',
  stage: (v) => v === 'steps' || v === 'what-ifs',
  whatIfsSeen: isStringList,
  predictions: isScore,
  checkpoints: isScore,
  updatedAt: (v) => typeof v === 'string',
};

/**
 * The scenario entries, each without the fields it holds wrongly (named in `setAside`): the rest
 * of an entry (that it was completed, where it was left) is kept. An entry that is no object goes.
 */
function scenarioEntries(raw: unknown, setAside: string[]): Record<string, ScenarioProgress> {
  const out: Record<string, ScenarioProgress> = {};
  for (const [id, entry] of Object.entries(objectEntries(raw, 'scenarios', setAside))) {
    const kept: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
    for (const [field, valid] of Object.entries(SCENARIO_FIELDS))
      if (kept[field] !== undefined && !valid(kept[field])) {
        delete kept[field];
        setAside.push(`\`scenarios.${id}.${field}\``);
      }
    kept.completed ??= false;
    out[id] = kept as unknown as ScenarioProgress;
  }
  return out;
}

/** The history keeps this many sessions. */
export const MAX_ATTEMPTS = 500;

/**
 * A progress file larger than this is not one: years of daily study add a few MiB (about 200 bytes
 * per answer), and reading a runaway file whole would take the memory the run needs.
 */
export const MAX_PROGRESS_BYTES = 64 * 2 ** 20;

/**
 * Parses and migrates a progress file, keeping every valid record: a malformed answer, card or scenario
 * entry is set aside (named in `setAside`) rather than costing the learner the rest. A UTF-8 BOM is
 * ignored and a numeric string version read as a number. Version 1 is the only one so far; a future
 * version 2 adds its step here (`if (raw.version === 1) raw = v1to2(raw)`).
 */
export function parseProgress(text: string, file: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, reason: 'not a JSON object' };
  // Without a version, a file that holds progress's own lists is read as version 1 (the only one so
  // far) rather than moved aside whole: a hand edit or a sync merge that lost the line costs nothing.
  const holdsProgress = raw.answers !== undefined || raw.cards !== undefined || raw.scenarios !== undefined;
  const version =
    raw.version === undefined && holdsProgress
      ? PROGRESS_VERSION
      : typeof raw.version === 'string' && /^\d+$/.test(raw.version)
        ? Number(raw.version)
        : raw.version;
  if (typeof version === 'number' && version > PROGRESS_VERSION)
    throw new ProgressVersionError(file, version);
  if (version === undefined)
    return { ok: false, reason: 'no `version`, and none of `answers`, `cards` or `scenarios`' };
  if (version !== PROGRESS_VERSION) return { ok: false, reason: `unknown version ${String(raw.version)}` };
  const setAside: string[] = [];
  let answers: AnswerRecord[] = [];
  if (Array.isArray(raw.answers)) {
    answers = raw.answers.filter(isAnswer);
    const bad = raw.answers.length - answers.length;
    if (bad > 0) setAside.push(`${bad} of ${raw.answers.length} answers`);
  } else if (raw.answers !== undefined) setAside.push('`answers` (not a list)');
  const data: ProgressData = {
    ...(raw as object),
    version: PROGRESS_VERSION,
    answers,
    // a card FSRS cannot schedule (cards.ts readCard) is set aside: its question starts over
    cards: objectEntries(raw.cards, 'cards', setAside, (v) => readCard(v) !== undefined),
    scenarios: scenarioEntries(raw.scenarios, setAside),
  } as ProgressData;
  // the history is optional and only informative: malformed sessions are set aside like answers
  delete data.attempts;
  if (Array.isArray(raw.attempts)) {
    data.attempts = raw.attempts.filter(isAttempt);
    const bad = raw.attempts.length - data.attempts.length;
    if (bad > 0) setAside.push(`${bad} of ${raw.attempts.length} sessions of the history`);
  } else if (raw.attempts !== undefined) setAside.push('`attempts` (not a list)');
  return { ok: true, data, setAside };
}

/** Whether a process with this pid is running (EPERM: it is, but not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export interface StoreOptions {
  /** The clock for card scheduling when a record's `at` is unusable, and for naming corrupt files. */
  now?: () => Date;
}

export function openProgress(
  dataDir: string,
  warn: (msg: string) => void,
  options: StoreOptions = {},
): ProgressStore {
  const file = join(dataDir, PROGRESS_FILE);
  const now = options.now ?? (() => new Date());

  /**
   * The file's text; undefined when there is none; or why it is no progress file at all: a folder, a
   * FIFO or a device (a FIFO would block the read until a writer came, `/dev/zero` never end) or
   * more than MAX_PROGRESS_BYTES. Opened without blocking and checked before anything is read.
   */
  async function readRaw(): Promise<string | undefined | { notAFile: string }> {
    let handle;
    try {
      handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'EISDIR') return { notAFile: 'it is a folder' };
      if (code === 'ELOOP') return { notAFile: 'it is a symbolic link that leads back to itself' };
      if (code === 'ENXIO') return { notAFile: 'it is a socket' };
      if (code === 'EACCES' || code === 'EPERM')
        throw new SetupError(
          `cannot read the progress file \`${file}\`: permission denied (use --data-dir for another folder)`,
        );
      throw e;
    }
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) return { notAFile: 'it is a folder' };
      if (!stat.isFile()) return { notAFile: 'it is not a regular file' };
      if (stat.size > MAX_PROGRESS_BYTES) {
        return {
          notAFile: `it is ${Math.round(stat.size / 2 ** 20)} MiB, more than a progress file ever holds`,
        };
      }
      try {
        return await handle.readFile('utf8');
      } catch {
        return { notAFile: 'it cannot be read as a file' };
      }
    } finally {
      await handle.close();
    }
  }

  /** Where writes go: through a symlinked progress.json to its target, so a synced file keeps syncing. */
  async function target(): Promise<string> {
    try {
      return await realpath(file);
    } catch {
      return file;
    }
  }

  /**
   * Reads under the lock. A file that cannot be read at all is moved aside; one with some bad records is
   * copied aside whole (the original kept) and rewritten with every valid record.
   */
  async function readLocked(): Promise<ProgressData> {
    const text = await readRaw();
    if (text === undefined) return emptyProgress();
    const aside = `${file}.corrupt-${stamp(now())}`;
    if (typeof text !== 'string') {
      await rename(file, aside).catch((e: unknown) => Promise.reject(saveError(aside, e)));
      warn(
        `progress file \`${file}\` could not be read (${text.notAFile}); ` +
          `moved it to \`${aside}\` and starting with empty progress`,
      );
      return emptyProgress();
    }
    const parsed = parseProgress(text, file);
    if (parsed.ok) {
      if (parsed.setAside.length === 0) return parsed.data;
      await copyFile(await target(), aside).catch((e: unknown) => Promise.reject(saveError(aside, e)));
      await write(parsed.data);
      warn(
        `progress file \`${file}\`: set aside ${parsed.setAside.join(', ')} that could not be read; ` +
          `kept everything else, and the original at \`${aside}\``,
      );
      return parsed.data;
    }
    await rename(file, aside).catch((e: unknown) => Promise.reject(saveError(aside, e)));
    warn(
      `progress file \`${file}\` could not be read (${parsed.reason}); ` +
        `moved it to \`${aside}\` and starting with empty progress`,
    );
    return emptyProgress();
  }

  let sweptTemps = false;
  /** Temp files of writers that died before their rename (kill -9) are removed, once per store. */
  async function sweepTemps(dir: string, name: string): Promise<void> {
    if (sweptTemps) return;
    sweptTemps = true;
    const mine = new RegExp(`^${name.replace(/[.]/g, '\\.')}\\.(\\d+)\\.[a-z0-9]+\\.tmp$`);
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      const pid = Number(mine.exec(entry)?.[1]);
      if (pid && pid !== process.pid && !alive(pid)) await rm(join(dir, entry), { force: true });
    }
  }

  async function write(data: ProgressData): Promise<void> {
    const dest = await target();
    await sweepTemps(dirname(dest), basename(dest));
    await writeFileAtomic(dest, `${JSON.stringify(data, null, 2)}\n`);
  }

  /**
   * A lock no live sts-trainer can hold — a plain file where the lock folder should be, or one dated in
   * the future (which proper-lockfile would never call stale) — is removed with a warning.
   */
  async function clearImpossibleLock(lock: string): Promise<void> {
    const st = await lstat(lock).catch(() => undefined);
    if (!st) return;
    const future = st.mtimeMs > now().getTime() + 60_000;
    if (st.isDirectory() && !future) return;
    try {
      await rm(lock, { recursive: true, force: true });
    } catch {
      throw new ProgressLockError(lock, 'delete it by hand (it cannot be a live lock) and try again');
    }
    warn(
      `removed an impossible progress lock \`${lock}\` (${future ? 'dated in the future' : 'not a lock folder'})`,
    );
  }

  async function withLock<T>(work: () => Promise<T>): Promise<T> {
    try {
      makeFolders(dataDir);
      // A folder made read-only since the start: say so now, not after the lock's retries (10 s).
      await access(dataDir, constants.W_OK);
    } catch (e) {
      throw saveError(file, e);
    }
    const lock = `${file}.lock`;
    await clearImpossibleLock(lock);
    // Say what is happening when the wait is long enough to notice (a second).
    const slow = setTimeout(
      () =>
        warn(`waiting for the progress lock \`${lock}\` (another sts-trainer is saving, or one was killed)…`),
      1000,
    );
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(file, {
        realpath: false, // the file may not exist yet
        stale: LOCK_STALE_MS,
        retries: { retries: 100, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
        onCompromised: (err) => warn(`progress lock lost: ${err.message}`),
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new ProgressLockError(lock);
      throw e;
    } finally {
      clearTimeout(slow);
    }
    try {
      return await work();
    } finally {
      await release();
    }
  }

  const update = (change: (data: ProgressData) => void) =>
    withLock(async () => {
      const data = await readLocked();
      change(data);
      await write(data);
    });

  return {
    file,
    async read() {
      const text = await readRaw();
      if (text === undefined) return emptyProgress();
      if (typeof text !== 'string') return withLock(readLocked);
      const parsed = parseProgress(text, file);
      if (parsed.ok && parsed.setAside.length === 0) return parsed.data;
      return withLock(readLocked);
    },
    recordAnswer(rec) {
      return update((data) => {
        data.answers.push(rec);
        const at = Number.isNaN(Date.parse(rec.at)) ? now() : new Date(rec.at);
        data.cards[rec.questionId] = schedule(data.cards[rec.questionId], rec.correct, at);
      });
    },
    saveScenario(id, change) {
      return update((data) => {
        const before = data.scenarios[id] ?? { completed: false };
        data.scenarios[id] = { ...before, ...change, completed: change.completed ?? before.completed };
      });
    },
    recordAttempt(attempt) {
      return update((data) => {
        data.attempts = [...(data.attempts ?? []), attempt].slice(-MAX_ATTEMPTS);
      });
    },
    reset() {
      return update((data) => {
        Object.assign(data, emptyProgress());
      });
    },
  };
}
