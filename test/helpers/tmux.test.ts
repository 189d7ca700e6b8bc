/** The tmux helper tries a failed server start again (a busy machine), and nothing else. */
import { describe, expect, it } from 'vitest';
import { retryServerStart } from './tmux.js';

const failing = (stderr: string) => Object.assign(new Error('Command failed: tmux new-session'), { stderr });

function attempts(errors: Error[], max?: number) {
  let calls = 0;
  let undone = 0;
  const pauses: number[] = [];
  const run = () =>
    retryServerStart(
      () => {
        const e = errors[calls++];
        if (e) throw e;
      },
      () => void undone++,
      { attempts: max, pause: (ms) => void pauses.push(ms) },
    );
  return { run, calls: () => calls, undone: () => undone, pauses };
}

describe('starting the tmux server', () => {
  it('tries again after "server exited unexpectedly", with a growing pause, and then goes on', () => {
    const a = attempts([failing('server exited unexpectedly\n'), failing('lost server\n')]);
    a.run();
    expect([a.calls(), a.undone(), a.pauses]).toEqual([3, 2, [200, 400]]);
  });

  it('gives up after three failed starts with the last error', () => {
    const last = failing('server exited unexpectedly\n');
    const a = attempts([failing('server exited unexpectedly'), failing('server exited unexpectedly'), last]);
    expect(a.run).toThrow(last);
    expect(a.calls()).toBe(3);
  });

  it('never tries again for anything else (a bad command, an assertion)', () => {
    const a = attempts([failing('duplicate session: enter\n')]);
    expect(a.run).toThrow('Command failed');
    const b = attempts([new Error('expected 1 to be 2')]);
    expect(b.run).toThrow('expected 1 to be 2');
    expect([a.calls(), b.calls(), a.pauses, b.pauses]).toEqual([1, 1, [], []]);
  });
});
