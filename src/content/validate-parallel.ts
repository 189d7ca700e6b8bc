/**
 * `validate` over several threads: this thread is shard 0 and each further shard runs in a worker
 * (validate-worker.ts), with the steps and decisions of the serial path (validate-plan.ts), so the
 * report is the same, problem for problem. The shards take files from one shared counter, so the
 * work spreads itself: a worker still starting while this thread loads files just takes fewer.
 * Loaded only when a run is large enough to gain from it.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from './schema.js';
import { loadOrder, mergeReports, planFinish, type ValidationReport } from './validate-plan.js';
import {
  taker,
  ValidationShard,
  type FileReport,
  type FileSummary,
  type FinishInput,
  type ShardItem,
} from './validate-shard.js';

/** A call on a worker's shard, and its answer. `next` holds the shards' shared file counter. */
export type ShardCall =
  | { method: 'load'; items: ShardItem[]; cwd: string; next: SharedArrayBuffer }
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

  /** The worker's shard, taking files from `items` with the shared counter `next`. */
  taking(items: readonly ShardItem[], cwd: string, next: SharedArrayBuffer): OtherShard {
    return {
      load: () => this.call({ method: 'load', items: [...items], cwd, next }),
      scenarios: (indexes) => this.call({ method: 'scenarios', indexes }),
      finish: (input) => this.call({ method: 'finish', input }),
    };
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A shard in another thread (or, in tests, in this one) that knows which files to take. */
export interface OtherShard {
  load(): Promise<FileSummary[]>;
  scenarios(indexes: number[]): Promise<Scenario[]>;
  finish(input: FinishInput): Promise<[number, FileReport][]>;
}

/**
 * One run over `here` (this thread's shard, taking files with `take`) and `others`: load, decide
 * (planFinish), send each shard the scenarios its quizzes name that others hold, finish, merge.
 */
export async function coordinate(
  items: readonly ShardItem[],
  here: ValidationShard,
  take: () => number,
  others: readonly OtherShard[],
): Promise<ValidationReport> {
  const loading = others.map((o) => o.load());
  const summaries = [here.load(take), ...(await Promise.all(loading))];
  const plan = planFinish(items, summaries);
  const foreign: FinishInput['foreign'][] = summaries.map(() => []);
  await Promise.all(
    [...plan.fetches].map(async ([holder, { indexes, to }]) => {
      const got = holder === 0 ? here.scenarios(indexes) : await others[holder - 1]!.scenarios(indexes);
      got.forEach((scenario, i) => {
        const [shard, id] = to[i]!;
        foreign[shard]!.push([id, scenario]);
      });
    }),
  );
  const finishing = others.map((o, i) => o.finish({ ...plan.inputs[i + 1]!, foreign: foreign[i + 1]! }));
  const reports = [
    here.finish({ ...plan.inputs[0]!, foreign: foreign[0]! }),
    ...(await Promise.all(finishing)),
  ];
  return mergeReports(reports);
}

/** validateFiles (cross-check.ts) over `threads` threads; the same report. */
export async function validateInParallel(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
  threads: number,
): Promise<ValidationReport> {
  // Workers first: they start (load their modules) while this thread gets on with the files.
  const workers = Array.from({ length: threads - 1 }, () => new WorkerShard());
  try {
    const items = loadOrder(files, contextFiles, cwd);
    const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const others = workers.map((w) => w.taking(items, cwd, next));
    return await coordinate(items, new ValidationShard(items, cwd), taker(next), others);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
