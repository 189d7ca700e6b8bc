/**
 * The program's top-level help as the build rendered it (scripts/build.mjs writes dist/help.txt by
 * running `sts-trainer help` with output to a pipe, where commander wraps at 80 columns). Printing
 * that copy keeps `--help` from loading commander and declaring every command: start-up is the
 * product's first impression, and the bench holds `--help` to 1.3× a bare `node -e 0`.
 *
 * Only where commander would print exactly that text: `--help`/`-h` alone, to something that is not
 * a terminal, without COLUMNS (a terminal's width or COLUMNS changes the wrapping: help-layout.ts).
 * Anything else, or a build without the copy, goes to commander. test/cli/help-cache.test.ts checks
 * the copy against commander's own output.
 */
import { readFileSync } from 'node:fs';

export function cachedHelp(
  args: readonly string[],
  toTerminal: boolean | undefined,
  columns: string | undefined,
  read: () => string | undefined = readCopy,
): string | undefined {
  if (toTerminal || columns || args.length !== 1 || (args[0] !== '--help' && args[0] !== '-h'))
    return undefined;
  return read();
}

function readCopy(): string | undefined {
  try {
    // dist/cli.js is next to dist/help.txt; from source (tests of src/) there is no copy
    return readFileSync(new URL('./help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}
