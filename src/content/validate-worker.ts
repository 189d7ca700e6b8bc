/**
 * A worker thread's side of a parallel `validate` (validate-parallel.ts): one ValidationShard,
 * driven by messages. A built entry of its own (dist/validate-worker.js).
 */
import { parentPort } from 'node:worker_threads';
import type { ShardAnswer, ShardRequest } from './validate-parallel.js';
import { taker, ValidationShard } from './validate-shard.js';

let shard: ValidationShard | undefined;

function answer(request: ShardRequest): unknown {
  switch (request.method) {
    case 'load':
      shard = new ValidationShard(request.items, request.cwd);
      return shard.load(taker(request.next));
    case 'scenarios':
      return shard!.scenarios(request.indexes);
    case 'finish':
      return shard!.finish(request.input);
  }
}

parentPort?.on('message', (request: ShardRequest) => {
  let reply: ShardAnswer;
  try {
    reply = { id: request.id, result: answer(request) };
  } catch (e) {
    // A bug, as it would be in the serial path: the main thread reports it as an internal error.
    reply = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
