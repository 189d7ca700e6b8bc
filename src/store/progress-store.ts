/**
 * The progress store: `<data dir>/progress.json`. Every write happens under a
 * lock (proper-lockfile), re-reads the file, applies one change and replaces
 * the file atomically (temp file + rename), so two terminals answering at the
 * same time lose nothing and a crash never leaves half a file. A file that
 * cannot be read is moved aside with a warning and the learner starts fresh.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import envPaths from 'env-paths';
import lockfile from 'proper-lockfile';
import { schedule } from './cards.js';
import {
  emptyProgress,
  PROGRESS_VERSION,
  type AnswerRecord,
  type ProgressData,
  type ScenarioProgress,
} from './types.js';

export interface ProgressStore {
  readonly file: string; // <dataDir>/progress.json
  read(): Promise<ProgressData>; // a missing file = empty progress; a corrupt one is moved aside with a warning
  recordAnswer(rec: AnswerRecord): Promise<void>; // atomic (temp + rename) under a lock; re-reads and merges
  saveScenario(id: string, update: Partial<ScenarioProgress>): Promise<void>;
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

export const PROGRESS_FILE = 'progress.json';

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

type Parsed = { ok: true; data: ProgressData } | { ok: false; reason: string };

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

/**
 * Parses and migrates a progress file. Version 1 is the only one so far; a
 * future version 2 adds its step here (`if (raw.version === 1) raw = v1to2(raw)`).
 */
export function parseProgress(text: string, file: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, reason: 'not a JSON object' };
  if (typeof raw.version === 'number' && raw.version > PROGRESS_VERSION) {
    throw new ProgressVersionError(file, raw.version);
  }
  if (raw.version !== PROGRESS_VERSION)
    return { ok: false, reason: `unknown version ${String(raw.version)}` };
  if (!Array.isArray(raw.answers) || !raw.answers.every(isAnswer)) {
    return { ok: false, reason: '`answers` is not a list of answers' };
  }
  if (!isObject(raw.cards)) return { ok: false, reason: '`cards` is not an object' };
  if (!isObject(raw.scenarios)) return { ok: false, reason: '`scenarios` is not an object' };
  return { ok: true, data: raw as unknown as ProgressData };
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

  async function readRaw(): Promise<string | undefined> {
    try {
      return await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Reads under the lock; moves a corrupt file aside (only the lock holder may move it). */
  async function readLocked(): Promise<ProgressData> {
    const text = await readRaw();
    if (text === undefined) return emptyProgress();
    const parsed = parseProgress(text, file);
    if (parsed.ok) return parsed.data;
    const aside = `${file}.corrupt-${stamp(now())}`;
    await rename(file, aside);
    warn(
      `progress file \`${file}\` could not be read (${parsed.reason}); ` +
        `moved it to \`${aside}\` and starting with empty progress`,
    );
    return emptyProgress();
  }

  async function write(data: ProgressData): Promise<void> {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Windows refuses to replace a file another process has open for a moment (a reader): retry briefly.
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
        await rm(tmp, { force: true });
        throw e;
      }
    }
  }

  async function withLock<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(dataDir, { recursive: true });
    const release = await lockfile.lock(file, {
      realpath: false, // the file may not exist yet
      stale: 10_000,
      retries: { retries: 200, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
      onCompromised: (err) => warn(`progress lock lost: ${err.message}`),
    });
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
      const parsed = parseProgress(text, file);
      if (parsed.ok) return parsed.data;
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
    reset() {
      return update((data) => {
        Object.assign(data, emptyProgress());
      });
    },
  };
}
