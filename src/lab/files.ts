/**
 * The lab's files under `<data dir>/lab/`: the AWS config, credentials and
 * env.sh, token files, and `lab.json` — how `lab env`, `lab token` and
 * `lab advance` in another terminal find the running lab (its URL and the
 * secret its control API wants). Every write is atomic (temp file + rename);
 * the credentials and the state file are readable by their owner only.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabPaths } from './aws-config.js';
import { writeFileAtomic } from '../store/atomic-file.js';

export function labPaths(dataDir: string): LabPaths {
  const dir = join(dataDir, 'lab');
  return {
    dir,
    config: join(dir, 'config'),
    credentials: join(dir, 'credentials'),
    env: join(dir, 'env.sh'),
    envAll: join(dir, 'env-all.sh'),
    tokens: join(dir, 'tokens'),
    state: join(dir, 'lab.json'),
  };
}

/** What a running lab leaves in `lab.json`. */
export interface LabState {
  pid: number;
  url: string;
  scenario: string;
  control: string;
  /** Token steps, for `lab token` without a step. */
  tokenSteps: string[];
}

/**
 * The lab's files, made anew each time a lab starts (so not flushed to the disk): whole or not at all,
 * and a disk or folder that refuses them is a one-line error (store/atomic-file.ts).
 */
export function writeAtomic(file: string, text: string, mode = 0o644, fix?: string): Promise<void> {
  return writeFileAtomic(file, text, { mode, sync: false, ...(fix ? { fix } : {}) });
}

export async function readState(paths: LabPaths): Promise<LabState | undefined> {
  try {
    const raw = JSON.parse(await readFile(paths.state, 'utf8')) as Partial<LabState>;
    if (typeof raw.url !== 'string' || typeof raw.control !== 'string' || typeof raw.pid !== 'number')
      return undefined;
    return {
      pid: raw.pid,
      url: raw.url,
      scenario: String(raw.scenario ?? ''),
      control: raw.control,
      tokenSteps: Array.isArray(raw.tokenSteps) ? raw.tokenSteps.map(String) : [],
    };
  } catch {
    return undefined;
  }
}

/** The lab that wrote the state file is still running (signal 0 checks without touching it). */
export function isRunning(state: LabState): boolean {
  try {
    process.kill(state.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function removeState(paths: LabPaths, control: string): Promise<void> {
  // Only the lab that wrote it removes it (a second lab may have started since).
  const state = await readState(paths);
  if (state?.control === control) await rm(paths.state, { force: true });
}
