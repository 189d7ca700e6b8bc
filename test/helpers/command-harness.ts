/**
 * learn, quiz and progress run in-process on fake dependencies (cli/deps.ts): a prompter (scripted,
 * or the real one on virtual streams), a progress store in a temporary folder, a fixed clock and
 * captured streams. Must be used inside a test: the folder is removed when the test finishes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import type { CommandDeps } from '../../src/cli/deps.js';
import { openProgress } from '../../src/store/progress-store.js';
import type { Output } from '../../src/ui/output.js';
import type { Prompter } from '../../src/ui/prompts.js';

export const NOW = new Date('2026-03-04T05:06:07.000Z');

/** `stdout`: where the command writes (default: captured on its own). */
export function harness(prompter: Prompter, opts: { stdout?: Output } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sts-in-process-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  let out = '';
  let err = '';
  const stdout = opts.stdout ?? { write: (s: string) => void (out += s) };
  const stderr = { write: (s: string) => void (err += s) };
  const ctx: CliContext = {
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
    interactive: true,
    stdoutIsTTY: false,
    color: false,
    plain: true,
    contentDirs: [],
    dataDir,
    columns: 100,
    termColumns: () => 100,
    size: () => ({ columns: 100, rows: 24 }),
  };
  const deps: CommandDeps = {
    prompter,
    openStore: async (dir) => openProgress(dir, (m) => stderr.write(`warning: ${m}\n`), { now: () => NOW }),
    now: () => NOW,
    stdout,
    stderr,
  };
  const progressFile = () => JSON.parse(readFileSync(join(dataDir, 'progress.json'), 'utf8'));
  return { ctx, deps, dataDir, progressFile, out: () => out, err: () => err };
}
