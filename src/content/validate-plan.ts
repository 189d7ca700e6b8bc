/**
 * The coordinator's part of `validate`, the same for one shard in-process and for several in worker
 * threads: the files' load order, who owns each id (the first file in that order, context before
 * targets), which scenarios each shard must be sent, and the report put back together in order.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { addStats, emptyFileStats, type FileItemStats } from './item-stats.js';
import type { FileReport, FileSummary, FinishInput, ShardItem } from './validate-shard.js';

export type { FileReport } from './validate-shard.js';

export interface ValidationReport {
  files: FileReport[];
  summary: { files: number; invalid: number; checks: number; passed: number; failed: number };
  /** Item statistics over every checked file (the whole bank when all content is validated). */
  items: FileItemStats;
}

/** Files (targets and context) from which `validate` spreads over the cores, when there are several. */
export const PARALLEL_FROM_FILES = 100;
/** Threads at most: each costs a start (tens of milliseconds of CPU) and a heap of its own. */
const MAX_THREADS = 8;

/**
 * How many threads `validate` uses for `files` files: `forced` (STS_TRAINER_VALIDATE_THREADS) when
 * given, else from PARALLEL_FROM_FILES files on one per core but one (up to MAX_THREADS), since a
 * thread's garbage collector works on another core: on 2 cores one thread used 2.6 s of CPU in 1.9 s
 * and two took 5–10% longer with 3.7–4.0 s (1,000 scenarios + 10,000 questions, README Performance).
 */
export function threadCount(files: number, forced?: number, cores = availableParallelism()): number {
  if (forced !== undefined) return forced;
  if (files < PARALLEL_FROM_FILES) return 1;
  return Math.max(1, Math.min(cores - 1, MAX_THREADS));
}

/**
 * The files in load order: context first (without those that are also targets), then the targets,
 * each once. Shards take them from this list by index.
 */
export function loadOrder(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
): ShardItem[] {
  const targets = [...new Set(files.map((f) => resolve(cwd, f)))];
  const targetSet = new Set(targets);
  const context = contextFiles.filter((f) => !targetSet.has(resolve(cwd, f)));
  return [
    ...context.map((path) => ({ path, target: false })),
    ...targets.map((path) => ({ path, target: true })),
  ];
}

/** The decisions every shard needs, and the scenarios to fetch from one shard for another. */
export interface Plan {
  /** Per shard, without the scenarios other shards hold. */
  inputs: Omit<FinishInput, 'foreign'>[];
  /** Per holding shard: the load indexes to fetch, and for each the shard that needs it and the id. */
  fetches: Map<number, { indexes: number[]; to: [shard: number, id: string][] }>;
}

/**
 * Who owns each id (the first file with it, in load order, whichever shard loaded it), and what
 * each shard needs to finish. `summaries[shard]` are the files that shard loaded.
 */
export function planFinish(items: readonly ShardItem[], summaries: readonly FileSummary[][]): Plan {
  const loaded = new Array<{ shard: number; summary: FileSummary } | undefined>(items.length);
  summaries.forEach((files, shard) => {
    for (const summary of files) loaded[summary.index] = { shard, summary };
  });
  const owners = new Map<string, string>();
  /** The shard and load index of each scenario id's owner. */
  const scenarioAt = new Map<string, { shard: number; index: number }>();
  const inputs = summaries.map(() => ({
    duplicates: [] as [number, string][],
    scenarioIds: [] as string[],
    local: [] as [string, number][],
  }));
  loaded.forEach((at, index) => {
    const id = at?.summary.id;
    if (at === undefined || id === undefined) return;
    const { shard, summary } = at;
    const key = `${summary.kind}:${id}`;
    const owner = owners.get(key);
    if (owner !== undefined) {
      if (items[index]!.target) inputs[shard]!.duplicates.push([index, owner]);
      return;
    }
    owners.set(key, summary.file);
    if (summary.kind === 'scenario') scenarioAt.set(id, { shard, index });
  });
  const scenarioIds = [...scenarioAt.keys()];
  const fetches: Plan['fetches'] = new Map();
  summaries.forEach((files, shard) => {
    inputs[shard]!.scenarioIds = scenarioIds;
    const named = new Set(files.flatMap((f) => f.refs ?? []));
    for (const id of named) {
      const at = scenarioAt.get(id);
      if (!at) continue;
      if (at.shard === shard) {
        inputs[shard]!.local.push([id, at.index]);
        continue;
      }
      let fetch = fetches.get(at.shard);
      if (!fetch) fetches.set(at.shard, (fetch = { indexes: [], to: [] }));
      fetch.indexes.push(at.index);
      fetch.to.push([shard, id]);
    }
  });
  return { inputs, fetches };
}

/** The shards' reports (by load index) as one report, in the targets' load order. */
export function mergeReports(reports: readonly [index: number, report: FileReport][][]): ValidationReport {
  const files = reports
    .flat()
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => r);
  const total = emptyFileStats();
  for (const f of files) {
    addStats(total.questions, f.items.questions);
    addStats(total.checkpoints, f.items.checkpoints);
  }
  const all = files.flatMap((r) => r.checks);
  const passed = all.filter((c) => c.ok).length;
  return {
    files,
    summary: {
      files: files.length,
      invalid: files.filter((r) => r.parsed.errors.length > 0).length,
      checks: all.length,
      passed,
      failed: all.length - passed,
    },
    items: total,
  };
}
