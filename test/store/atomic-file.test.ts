/**
 * A write the disk or the folder refuses (full, read-only) is a SetupError naming the file and what
 * to do, leaves no temp file, and leaves the old file whole. The failures are injected at
 * node:fs/promises (a full disk cannot be made in a test without privileges).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FsPromises from 'node:fs/promises';
import { SetupError } from '../../src/errors.js';
import { tempDirs } from '../helpers/temp-dirs.js';

/** The refusal to inject: on the temp file's write (`write`) or the folder check (`access`). */
const refuse: { write?: string; access?: string } = {};
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  return {
    ...fs,
    async open(...args: Parameters<typeof fs.open>) {
      const handle = await fs.open(...args);
      if (!refuse.write || !String(args[0]).endsWith('.tmp')) return handle;
      const code = refuse.write;
      return new Proxy(handle, {
        get: (h, key) =>
          key === 'writeFile'
            ? () => Promise.reject(errno(code))
            : typeof Reflect.get(h, key) === 'function'
              ? (Reflect.get(h, key) as (...a: unknown[]) => unknown).bind(h)
              : Reflect.get(h, key),
      });
    },
    async access(...args: Parameters<typeof fs.access>) {
      if (refuse.access) throw errno(refuse.access);
      return fs.access(...args);
    },
  };
});

const { writeFileAtomic } = await import('../../src/store/atomic-file.js');
const { openProgress } = await import('../../src/store/progress-store.js');

const temp = tempDirs('sts-atomic-');
afterEach(() => {
  delete refuse.write;
  delete refuse.access;
});

const answer = {
  questionId: 'q/1',
  correct: true,
  at: '2026-02-01T10:00:00.000Z',
  topics: [],
  source: 'quiz' as const,
};

describe('a write the disk refuses', () => {
  it('is a SetupError that says why and what to do, with the old file whole and no temp file left', async () => {
    const dir = temp();
    const file = join(dir, 'group-session.json');
    writeFileSync(file, 'old\n');
    refuse.write = 'ENOSPC';
    const e = await writeFileAtomic(file, 'new\n').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SetupError);
    expect((e as Error).message).toBe(
      `cannot save \`${file}\`: no space left on the disk; free some space, or choose another folder with --data-dir DIR (or STS_TRAINER_HOME)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['group-session.json']);
  });

  it('names the fix the caller gives (an export is not in the data folder)', async () => {
    refuse.write = 'EROFS';
    const file = join(temp(), 'standings.md');
    await expect(
      writeFileAtomic(file, 'x', { fix: 'choose another file with --export PATH' }),
    ).rejects.toThrow(
      `cannot save \`${file}\`: the folder is read-only; choose another file with --export PATH`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'a folder the file system will not create (under /proc): an answer, not a hang',
    async () => {
      await expect(
        writeFileAtomic('/proc/sts-trainer-test/t.jwt', 'x', { fix: 'choose another file' }),
      ).rejects.toThrow(
        'cannot save `/proc/sts-trainer-test/t.jwt`: its folder cannot be created; choose another file',
      );
    },
  );

  it('anything else is not the learner’s to fix: it stays the error it was', async () => {
    refuse.write = 'EIO';
    await expect(writeFileAtomic(join(temp(), 'f.json'), 'x')).rejects.toMatchObject({ code: 'EIO' });
  });
});

describe('progress when the disk or the folder refuses', () => {
  it('a full disk: the answer is refused with a SetupError, progress.json is left as it was', async () => {
    const dir = temp();
    const store = openProgress(dir, () => {});
    await store.recordAnswer(answer);
    const before = readFileSync(join(dir, 'progress.json'), 'utf8');
    refuse.write = 'ENOSPC';
    await expect(store.recordAnswer({ ...answer, questionId: 'q/2' })).rejects.toBeInstanceOf(SetupError);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder made read-only since the start: said at once, not after waiting for the lock', async () => {
    const dir = temp();
    const warnings: string[] = [];
    const store = openProgress(dir, (m) => warnings.push(m));
    refuse.access = 'EROFS';
    await expect(store.recordAnswer(answer)).rejects.toThrow(
      `cannot save \`${join(dir, 'progress.json')}\`: the folder is read-only; choose another folder with --data-dir DIR (or STS_TRAINER_HOME)`,
    );
    expect(warnings).toEqual([]);
  });
});
