import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProgress, resolveDataDir } from '../../src/store/progress-store.js';
import type { AnswerRecord } from '../../src/store/types.js';

const run = promisify(execFile);
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sts-store-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const rec = (questionId: string, correct = true): AnswerRecord => ({
  questionId,
  correct,
  at: '2026-01-01T00:00:00.000Z',
  topics: ['mfa'],
  source: 'quiz',
});

describe('progress store', () => {
  it('starts empty when the file is missing, and records answers with an FSRS card', async () => {
    const dir = temp();
    const store = openProgress(dir, () => {});
    expect(await store.read()).toEqual({ version: 1, answers: [], cards: {}, scenarios: {} });
    await store.recordAnswer(rec('q/a', false));
    const data = await store.read();
    expect(data.answers).toEqual([rec('q/a', false)]);
    expect(data.cards['q/a']).toMatchObject({ due: '2026-01-01T00:10:00.000Z', lapses: 0, reps: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).version).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('saves scenario progress by merging, and resets', async () => {
    const store = openProgress(temp(), () => {});
    await store.saveScenario('eks-irsa', { position: 2 });
    await store.saveScenario('eks-irsa', { completed: true, completedAt: '2026-01-01T00:00:00Z' });
    await store.saveScenario('eks-irsa', { position: 5 });
    expect((await store.read()).scenarios['eks-irsa']).toEqual({
      completed: true,
      completedAt: '2026-01-01T00:00:00Z',
      position: 5,
    });
    await store.recordAnswer(rec('q/a'));
    await store.reset();
    expect(await store.read()).toEqual({ version: 1, answers: [], cards: {}, scenarios: {} });
  });

  it.each([
    ['not JSON', '{"version": 1, "answers": ['],
    ['the wrong shape', '{"version": 1, "answers": "many"}'],
    ['not an object', '[]'],
  ])(
    'moves a corrupt file (%s) aside with a warning naming both files, and starts fresh',
    async (_n, text) => {
      const dir = temp();
      const file = join(dir, 'progress.json');
      writeFileSync(file, text);
      const warnings: string[] = [];
      const store = openProgress(dir, (m) => warnings.push(m), {
        now: () => new Date('2026-02-03T04:05:06Z'),
      });
      expect((await store.read()).answers).toEqual([]);
      const aside = join(dir, 'progress.json.corrupt-2026-02-03T04-05-06-000Z');
      expect(readFileSync(aside, 'utf8')).toBe(text);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`\`${file}\``);
      expect(warnings[0]).toContain(`\`${aside}\``);
      await store.recordAnswer(rec('q/after'));
      expect((await store.read()).answers.map((a) => a.questionId)).toEqual(['q/after']);
    },
  );

  it('refuses a file from a newer version instead of overwriting it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'progress.json'), '{"version": 2, "answers": []}');
    const store = openProgress(dir, () => {});
    await expect(store.read()).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining('newer'),
    });
    await expect(store.recordAnswer(rec('x'))).rejects.toThrow(/newer/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toContain('"version": 2');
  });

  it('resolves the data dir: --data-dir / STS_TRAINER_HOME, else XDG_DATA_HOME/sts-trainer', () => {
    expect(resolveDataDir({ dataDir: '/a', env: { XDG_DATA_HOME: '/x' } })).toBe('/a');
    expect(resolveDataDir({ dataDir: undefined, env: { STS_TRAINER_HOME: '/h' } })).toBe('/h');
    if (process.platform === 'linux') {
      expect(resolveDataDir({ dataDir: undefined, env: { XDG_DATA_HOME: '/x' } })).toBe('/x/sts-trainer');
    }
  });
});

describe('progress store under concurrent writers', () => {
  let worker: string;
  beforeAll(async () => {
    // The worker is bundled to plain JS so child processes run it without a TS loader.
    worker = join(temp(), 'record-worker.cjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'record-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: worker,
      logLevel: 'error',
    });
  });

  it('loses no answer when several processes record at once', async () => {
    const dir = temp();
    const writers = 4;
    const each = 15;
    await Promise.all(
      Array.from({ length: writers }, (_, w) => run(process.execPath, [worker, dir, `w${w}`, String(each)])),
    );
    const data = await openProgress(dir, () => {}).read();
    expect(data.answers).toHaveLength(writers * each);
    const ids = new Set(data.answers.map((a) => a.questionId));
    expect(ids.size).toBe(writers * each);
    expect(Object.keys(data.cards)).toHaveLength(writers * each);
    expect(readdirSync(dir).sort()).toEqual(['progress.json']);
  });
});
