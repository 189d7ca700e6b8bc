/** The "What if…" menu: run ones marked ✔, the cursor on the next one not yet run, Done always in view. */
import type { Scenario } from '../content/schema.js';
import type { Choice } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { MSG } from './messages.js';

export const DONE = 'done';

export interface WhatIfMenu {
  choices: Choice[];
  /** Where the cursor starts: the first variation not run yet, else Done. */
  default: string;
  /** Rows of choices shown at once. */
  pageSize: number;
}

/**
 * The menu for a terminal `rows` high. When every choice fits, Done comes last; when they do not,
 * Done comes first so it is never below the fold.
 */
export function whatIfMenu(scenario: Scenario, seen: readonly string[], rows: number, t: Theme): WhatIfMenu {
  const whatIfs = scenario.whatIf ?? [];
  const items: Choice[] = whatIfs.map((w) => ({
    value: `w:${w.id}`,
    name: `${seen.includes(w.id) ? t.ok(t.sym.ok) : ' '} ${w.title ?? w.id}`,
  }));
  const done: Choice = { value: DONE, name: `  ${MSG.doneWhatIfs}` };
  const room = Math.max(3, rows - 5);
  const fits = items.length + 1 <= room;
  const next = whatIfs.find((w) => !seen.includes(w.id));
  return {
    choices: fits ? [...items, done] : [done, ...items],
    default: next ? `w:${next.id}` : DONE,
    pageSize: Math.min(items.length + 1, room),
  };
}
