/** Tables for the terminal (cli-table3), with an aligned plain-text form for `--plain` and pipes. */
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';

// cli-table3 (CommonJS) loads only when a boxed table is drawn: plain output and pipes never need it.
const require = createRequire(import.meta.url);

export interface TableOptions {
  /** No box drawing: columns aligned with spaces (screen readers, logs, pipes). */
  plain: boolean;
}

/** Renders rows under a header; returns the text with a trailing newline. */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: TableOptions,
): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  if (options.plain) {
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
    const line = (r: readonly string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    return [line(head), ...cells.map(line)].join('\n') + '\n';
  }
  const Table = require('cli-table3') as typeof TableType;
  // No rule between body rows: compact enough for a projected terminal, still boxed.
  const table = new Table({
    head: [...head],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of cells) table.push(r);
  return table.toString() + '\n';
}
