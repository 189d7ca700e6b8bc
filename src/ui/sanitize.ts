/**
 * The one sanitizer for text that did not come from sts-trainer itself: content packs (`--content`
 * is untrusted), file names and command-line arguments. A control character, an escape sequence
 * (CSI, OSC, DCS…) or a bidi override could retitle the terminal, write the clipboard (OSC 52) or
 * make text read differently from what it is; each one is shown visibly escaped instead
 * (`\e]52;c;…`), so nothing is silently lost and nothing reaches the terminal raw.
 *
 * Where it applies (the choke points): every `CliContext.stdout`/`stderr` write (cli/context.ts),
 * the prompts (ui/inquirer-prompter.ts, ui/group-input.ts), error lines in cli/main.ts, and text files written
 * for the user (group export). `--json` output passes through unchanged in meaning: JSON already
 * escapes C0 controls, and the characters JSON leaves raw (DEL, C1, bidi) are escaped as `\uXXXX`,
 * which is the same JSON string.
 */

// C0 controls except tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), the bidi
// embeddings, overrides and isolates of "Trojan Source" (U+202A–U+202E, U+2066–U+2069), and the
// invisible characters that make one text look like another or break a line where none shows: the
// direction marks (U+200E, U+200F, U+061C), zero-width space and non-joiner (U+200B, U+200C), the
// line and paragraph separators (U+2028, U+2029), word joiner and invisible operators
// (U+2060–U+2064), the deprecated format characters (U+206A–U+206F), zero-width no-break space
// (U+FEFF), the soft hyphen (U+00AD), the combining grapheme joiner (U+034F), the blank fillers and
// separators that render as nothing (U+115F, U+1160, U+3164, U+FFA0, Khmer's U+17B4 and U+17B5, the
// Mongolian selectors and separator U+180B–U+180F), the interlinear annotation marks (U+FFF9–U+FFFB),
// and, written as surrogate pairs, the tag characters (U+E0000–U+E007F) and the Egyptian, shorthand
// and musical format controls (U+13430–U+1343F, U+1BCA0–U+1BCA3, U+1D173–U+1D17A). The zero-width
// joiner (U+200D) and the variation selectors (U+FE00–U+FE0F) stay: they hold emoji together and
// choose how one looks. INVISIBLE is everything here after C0, which each pattern adds as it needs.
const INVISIBLE =
  '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u206f\\u061c\\u200b\\u200c\\u200e\\u200f\\u2028\\u2029\\u2060-\\u2064' +
  '\\ufeff\\u00ad\\u1160\\u115f\\u180e\\u3164\\ufff9-\\ufffb\\uffa0';
// combining marks, each alone (in a class, a linter reads them as joined to the character before;
// for the same reason the Hangul fillers are listed jungseong first)
const ASTRAL =
  '\\u034f|\\u17b4|\\u17b5|\\u180b|\\u180c|\\u180d|\\u180f|\\udb40[\\udc00-\\udc7f]|\\ud80d[\\udc30-\\udc3f]|\\ud82f[\\udca0-\\udca3]|\\ud834[\\udd73-\\udd7a]';
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${INVISIBLE}]|${ASTRAL}`, 'g');
// The same, plus tab and newline: for text that must stay on one line (a title in a table, a file name).
const UNSAFE_LINE = new RegExp(`[\\u0000-\\u001f${INVISIBLE}]|${ASTRAL}`, 'g');
// An SGR (colour) sequence, or one unsafe character.
const SGR_OR_UNSAFE = new RegExp(
  `\\u001b\\[([0-9;]{0,32})m|[\\u0000-\\u0008\\u000b-\\u001f${INVISIBLE}]|${ASTRAL}`,
  'g',
);

const NAMED: Record<string, string> = {
  '\u001b': '\\e',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
};

/** One character escaped; a tag character (a surrogate pair) as its two halves, `\\udb40\\udc41`. */
const escapeChar = (c: string): string => {
  const named = NAMED[c];
  if (named !== undefined) return named;
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
};

// Only what can act on a terminal or reorder text: C0 controls except tab and newline, DEL, C1, and
// the bidi embeddings, overrides and isolates. For command-line arguments (sanitizeArgument).
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A command-line argument with what could act on a terminal escaped (`\e` stays visible). The
 * invisible characters `sanitize` also escapes are kept: they are real in a name or a path (U+200C,
 * the zero-width non-joiner, is ordinary in Persian), and every output escapes them when shown.
 */
export function sanitizeArgument(text: string): string {
  return text.replace(ACTIVE, escapeChar);
}

/** Text with every control character except newline and tab, and every bidi override, escaped. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * Data with every string and key as `sanitize` shows it: for what sts-trainer reads from files it
 * did not write itself, or that a hand could have edited (content packs, progress, saved sessions).
 * The output's own sanitizer keeps the theme's colour sequences and could not tell a file's from them.
 */
export function sanitizeDeep<T>(data: T): T {
  const escape = (v: unknown): unknown => {
    if (typeof v === 'string') return unsafeIndex(v) >= 0 ? sanitize(v) : v;
    if (Array.isArray(v)) return v.map(escape);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [unsafeIndex(k) >= 0 ? sanitize(k) : k, escape(x)]),
      );
    }
    return v;
  };
  return escape(data) as T;
}

/** JSON text that may hold an unsafe character, raw or as a `\u` escape. */
export const jsonMayHoldUnsafe = (text: string): boolean => unsafeIndex(text) >= 0 || text.includes('\\u');

/** `sanitize`, and newlines and tabs escaped too: for a value shown on one line. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE_LINE, escapeChar);
}

/** The offset of the first character `sanitize` would escape, or -1. */
export function unsafeIndex(text: string): number {
  UNSAFE.lastIndex = 0;
  const m = UNSAFE.exec(text);
  UNSAFE.lastIndex = 0;
  return m ? m.index : -1;
}

// The SGR parameters chalk emits for the theme (styles, 16 colours, resets). Not 8 (conceal: text
// that is there but not shown), not 38/48 (extended colours, never used by the theme).
const THEME_SGR = new Set([
  0, 1, 2, 3, 4, 5, 7, 9, 21, 22, 23, 24, 25, 27, 29, 30, 31, 32, 33, 34, 35, 36, 37, 39, 40, 41, 42, 43, 44,
  45, 46, 47, 49, 90, 91, 92, 93, 94, 95, 96, 97, 100, 101, 102, 103, 104, 105, 106, 107,
]);
const isThemeSgr = (params: string) =>
  params === '' || params.split(';').every((p) => p !== '' && THEME_SGR.has(Number(p)));

/**
 * `sanitize` for text bound for a terminal that may carry the theme's colours: plain colour
 * sequences are kept when `colour` is on; every other escape sequence is escaped.
 */
export function sanitizeTerminal(text: string, colour: boolean): string {
  return text.replace(SGR_OR_UNSAFE, (m: string, params: string | undefined) =>
    colour && params !== undefined && isThemeSgr(params) ? m : m.replace(UNSAFE, escapeChar),
  );
}

/** Clear the screen and its scrollback, cursor home: the one sequence sts-trainer itself sends. */
const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

/**
 * A writable that sanitizes everything written to it (`colour`: keep the theme's colours), and
 * clears the screen when sts-trainer asks (never because of text written to it).
 */
export function sanitizingOutput<W extends { write(text: string): unknown }>(
  out: W,
  colour: boolean,
): { write(text: string): unknown; clearScreen(): void } {
  return {
    write: (text: string) => out.write(sanitizeTerminal(String(text), colour)),
    clearScreen: () => void out.write(CLEAR_SCREEN),
  };
}
