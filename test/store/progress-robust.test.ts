/**
 * The progress store survives what a crash, a hand edit or a sync tool leaves behind: stale temp files
 * and impossible locks, one bad record, a BOM, a string version, a symlinked progress.json.
 */
import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProgress } from '../../src/store/progress-store.js';
import type { AnswerRecord } from '../../src/store/types.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const temp = tempDirs('sts-robust-');

const rec = (questionId: string): AnswerRecord => ({
  questionId,
  correct: true,
  at: '2026-02-01T10:00:00.000Z',
  topics: ['mfa'],
  source: 'quiz',
});
const NOW = () => new Date('2026-02-03T04:05:06Z');
const ASIDE = 'progress.json.corrupt-2026-02-03T04-05-06-000Z';

describe('a progress file with some bad records', () => {
  it('keeps every valid record, sets aside only the bad ones, and keeps the original', async () => {
    // Given a file with one good answer, one malformed answer and a null scenario record
    const dir = temp();
    const text = JSON.stringify({
      version: 1,
      answers: [rec('q/good'), { questionId: 7 }],
      cards: {},
      scenarios: { x: null, 'role-chaining': { completed: true } },
    });
    writeFileSync(join(dir, 'progress.json'), text);
    const warnings: string[] = [];
    const store = openProgress(dir, (m) => warnings.push(m), { now: NOW });
    // When it is read
    const data = await store.read();
    // Then the valid records are kept, the original is copied aside, and the warning says what was dropped
    expect(data.answers.map((a) => a.questionId)).toEqual(['q/good']);
    expect(data.scenarios).toEqual({ 'role-chaining': { completed: true } });
    expect(readFileSync(join(dir, ASIDE), 'utf8')).toBe(text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('1 of 2 answers');
    expect(warnings[0]).toContain('`scenarios.x`');
    // And the file on disk is the cleaned one
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).answers).toHaveLength(1);
  });

  it("sets aside a scenario's fields of the wrong type and keeps the rest of its entry", async () => {
    // Given hand-edited scenario entries: a position as text, a fraction, a score that is no score
    const dir = temp();
    const scenarios = {
      a: { completed: true, position: '2', updatedAt: '2026-02-01T10:00:00.000Z' },
      b: { completed: 'yes', position: 1.5, stage: 'later', whatIfsSeen: 'w1' },
      c: { completed: false, position: 2, predictions: { right: 3, total: 2 }, labTasks: ['s1', 5] },
      d: {
        completed: false,
        position: 1,
        atCheckpoint: true,
        checkpoints: { right: 1, total: 1 },
        extra: 'x',
      },
    };
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({ version: 1, answers: [], cards: {}, scenarios }),
    );
    const warnings: string[] = [];
    // When it is read
    const data = await openProgress(dir, (m) => warnings.push(m), { now: NOW }).read();
    // Then each bad field is named and dropped, and everything else in the entry stays
    expect(data.scenarios).toEqual({
      a: { completed: true, updatedAt: '2026-02-01T10:00:00.000Z' },
      b: { completed: false },
      c: { completed: false, position: 2 },
      d: scenarios.d,
    });
    for (const field of ['a.position', 'b.completed', 'b.position', 'b.stage', 'b.whatIfsSeen'])
      expect(warnings[0]).toContain(`\`scenarios.${field}\``);
    expect(warnings[0]).toContain('`scenarios.c.labTasks`, `scenarios.c.predictions`');
    expect(warnings[0]).not.toContain('scenarios.d');
  });

  it('sets aside a card FSRS cannot schedule, and the next answer to its question starts it over', async () => {
    // Given a hand-edited card (state 99, negative stability) next to a good one
    const dir = temp();
    const good = { due: '2026-02-02T10:00:00.000Z', stability: 2.3, difficulty: 2.1, elapsed_days: 0 };
    const card = { ...good, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 };
    const text = JSON.stringify({
      version: 1,
      answers: [rec('q/good'), rec('q/bad')],
      cards: { 'q/good': card, 'q/bad': { ...card, state: 99, stability: -5 } },
      scenarios: {},
    });
    writeFileSync(join(dir, 'progress.json'), text);
    const warnings: string[] = [];
    const store = openProgress(dir, (m) => warnings.push(m), { now: NOW });
    // When it is read, and the bad card's question is answered again
    expect(Object.keys((await store.read()).cards)).toEqual(['q/good']);
    await store.recordAnswer({ ...rec('q/bad'), at: NOW().toISOString() });
    // Then the warning names the card, the original is kept aside, and the question has a new card
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('`cards.q/bad`');
    expect(readFileSync(join(dir, ASIDE), 'utf8')).toBe(text);
    const data = await store.read();
    expect(data.cards['q/bad']).toMatchObject({ reps: 1, state: 2 });
    expect(data.answers).toHaveLength(3);
  });

  it('reads a file that starts with a UTF-8 BOM', async () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'progress.json'),
      `\uFEFF${JSON.stringify({ version: 1, answers: [rec('q/a')], cards: {}, scenarios: {} })}`,
    );
    const warnings: string[] = [];
    expect((await openProgress(dir, (m) => warnings.push(m)).read()).answers).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('reads "version": "1" as version 1, and refuses "version": "2" as newer', async () => {
    const one = temp();
    writeFileSync(
      join(one, 'progress.json'),
      JSON.stringify({ version: '1', answers: [rec('q/a')], cards: {}, scenarios: {} }),
    );
    expect((await openProgress(one, () => {}).read()).answers).toHaveLength(1);
    const two = temp();
    writeFileSync(join(two, 'progress.json'), '{"version":"2","answers":[]}');
    await expect(openProgress(two, () => {}).read()).rejects.toThrow(/newer/);
    expect(readFileSync(join(two, 'progress.json'), 'utf8')).toBe('{"version":"2","answers":[]}');
  });
});

describe('a progress file without a version', () => {
  it('is read as version 1 when it holds progress, and written back with its version', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ answers: [rec('q/a')], scenarios: {} }));
    const warnings: string[] = [];
    const store = openProgress(dir, (m) => warnings.push(m), { now: NOW });
    expect((await store.read()).answers).toHaveLength(1);
    await store.recordAnswer(rec('q/b'));
    const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect([saved.version, saved.answers.length, warnings, readdirSync(dir)]).toEqual([
      1,
      2,
      [],
      ['progress.json'],
    ]);
  });

  it('is moved aside when it holds nothing of progress', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'progress.json'), '{"theme":"dark"}');
    const warnings: string[] = [];
    expect((await openProgress(dir, (m) => warnings.push(m), { now: NOW }).read()).answers).toEqual([]);
    expect(warnings[0]).toContain('(no `version`, and none of `answers`, `cards` or `scenarios`)');
  });
});

describe('what a killed writer leaves behind', () => {
  it('removes temp files of dead processes, and keeps a live one’s', async () => {
    const dir = temp();
    const dead = join(dir, 'progress.json.999999.abc123.tmp');
    const live = join(dir, `progress.json.${process.ppid}.def456.tmp`);
    writeFileSync(dead, '{');
    writeFileSync(live, '{');
    await openProgress(dir, () => {}).recordAnswer(rec('q/a'));
    const left = readdirSync(dir);
    expect(left).not.toContain('progress.json.999999.abc123.tmp');
    expect(left).toContain(`progress.json.${process.ppid}.def456.tmp`);
  });

  it.each([
    ['a plain file', (lock: string) => writeFileSync(lock, '')],
    [
      'a lock dated a year ahead',
      (lock: string) => {
        mkdirSync(lock);
        const future = new Date('2027-02-03T04:05:06Z');
        utimesSync(lock, future, future);
      },
    ],
  ])(
    'treats %s as the lock as impossible: removed with a warning, and the write goes through',
    async (_what, make) => {
      const dir = temp();
      make(join(dir, 'progress.json.lock'));
      const warnings: string[] = [];
      await openProgress(dir, (m) => warnings.push(m), { now: NOW }).recordAnswer(rec('q/a'));
      expect(warnings.join('\n')).toContain('removed an impossible progress lock');
      expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).answers).toHaveLength(1);
    },
  );
});

describe('a symlinked progress.json', () => {
  it('is written through the link, so the synced file keeps syncing', async () => {
    const dir = temp();
    const synced = temp();
    writeFileSync(
      join(synced, 'progress.json'),
      JSON.stringify({ version: 1, answers: [], cards: {}, scenarios: {} }),
    );
    symlinkSync(join(synced, 'progress.json'), join(dir, 'progress.json'));
    await openProgress(dir, () => {}).recordAnswer(rec('q/a'));
    expect(lstatSync(join(dir, 'progress.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(synced, 'progress.json'), 'utf8')).answers).toHaveLength(1);
  });
});

describe('a progress.json that is not a file', () => {
  it.each([
    ['a folder', (p: string) => mkdirSync(p), 'it is a folder'],
    [
      'a FIFO (a read would wait for a writer forever)',
      (p: string) => execFileSync('mkfifo', [p]),
      'it is not a regular file',
    ],
    [
      'a link to /dev/zero (a read would never end)',
      (p: string) => symlinkSync('/dev/zero', p),
      'it is not a regular file',
    ],
    [
      'a symbolic link to itself',
      (p: string) => symlinkSync(p, p),
      'it is a symbolic link that leads back to itself',
    ],
    [
      'a file of 65 MiB (sparse here: nothing of it is read)',
      (p: string) => {
        writeFileSync(p, '');
        truncateSync(p, 65 * 2 ** 20);
      },
      'it is 65 MiB, more than a progress file ever holds',
    ],
  ])('%s is moved aside with a warning, and progress starts empty', async (_what, make, why) => {
    // Given progress.json made as something else, When progress is read and then recorded
    const dir = temp();
    make(join(dir, 'progress.json'));
    const warnings: string[] = [];
    const store = openProgress(dir, (m) => warnings.push(m), { now: NOW });
    expect((await store.read()).answers).toEqual([]);
    // Then it is set aside under the usual name, with the reason, and a real file takes its place
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`could not be read (${why})`);
    expect(lstatSync(join(dir, ASIDE), { throwIfNoEntry: false })).toBeDefined();
    await store.recordAnswer(rec('q/after'));
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).answers).toHaveLength(1);
  });
});
