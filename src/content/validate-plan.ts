/**
 * The coordinator's part of `validate`, the same for one shard in-process and for several in worker
 * threads: which files go where, who owns each id (the first file loaded, context before targets),
 * which scenarios each shard must be sent, and the report put back together in the files' order.
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
 * given, else one per core from PARALLEL_FROM_FILES files on (up to MAX_THREADS).
 */
export function threadCount(files: number, forced?: number): number {
  if (forced !== undefined) return forced;
  if (files < PARALLEL_FROM_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/** Where one file went: its shard and its index there. */
interface Placed {
  shard: number;
  index: number;
  target: boolean;
}

export interface Split {
  shards: ShardItem[][];
  /** Every file in load order: context first, then targets. */
  order: Placed[];
}

/**
 * The files in load order (targets once each; context files that are also targets only as
 * targets), dealt to `weights.length`… shards: each file to the shard with the least weight so
 * far, so that shards of files of different sizes take about as long. `weight` is a file's cost
 * estimate (its size); with one shard it is never called.
 */
export function splitFiles(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
  shardCount: number,
  weight: (path: string) => number = () => 1,
): Split {
  const targets = [...new Set(files.map((f) => resolve(cwd, f)))];
  const targetSet = new Set(targets);
  const context = contextFiles.filter((f) => !targetSet.has(resolve(cwd, f)));
  const shards: ShardItem[][] = Array.from({ length: shardCount }, () => []);
  const load = new Array<number>(shardCount).fill(0);
  const order: Placed[] = [];
  const place = (path: string, target: boolean) => {
    let shard = 0;
    if (shardCount > 1) {
      for (let s = 1; s < shardCount; s++) if (load[s]! < load[shard]!) shard = s;
      load[shard]! += weight(path);
    }
    order.push({ shard, index: shards[shard]!.length, target });
    shards[shard]!.push({ path, target });
  };
  for (const f of context) place(f, false);
  for (const f of targets) place(f, true);
  return { shards, order };
}

/** The decisions every shard needs, and the scenarios to fetch from one shard for another. */
export interface Plan {
  /** Per shard, without the scenarios other shards hold. */
  inputs: Omit<FinishInput, 'foreign'>[];
  /** Per holding shard: the indexes to fetch, and for each the shard that needs it and the id. */
  fetches: Map<number, { indexes: number[]; to: [shard: number, id: string][] }>;
}

/** Who owns each id (the first file with it, in load order), and what each shard needs to finish. */
export function planFinish(split: Split, summaries: readonly FileSummary[][]): Plan {
  const owners = new Map<string, string>();
  const scenarioAt = new Map<string, Placed>();
  const inputs = split.shards.map(() => ({
    duplicates: [] as [number, string][],
    scenarioIds: [] as string[],
    local: [] as [string, number][],
  }));
  for (const at of split.order) {
    const s = summaries[at.shard]![at.index]!;
    if (s.id === undefined) continue;
    const key = `${s.kind}:${s.id}`;
    const owner = owners.get(key);
    if (owner !== undefined) {
      if (at.target) inputs[at.shard]!.duplicates.push([at.index, owner]);
      continue;
    }
    owners.set(key, s.file);
    if (s.kind === 'scenario') scenarioAt.set(s.id, at);
  }
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

/** The shards' reports (each in its shard's order) as one report, in the targets' load order. */
export function mergeReports(split: Split, reports: readonly FileReport[][]): ValidationReport {
  const next = reports.map(() => 0);
  const files: FileReport[] = [];
  for (const at of split.order) if (at.target) files.push(reports[at.shard]![next[at.shard]!++]!);
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
