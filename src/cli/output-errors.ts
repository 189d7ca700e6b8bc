/**
 * When standard output goes away. A reader that stops early (`| head -1`, `| true`) closes the
 * pipe: that is not an error, so the CLI stops quietly (exit 0) instead of printing `write EPIPE`
 * with a stack trace. Output that cannot be written (`> /dev/full`, a full disk) is one line on
 * stderr and exit 1.
 */
interface Stream {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
  write(text: string): unknown;
}

let mayBeGone = false;

/**
 * The terminal was closed (SIGHUP) and the command is finishing its work: output it can no longer
 * write is not an error, and the command's own exit code stands (the lab's 129).
 */
export function outputMayBeGone(): void {
  mayBeGone = true;
}

export function guardOutput(
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stdout.on('error', (e) => {
    if (mayBeGone) return;
    if (e.code === 'EPIPE') return exit(0);
    try {
      stderr.write(`error: cannot write the output: ${e.code ? `${e.code} ` : ''}${reason(e)}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left
    }
    exit(1);
  });
  // Nowhere is left to report a broken stderr; the exit code still says what happened.
  stderr.on('error', () => {});
}

function reason(e: Error): string {
  return e.message.replace(/^\w+:\s*/, '').replace(/, write$/, '');
}
