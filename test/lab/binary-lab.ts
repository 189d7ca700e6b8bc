// The built `sts-trainer lab SCENARIO --no-input` as a child process, the way a second terminal or a CI job sees it.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../helpers/run-cli.js';

export interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `lab SCENARIO --no-input` with `env` (its data directory) and waits for the banner's URL. */
export function startBinaryLab(scenario: string, env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'lab', scenario, '--no-input'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('one line per call'))
        resolve({ child, url, stdout: () => out, stderr: () => err, exit });
    });
    child.on('error', reject);
    void exit.then((code) => reject(new Error(`lab exited ${code} before serving: ${out}`)));
  });
}

/** Waits (bounded: 5 s) until `check` holds, e.g. for the lab's next call line. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}
