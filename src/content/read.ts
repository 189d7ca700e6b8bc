/**
 * Reading one content file: refuses oversized files before reading, then parses
 * (parse.ts is pure). The folder walking lives in walk.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES, MESSAGES, parseContent, type ParsedFile } from './parse.js';
import { positionsOf } from './positions.js';
import { LineCounter } from 'yaml';
import { displayPath, reason } from './walk.js';

export { builtInDirs, contentFiles, ContentPathError, displayPath, packageRoot } from './walk.js';

/** Reads and parses one file, refusing oversized files before reading them. */
export function readContentFile(file: string, cwd: string): ParsedFile {
  const shown = displayPath(file, cwd);
  const refuse = (message: string, hint?: string): ParsedFile => ({
    file: shown,
    kind: undefined,
    errors: [{ line: 1, col: 1, message, severity: 'error', ...(hint ? { hint } : {}) }],
    warnings: [],
    positions: positionsOf(undefined, new LineCounter()),
  });
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return refuse(MESSAGES.tooBig(size), MESSAGES.tooBigHint);
    return parseContent(readFileSync(file, 'utf8'), shown);
  } catch (e) {
    return refuse(`cannot read file: ${reason(e)}`);
  }
}
