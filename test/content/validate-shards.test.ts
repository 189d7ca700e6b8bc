/**
 * The coordinator's decisions across shards, in this thread where it is deterministic: each shard
 * takes every n-th file (in a parallel run, whichever thread is free takes the next), so ids, duplicates
 * and the scenarios that quizzes name are spread over shards, and the report must be the serial one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/content/cross-check.js';
import { sourceFiles } from '../../src/content/library.js';
import { contentFiles } from '../../src/content/read.js';
import { coordinate, type OtherShard } from '../../src/content/validate-parallel.js';
import { loadOrder, threadCount } from '../../src/content/validate-plan.js';
import { ValidationShard, type ShardItem } from '../../src/content/validate-shard.js';
import { makePack } from '../helpers/validate-pack.js';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

beforeAll(() => {
  // copies of the built-in content under new ids, the fixtures and a duplicate id (helpers/validate-pack.ts)
  dir = mkdtempSync(join(tmpdir(), 'sts-shards-'));
  makePack(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shard in this thread that takes the load indexes `k`, `k + n`, `k + 2n`, … */
function everyNth(items: readonly ShardItem[], k: number, n: number) {
  let next = k - n;
  return { shard: new ValidationShard(items, dir), take: () => (next += n) };
}

const other = ({ shard, take }: ReturnType<typeof everyNth>): OtherShard => ({
  load: async () => shard.load(take),
  scenarios: async (indexes) => shard.scenarios(indexes),
  finish: async (input) => shard.finish(input),
});

describe('validate over shards', () => {
  it.each([2, 3])('reports what the serial path does when the files are dealt to %i shards', async (n) => {
    const targets = contentFiles(dir);
    const context = sourceFiles([], ROOT);
    const serial = validateFiles(targets, context, dir);
    const items = loadOrder(targets, context, dir);
    const [first, ...rest] = Array.from({ length: n }, (_, k) => everyNth(items, k, n));
    const report = await coordinate(items, first!.shard, first!.take, rest.map(other));
    // a report worth comparing: duplicates across shards, quizzes naming scenarios held elsewhere
    const text = JSON.stringify(serial);
    expect(text).toContain('duplicate scenario id `cross-account-assume-role`');
    expect(text).toContain('duplicate scenario id `fixture-vendor-access`');
    expect(serial.summary.passed).toBeGreaterThan(50);
    expect(JSON.stringify(report)).toBe(text);
  });
});

describe('how many threads validate uses', () => {
  it.each([
    [99, 8, undefined, 1], // below PARALLEL_FROM_FILES: one thread whatever the cores
    [1000, 1, undefined, 1],
    [1000, 2, undefined, 1], // the second core is the garbage collector's
    [1000, 4, undefined, 3],
    [1000, 32, undefined, 8], // at most MAX_THREADS
    [10, 2, 3, 3], // STS_TRAINER_VALIDATE_THREADS wins
  ])('%i files, %i cores, forced %s: %i', (files, cores, forced, threads) => {
    expect(threadCount(files, forced, cores)).toBe(threads);
  });
});

describe('a scenario loaded before the quiz that names it', () => {
  // A shard keeps such a scenario as its text and parses it again when the quiz names it (the
  // scenarios a quiz loaded earlier names are kept parsed): either way the quiz is checked alike.
  const quiz = (scenario: string) =>
    [
      'id: order-quiz',
      'title: Order',
      'questions:',
      '  - id: chained-again',
      '    type: outcome',
      `    scenario: ${scenario}`,
      '    prompt: Dana, in her ReportReader session, asks for ReportReader again. What happens?',
      '    call:',
      '      api: AssumeRole',
      '      as: $assume',
      '      params: { RoleArn: "arn:aws:iam::222222222222:role/ReportReader", RoleSessionName: again }',
      '    choices: [Success, InvalidClientTokenId]',
      '',
    ].join('\n');

  it.each([
    ['a-scenario.yaml', 'b-quiz.yaml'],
    ['b-scenario.yaml', 'a-quiz.yaml'],
  ])('%s then %s: the engine runs the quiz on that scenario', (scenarioFile, quizFile) => {
    const pack = mkdtempSync(join(tmpdir(), 'sts-order-'));
    try {
      const text = readFileSync(join(ROOT, 'scenarios/cross-account-assume-role.yaml'), 'utf8');
      writeFileSync(join(pack, scenarioFile), text.replace(/^id: .+$/m, 'id: order-scenario'));
      writeFileSync(join(pack, quizFile), quiz('order-scenario'));
      const report = validateFiles(contentFiles(pack), sourceFiles([], ROOT), pack);
      const file = (name: string) => report.files.find((f) => f.parsed.file === name)!.parsed;
      expect(file(quizFile).errors.map((e) => [e.line, e.message])).toEqual([
        [12, 'the engine answers `AccessDenied`, which is not among the choices'],
      ]);
      expect(file(scenarioFile).errors).toEqual([]);
    } finally {
      rmSync(pack, { recursive: true, force: true });
    }
  });
});
