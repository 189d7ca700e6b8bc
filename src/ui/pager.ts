/**
 * Long output in pages: nothing a learner must read scrolls away. A page fills the screen but for
 * the prompt line; space or Enter shows the next, `b` the one before, `q` quits (the caller saves).
 */
import { QuitRequested } from './prompts.js';
import { visibleLength } from './theme.js';

export interface PagerIO {
  write(text: string): void;
  /**
   * Waits for Enter or one of `keys`; returns 'enter' or the key. The pager's "more" line is its
   * own: the caller may have the prompt clear it once a key is pressed (Prompter.key's `erase`).
   */
  key(message: string, keys: string[]): Promise<string>;
  /** The terminal's size now (read on every call, so a resize is followed). */
  size(): { columns: number; rows: number };
}

/** Terminal rows a line takes at `columns` (a long line wraps). */
export function rowsOf(line: string, columns: number): number {
  return Math.max(1, Math.ceil(visibleLength(line) / Math.max(1, columns)));
}

/** Splits `text` into pages of at most `height` terminal rows each. */
export function paginate(text: string, columns: number, height: number): string[] {
  const pages: string[][] = [[]];
  let used = 0;
  for (const line of text.split('\n')) {
    const r = rowsOf(line, columns);
    if (used + r > height && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(line);
    used += r;
  }
  return pages.map((p) => p.join('\n'));
}

/**
 * Writes `text` (followed by a newline). When it does not fit above the `reserve` rows the next
 * prompt needs, it is shown a page at a time. `quit: false` for a screen left only with Ctrl-C (a
 * quiz, a group session): `q` then does nothing.
 */
export async function showPaged(
  text: string,
  io: PagerIO,
  reserve: number,
  moreText: (page: number, pages: number) => string,
  { quit = true }: { quit?: boolean } = {},
): Promise<void> {
  const { columns, rows } = io.size();
  const height = Math.max(5, rows - Math.max(1, reserve));
  const pages = paginate(text, columns, height);
  if (pages.length === 1) {
    io.write(`${text}\n`);
    return;
  }
  let i = 0;
  for (;;) {
    io.write(`${pages[i]}\n`);
    if (i === pages.length - 1) return;
    const k = await io.key(moreText(i + 1, pages.length), quit ? [' ', 'b', 'q'] : [' ', 'b']);
    if (k === 'q') throw new QuitRequested();
    i = k === 'b' ? Math.max(0, i - 1) : i + 1;
  }
}
