/** The short "STS evaluates…" spinner: only in a TTY without --plain, never while a prompt is open. */
import ora from 'ora';
import { sanitizeTerminal } from './sanitize.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `work` with a short ora spinner when `enabled` (TTY, not plain); otherwise just runs it. */
export async function withSpinner<T>(
  enabled: boolean,
  text: string,
  work: () => T | Promise<T>,
  minMs = 400,
): Promise<T> {
  if (!enabled) return work();
  const spinner = ora({ text: sanitizeTerminal(text, true), discardStdin: false }).start();
  try {
    const [value] = await Promise.all([Promise.resolve().then(work), sleep(minMs)]);
    return value;
  } finally {
    spinner.stop();
  }
}
