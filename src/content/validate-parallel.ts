/**
 * `validate` over several threads: this thread is shard 0 and each further shard runs in a worker
 * (validate-worker.ts), with the steps and decisions of the serial path (validate-plan.ts), so the
 * report is the same, problem for problem. Loaded only when a run is large enough to gain from it.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Scenario } from './schema.js';
import { mergeReports, planFinish, splitFiles, type ValidationReport } from './validate-plan.js';
import {
  ValidationShard,
  type FileReport,
  type FileSummary,
  type FinishInput,
  type ShardItem,
} from './validate-shard.js';

/** A call on a worker's shard, and its answer. */
export type ShardCall =
  | { method: 'load'; items: ShardItem[]; cwd: string }
  | { method: 'scenarios'; indexes: number[] }
  | { method: 'finish'; input: FinishInput };
export type ShardRequest = ShardCall & { id: number };
export type ShardAnswer = { id: number; result: unknown } | { id: number; error: string };

/** One shard in a worker thread: calls answered in order. */
class WorkerShard {
  private readonly worker = new Worker(new URL('./validate-worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.on('message', (a: ShardAnswer) => {
      const p = this.pending.get(a.id);
      this.pending.delete(a.id);
      if ('error' in a) p?.reject(new Error(a.error));
      else p?.resolve(a.result);
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a validate worker stopped (exit code ${code})`)));
  }

  private call<T>(request: ShardCall): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  load(items: ShardItem[], cwd: string): Promise<FileSummary[]> {
    return this.call({ method: 'load', items, cwd });
  }
  scenarios(indexes: number[]): Promise<Scenario[]> {
    return this.call({ method: 'scenarios', indexes });
  }
  finish(input: FinishInput): Promise<FileReport[]> {
    return this.call({ method: 'finish', input });
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A file's cost estimate for dealing files to shards: its size (unreadable files cost little). */
function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** validateFiles (cross-check.ts) over `threads` threads; the same report. */
export async function validateInParallel(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
  threads: number,
): Promise<ValidationReport> {
  const split = splitFiles(files, contextFiles, cwd, threads, size);
  const here = new ValidationShard();
  const workers = split.shards.slice(1).map(() => new WorkerShard());
  try {
    // The workers start loading before this thread does its own share.
    const loading = workers.map((w, i) => w.load(split.shards[i + 1]!, cwd));
    const summaries = [here.load(split.shards[0]!, cwd), ...(await Promise.all(loading))];
    const plan = planFinish(split, summaries);
    const foreign: FinishInput['foreign'][] = split.shards.map(() => []);
    await Promise.all(
      [...plan.fetches].map(async ([holder, { indexes, to }]) => {
        const got = holder === 0 ? here.scenarios(indexes) : await workers[holder - 1]!.scenarios(indexes);
        got.forEach((scenario, i) => {
          const [shard, id] = to[i]!;
          foreign[shard]!.push([id, scenario]);
        });
      }),
    );
    const finishing = workers.map((w, i) => w.finish({ ...plan.inputs[i + 1]!, foreign: foreign[i + 1]! }));
    const reports = [
      here.finish({ ...plan.inputs[0]!, foreign: foreign[0]! }),
      ...(await Promise.all(finishing)),
    ];
    return mergeReports(split, reports);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
