/**
 * Reading one content file: refuses oversized files before reading, then parses
 * (parse.ts is pure). The folder walking lives in walk.ts.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES, MESSAGES, parseContent, type ParsedFile, type Problem } from './parse.js';
import { NO_POSITIONS } from './positions.js';
import { displayPath, NOT_REGULAR, reason } from './walk.js';

export { builtInDirs, contentFiles, ContentPathError, displayPath, packageRoot } from './walk.js';

/** Reads and parses one file, refusing oversized files before reading them. */
export function readContentFile(file: string, cwd: string): ParsedFile {
  return readContent(file, cwd).parsed;
}

/**
 * Reads and parses one file, and gives the text it parsed when it read one: `parseContent(text,
 * parsed.file)` gives the same scenario or quiz again, without reading the file a second time.
 */
export function readContent(file: string, cwd: string): { parsed: ParsedFile; text?: string } {
  const shown = displayPath(file, cwd);
  const refuse = (message: string, hint?: string) => ({
    parsed: {
      file: shown,
      kind: undefined,
      errors: [{ line: 1, col: 1, message, severity: 'error' as const, ...(hint ? { hint } : {}) }],
      warnings: [],
      positions: NO_POSITIONS,
    },
  });
  try {
    const text = readBounded(file);
    if (typeof text === 'number') return refuse(MESSAGES.tooBig(text), MESSAGES.tooBigHint);
    const parsed = parseContent(text.text, shown);
    if (text.invalidAt !== undefined) parsed.warnings.unshift(notUtf8(text.text, text.invalidAt));
    return { parsed, text: text.text };
  } catch (e) {
    return refuse(`cannot read file: ${e instanceof NotRegular ? NOT_REGULAR : reason(e, file)}`);
  }
}

class NotRegular extends Error {}

/** The warning for a file that is not UTF-8, at the first character read as U+FFFD. */
function notUtf8(text: string, at: number): Problem {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return {
    line,
    col: at - before.lastIndexOf('\n'),
    message: 'the file is not valid UTF-8: here and wherever else a byte is not, it reads as U+FFFD',
    hint: 'save it as UTF-8',
    severity: 'warning',
  };
}

/**
 * The file's text, or its size when that is over the limit. Opened without blocking (a FIFO would
 * wait for a writer) and checked to be a regular file before anything is read; never reads more
 * than the limit, whatever the file claims its size to be.
 */
function readBounded(file: string): { text: string; invalidAt?: number } | number {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegular();
    if (stat.size > MAX_FILE_BYTES) return stat.size;
    // Room for one byte more than the size: a file that grew since is read on, up to the limit.
    let buf = Buffer.allocUnsafe(stat.size + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > MAX_FILE_BYTES) return got;
        const bigger = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n <= 0) break;
      got += n;
    }
    const text = buf.toString('utf8', 0, got);
    // U+FFFD stands for each byte that is not UTF-8; only then is the file checked byte by byte (a
    // file may also hold U+FFFD itself)
    const replaced = text.indexOf('\uFFFD');
    if (replaced < 0) return { text };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, got));
      return { text };
    } catch {
      return { text, invalidAt: replaced };
    }
  } finally {
    closeSync(fd);
  }
}
