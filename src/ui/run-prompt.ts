/**
 * How every Inquirer prompt here is run: on the caller's streams, under a signal guard.
 *
 * A signal from outside while a prompt holds the terminal closes the prompt first (which turns raw
 * mode off and shows the cursor again), then becomes `Terminated` (SIGTERM, exit 143) or
 * `Interrupted` (SIGINT, 130); Ctrl-C typed in the prompt (Inquirer's ExitPromptError) is
 * `Interrupted` too. A prompt closed by the caller's own signal rejects with Inquirer's
 * AbortPromptError, for the caller to name (a timer, `q`).
 */
import { Writable } from 'node:stream';
import { Interrupted, Terminated } from '../errors.js';
import { promptExitOf } from './prompt-exit.js';
import type { PromptStreams } from './prompts.js';

export interface PromptContext extends PromptStreams {
  signal: AbortSignal;
}

/**
 * Inquirer pipes each prompt into its output and ends it when the prompt closes (all but the
 * process's own stdout): a stream the caller gives gets a forwarder of its own per prompt, so it
 * stays open for the next one. The forwarder reports the stream's size (the prompt wraps to it).
 */
function forOnePrompt(out: NodeJS.WritableStream | undefined): NodeJS.WritableStream | undefined {
  if (out === undefined || out === process.stdout) return out;
  const size = out as { columns?: number; rows?: number };
  const forwarder = new Writable({
    write(chunk, _encoding, done) {
      out.write(chunk);
      done();
    },
  });
  return Object.defineProperties(forwarder, {
    columns: { get: () => size.columns },
    rows: { get: () => size.rows },
  });
}

export async function runPrompt<T>(
  streams: PromptStreams,
  run: (ctx: PromptContext) => Promise<T>,
  caller?: AbortSignal,
): Promise<T> {
  const stop = new AbortController();
  let by: 'SIGTERM' | 'SIGINT' | undefined;
  const on = (sig: 'SIGTERM' | 'SIGINT') => () => {
    by = sig;
    stop.abort();
  };
  const onTerm = on('SIGTERM');
  const onInt = on('SIGINT');
  // `on`, not `once`: while the prompt is open ours stay listening, so Inquirer's signal-exit sees
  // the signal handled and never raises it again to kill the process before main says bye.
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  const signal = caller ? AbortSignal.any([caller, stop.signal]) : stop.signal;
  try {
    return await run({ input: streams.input, output: forOnePrompt(streams.output), signal });
  } catch (e) {
    if (by === 'SIGTERM') throw new Terminated();
    if (by === 'SIGINT' || promptExitOf(e) === 'exit') throw new Interrupted();
    throw e;
  } finally {
    process.removeListener('SIGTERM', onTerm);
    process.removeListener('SIGINT', onInt);
  }
}
