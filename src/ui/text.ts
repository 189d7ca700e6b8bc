/**
 * Measuring and wrapping terminal text: string-width (wide characters, emoji, ANSI codes) and
 * wrap-ansi (ANSI-aware word wrap), the libraries Inquirer itself builds on.
 *
 * Both load on first use, not at import: string-width builds an `Intl.Segmenter` when it loads,
 * which costs more than the whole start-up budget of `list` (PRODUCT.md), and plain ASCII (most
 * table cells) is measured without it.
 */
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import type WrapAnsi from 'wrap-ansi';
import type StringWidth from 'string-width';

const require = createRequire(import.meta.url);
let libs: { wrapAnsi: typeof WrapAnsi; stringWidth: typeof StringWidth } | undefined;
function load() {
  return (libs ??= {
    wrapAnsi: (require('wrap-ansi') as { default: typeof WrapAnsi }).default,
    stringWidth: (require('string-width') as { default: typeof StringWidth }).default,
  });
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns `s` takes in a terminal (ANSI codes count zero, wide characters and emoji two). */
export function visibleLength(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : load().stringWidth(s);
}

/** A list item's marker: `- `, `* `, `• `, `1. `, `2) `. */
const MARKER = /^(?:[-*•]|\d{1,3}[.)])\s+/;

interface Block {
  /** What starts the first line (indentation and list marker). */
  first: string;
  /** What starts every further line (hanging indent under the marker's text). */
  hang: string;
  words: string;
  /** Indented and not a list item (code, a policy snippet): its own line breaks stay. */
  preformatted: boolean;
}

/**
 * Splits text into blocks: blank lines end a paragraph; a list item starts a new block; a line
 * indented like the block's hanging indent continues it. Authored line breaks inside a
 * paragraph are not kept (they were made for the author's editor, not this terminal).
 */
function blocks(text: string): (Block | null)[] {
  const out: (Block | null)[] = [];
  let current: Block | undefined;
  for (const line of text.replace(/\s+$/, '').split('\n')) {
    if (line.trim() === '') {
      out.push(null);
      current = undefined;
      continue;
    }
    const lead = /^\s*/.exec(line)![0];
    const rest = line.slice(lead.length);
    const marker = MARKER.exec(rest)?.[0];
    if (!marker && current && !current.preformatted && lead.length === current.hang.length) {
      current.words += ' ' + rest.trim();
      continue;
    }
    current = marker
      ? {
          first: lead + marker,
          hang: ' '.repeat(lead.length + marker.length),
          words: rest.slice(marker.length).trim(),
          preformatted: false,
        }
      : { first: lead, hang: lead, words: rest.trim(), preformatted: lead.length > 0 };
    out.push(current);
  }
  return out;
}

/**
 * Word-wraps `text` to `width` columns, every line indented by `indent` spaces. Never breaks inside
 * a word; a single word wider than the room is cut only as the last resort, on a line of its own. A
 * URL is never cut: it goes on a line of its own, whole, and the terminal folds it if it must (a URL
 * cut and indented by us opens the wrong page when clicked or pasted; the terminal's own fold keeps
 * it one link).
 */
export function wrapText(text: string, width: number, indent = 0): string {
  const pad = ' '.repeat(indent);
  const room = Math.max(20, width - indent);
  const out: string[] = [];
  for (const b of blocks(text)) {
    if (b === null) {
      out.push('');
      continue;
    }
    const lines = wrapWords(b.words, Math.max(10, room - b.hang.length), true);
    lines.forEach((l, i) => out.push(pad + (i === 0 ? b.first : b.hang) + l));
  }
  return out.join('\n');
}

/** A line that is one URL (with the punctuation that may follow it in a sentence). */
const URL_LINE = /^\s*(?:https?|file):\/\/\S+$/;

/**
 * Wraps one paragraph of words to `room` columns; returns its lines. `keepUrls`: prose, where a URL
 * may run past the room (not a table cell, whose border must stay in line).
 */
export function wrapWords(words: string, room: number, keepUrls = false): string[] {
  if (visibleLength(words) <= room) return [words];
  const { wrapAnsi } = load();
  const soft = wrapAnsi(words, room, { hard: false, trim: true }).split('\n');
  // A word longer than the room sits alone on its line (wrap-ansi moves it there): cut only that
  // line, unless it is a URL in prose.
  return soft.flatMap((l) =>
    visibleLength(l) > room && !(keepUrls && URL_LINE.test(stripVTControlCharacters(l)))
      ? wrapAnsi(l, room, { hard: true, trim: true }).split('\n')
      : [l],
  );
}

/** Every non-empty line of `text` indented by `n` spaces (a block of lines, not wrapped). */
export const indent = (text: string, n: number): string =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

/** A sentence ends with a full stop (a title does not), so joined lines still read as sentences. */
export const sentence = (text: string): string => (/[.?!:…]$/.test(text) ? text : `${text}.`);
