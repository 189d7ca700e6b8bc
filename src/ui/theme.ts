/**
 * The one colour theme: every coloured or styled string the CLI prints goes through here, so
 * `--plain`, `--no-color`, NO_COLOR and non-TTY output switch colour and box drawing off in one place.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { tableWidthOf } from './table.js';
import { visibleLength, wrapText } from './text.js';

export interface Theme {
  color: boolean;
  plain: boolean;
  /** Columns for wrapped text (followed live: a resized terminal re-wraps the next screen). */
  readonly width: number;
  /** Columns a table may take, or undefined when not limited (a pipe without COLUMNS). */
  readonly tableWidth: number | undefined;
  ok(s: string): string;
  fail(s: string): string;
  warn(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  heading(s: string): string;
  code(s: string): string;
  accent(s: string): string;
  /** '✔' / '✘' (kept in plain mode: screen readers read them), bullet '•', rule line (box drawing only when !plain) */
  sym: { ok: string; fail: string; info: string; bullet: string };
  rule(title?: string): string;
  /** wrap text to width with an indent */
  wrap(text: string, indent?: number): string;
}

export { visibleLength, wrapText } from './text.js';

/** Lines wider than this are hard to read even on a wide terminal. */
const MAX_WIDTH = 100;
const MIN_WIDTH = 40;

/**
 * Terminal columns: a number, or a function read at every use so a resized terminal is followed
 * (`undefined`: not a terminal and no COLUMNS — text wraps at 80, tables are not limited).
 */
export type Columns = number | undefined | (() => number | undefined);

export function createTheme(opts: { color: boolean; plain: boolean; columns: Columns }): Theme {
  const color = opts.color && !opts.plain;
  const chalk: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const columns = () => (typeof opts.columns === 'function' ? opts.columns() : opts.columns);
  const textWidth = () => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, (columns() || 80) - 1));
  const id = (s: string) => s;
  const style = (f: (s: string) => string) => (color ? f : id);
  return {
    color,
    plain: opts.plain,
    get width() {
      return textWidth();
    },
    get tableWidth() {
      return tableWidthOf(columns());
    },
    ok: style(chalk.green),
    fail: style(chalk.red),
    warn: style(chalk.yellow),
    dim: style(chalk.dim),
    bold: style(chalk.bold),
    heading: style(chalk.bold.cyan),
    code: style(chalk.cyan),
    accent: style(chalk.magenta),
    sym: { ok: '✔', fail: '✘', info: 'ℹ', bullet: '•' },
    rule(title?: string): string {
      const line = opts.plain ? '-' : '─';
      const width = textWidth();
      if (!title) return opts.plain ? '' : style(chalk.dim)(line.repeat(width));
      if (opts.plain) return `== ${title} ==`;
      const head = `${line}${line} ${title} `;
      return style(chalk.dim)(head + line.repeat(Math.max(2, width - visibleLength(head))));
    },
    wrap(text: string, indent = 0): string {
      return wrapText(text, textWidth(), indent);
    },
  };
}
