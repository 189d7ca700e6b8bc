/**
 * `validate` warns about text that would be unsafe in a terminal: control characters, escape
 * sequences and bidi overrides in any key or value of a content file. sts-trainer never prints
 * them raw (ui/sanitize.ts escapes them), but an author should know their file carries them.
 */
import { sanitizeDeep, sanitizeLine, unsafeIndex } from '../ui/sanitize.js';
import { pathLabel, walkData } from './data-walk.js';
import type { ContentPath, Positions } from './positions.js';
import type { Problem } from './parse.js';

/** Warnings per file at most (a file full of them needs one look, not thousands of lines). */
const MAX_WARNINGS = 20;

export const UNSAFE_TEXT_MSG = {
  found: (where: string, shown: string) =>
    `${where} contains a control character, escape sequence, bidi override or invisible character (\`${shown}\`); ` +
    'sts-trainer shows it escaped, never raw',
  hint: 'remove it: content is plain text (a YAML escape like `"\\e"` or `"\\u202e"` puts one in)',
} as const;

/** Whether `text` (a file's) can hold an unsafe character: raw, or made by a backslash escape. */
export function mayHoldUnsafe(text: string): boolean {
  return unsafeIndex(text) >= 0 || text.includes('\\');
}

/** The data with every key and string escaped as `sanitize` shows it (ui/sanitize.ts sanitizeDeep). */
export const escapeUnsafeText = sanitizeDeep;

/** A short, escaped excerpt around the first unsafe character. */
function excerpt(text: string, at: number): string {
  return sanitizeLine(text.slice(Math.max(0, at - 8), at + 16));
}

/**
 * One warning per key or string value that carries unsafe characters, at its position. `text`, the
 * file the data was read from, spares the walk when it cannot hold any: YAML text has them raw, or
 * makes them with a backslash escape in a double-quoted scalar (`"\e"`, `"\x1b"`, `"\N"`, `"\u202e"`).
 */
export function unsafeTextWarnings(data: unknown, positions: Positions, text?: string): Problem[] {
  if (text !== undefined && !mayHoldUnsafe(text)) return [];
  const out: Problem[] = [];
  walkData(data, {
    text(v, path) {
      const at = unsafeIndex(v);
      if (at >= 0) out.push(warning(positions, [...path], pathLabel(path), excerpt(v, at)));
    },
    key(key, path) {
      const at = unsafeIndex(key);
      if (at >= 0) out.push(warning(positions, [...path], 'a key', excerpt(key, at), true));
      return true;
    },
    done: () => out.length >= MAX_WARNINGS,
  });
  return out.slice(0, MAX_WARNINGS);
}

function warning(
  positions: Positions,
  path: ContentPath,
  where: string,
  shown: string,
  key = false,
): Problem {
  const pos = positions.at(path, { key });
  return {
    ...pos,
    message: UNSAFE_TEXT_MSG.found(where, shown),
    hint: UNSAFE_TEXT_MSG.hint,
    severity: 'warning',
  };
}
