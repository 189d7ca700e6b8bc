/**
 * Tables for the terminal (cli-table3), with an aligned plain-text form for `--plain` and pipes.
 * A table fits the width it is given: columns of long text wrap at word boundaries; when even that
 * cannot fit (or the terminal is narrower than 80 columns) each row becomes a short block of its own.
 */
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { visibleLength, wrapWords } from './text.js';

// cli-table3 (CommonJS) loads only when a boxed table is drawn: plain output and pipes never need it.
const require = createRequire(import.meta.url);

export interface TableOptions {
  /** No box drawing: columns aligned with spaces (screen readers, logs, pipes). */
  plain: boolean;
  /** Columns the table may take (a Theme's `tableWidth`); undefined: not limited. */
  tableWidth?: number | undefined;
}

/** Below this many columns a table that does not fit as it is becomes one block per row. */
const NARROW = 80 - 1; // the table width of an 80-column terminal
/** cli-table3's default cell padding: one space each side. */
const PADDING = 2;

/** The columns a table may take in a terminal of `columns` columns (the last one stays free). */
export function tableWidthOf(columns: number | undefined): number | undefined {
  return columns ? Math.max(40, columns - 1) : undefined;
}

/** Renders rows under a header; returns the text with a trailing newline. */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: TableOptions,
): string {
  const cells = rows.map((r) => head.map((_, i) => String(r[i] ?? '')));
  const width = options.tableWidth;
  const natural = head.map((h, i) => Math.max(visibleLength(h), ...cells.map((r) => longestLine(r[i]!))));
  if (options.plain) {
    // aligned columns, two spaces apart
    const total = natural.reduce((a, b) => a + b, 0) + 2 * (head.length - 1);
    if (width !== undefined && total > width) return stacked(head, cells, width);
    return [head, ...cells].map((r) => alignedLine(r, natural)).join('\n') + '\n';
  }
  const borders = head.length + 1;
  const fits = (ws: number[]) => width === undefined || ws.reduce((a, b) => a + b, 0) + borders <= width;
  const widths = natural.map((w) => w + PADDING);
  if (fits(widths)) return boxed(head, cells);
  const least = head.map(
    (h, i) => Math.max(longestWord(h), ...cells.map((r) => longestWord(r[i]!))) + PADDING,
  );
  if (width! < NARROW || !fits(least)) return stacked(head, cells, width!);
  // narrow the widest column that can still give a column up, until the table fits
  while (!fits(widths)) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > least[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    widths[widest]!--;
  }
  const wrapped = cells.map((r) => r.map((c, i) => wrapCell(c, widths[i]! - PADDING)));
  return boxed(head, wrapped, widths);
}

function boxed(head: readonly string[], cells: readonly string[][], colWidths?: number[]): string {
  const Table = require('cli-table3') as typeof TableType;
  // One line per row needs no rule between rows (compact enough for a projected terminal);
  // rows of wrapped cells do, to show where a row ends.
  const table = new Table({
    head: [...head],
    style: { head: [], border: [] },
    ...(colWidths ? { colWidths } : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
  });
  for (const r of cells) table.push(r);
  return table.toString() + '\n';
}

/**
 * The narrow layout: the first column on a line of its own, then the other columns as
 * `name: value` pairs wrapped under it (read well by screen readers too).
 */
function stacked(head: readonly string[], cells: readonly string[][], width: number): string {
  const out: string[] = [];
  for (const r of cells) {
    out.push(...wrapWords(r[0]!, width));
    const pairs = head
      .slice(1)
      .map((h, i) => (r[i + 1] ? `${h}: ${r[i + 1]!.replace(/\s*\n\s*/g, ' ')}` : ''))
      .filter(Boolean);
    if (pairs.length > 0) out.push(...wrapWords(pairs.join(' · '), width - 2).map((l) => `  ${l}`));
  }
  return out.join('\n') + '\n';
}

function alignedLine(r: readonly string[], widths: readonly number[]): string {
  return r
    .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - visibleLength(c)))))
    .join('  ')
    .trimEnd();
}

function wrapCell(cell: string, room: number): string {
  return cell
    .split('\n')
    .flatMap((l) => wrapWords(l, room))
    .join('\n');
}

function longestLine(s: string): number {
  return Math.max(0, ...s.split('\n').map(visibleLength));
}

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map(visibleLength));
}
