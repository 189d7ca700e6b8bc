/**
 * The one colour theme: every coloured or styled string the CLI prints goes through here, so
 * `--plain`, `--no-color`, NO_COLOR and non-TTY output switch colour and box drawing off in one place.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Theme {
  color: boolean;
  plain: boolean;
  width: number;
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

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Visible length of a string (ANSI colour codes removed). */
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/** Lines wider than this are hard to read even on a wide terminal. */
const MAX_WIDTH = 100;
const MIN_WIDTH = 40;

export function createTheme(opts: { color: boolean; plain: boolean; columns: number }): Theme {
  const color = opts.color && !opts.plain;
  const chalk: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, (opts.columns || 80) - 1));
  const id = (s: string) => s;
  const style = (f: (s: string) => string) => (color ? f : id);
  return {
    color,
    plain: opts.plain,
    width,
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
      if (!title) return opts.plain ? '' : style(chalk.dim)(line.repeat(width));
      if (opts.plain) return `== ${title} ==`;
      const head = `${line}${line} ${title} `;
      return style(chalk.dim)(head + line.repeat(Math.max(2, width - visibleLength(head))));
    },
    wrap(text: string, indent = 0): string {
      return wrapText(text, width, indent);
    },
  };
}

/** Word-wraps each paragraph of `text` to `width` columns, indenting every line by `indent` spaces. */
export function wrapText(text: string, width: number, indent = 0): string {
  const pad = ' '.repeat(indent);
  const room = Math.max(20, width - indent);
  const out: string[] = [];
  for (const para of text.replace(/\s+$/, '').split('\n')) {
    if (para.trim() === '') {
      out.push('');
      continue;
    }
    // keep a paragraph's own leading indentation (lists, code in explanations)
    const lead = /^\s*/.exec(para)?.[0] ?? '';
    let line = '';
    for (const word of para.trim().split(/\s+/)) {
      if (line === '') line = lead + word;
      else if (visibleLength(line) + 1 + visibleLength(word) <= room) line += ' ' + word;
      else {
        out.push(pad + line);
        line = lead + word;
      }
    }
    out.push(pad + line);
  }
  return out.join('\n');
}
