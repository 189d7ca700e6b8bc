/**
 * The results screen: the summary with the score at the top, then a review
 * list of every question's explanation, filtered by wrong, flagged or all
 * (also after a perfect score). The score line is the menu's own first line,
 * so it is on screen whenever the learner chooses what to read next.
 */
import type { Output } from '../ui/output.js';
import { clearScreen } from '../ui/countdown.js';
import { showPaged } from '../ui/pager.js';
import { QuitRequested, type Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { renderReviewList, reviewItems, scoreLine, type ReviewFilter } from './render.js';
import { MSG } from './messages.js';
import type { Results } from './session.js';

/** Rows the menu under the text needs: the score line, the question, four choices, the key help. */
const MENU_ROWS = 7;

export interface ResultsDeps {
  prompter: Prompter;
  theme: Theme;
  out: Output;
  clear?: () => void;
  /**
   * The terminal's size now, when output is a terminal: text taller than the screen is then shown
   * a page at a time, so the score and the topic table do not scroll away under the menu.
   */
  size?: () => { columns: number; rows: number } | undefined;
  /** Clear the pager's "more" line after a key (not for screen readers or logs). */
  erase?: boolean;
}

/** The results screen on the terminal: cleared first and the pager's line erased, unless plain. */
export function terminalResults(
  base: Pick<ResultsDeps, 'prompter' | 'theme' | 'out' | 'size'>,
  plain: boolean,
): ResultsDeps {
  return { ...base, clear: plain ? undefined : () => clearScreen(base.out), erase: !plain };
}

/** Writes `text`, paged when it is taller than the terminal; `q` in the pager skips to the menu. */
async function show(deps: ResultsDeps, text: string): Promise<void> {
  const size = deps.size?.();
  if (!size) return void deps.out.write(text);
  const io = {
    write: (t: string) => deps.out.write(t),
    key: (m: string, k: string[]) => deps.prompter.key(deps.theme.dim(m), k, { erase: deps.erase }),
    size: () => deps.size?.() ?? size,
  };
  try {
    await showPaged(text.replace(/\n$/, ''), io, MENU_ROWS, MSG.resultsMore);
  } catch (e) {
    if (!(e instanceof QuitRequested)) throw e;
  }
}

export async function showResults(
  deps: ResultsDeps,
  res: Results,
  summary: string,
  note?: string,
): Promise<void> {
  const { prompter, theme, out } = deps;
  deps.clear?.();
  await show(deps, summary);
  const count = (f: ReviewFilter) => reviewItems(res, f).length;
  for (;;) {
    const r = await prompter.pick({
      status: scoreLine(theme, res) + (note ? theme.warn(` · ${note}`) : ''),
      message: 'Read the explanations?',
      choices: [
        { value: 'done', name: 'done' },
        { value: 'wrong', name: `wrong or not answered (${count('wrong')})` },
        { value: 'flagged', name: `flagged (${count('flagged')})` },
        { value: 'all', name: `all questions (${count('all')})` },
      ],
      style: { dim: theme.dim, warn: theme.warn, accent: theme.accent },
      menu: true,
    });
    const filter = r.selected[0];
    if (r.action !== 'answer' || filter === 'done' || filter === undefined) return;
    const f = filter as ReviewFilter;
    if (count(f)) await show(deps, renderReviewList(theme, res, f));
    else out.write(`${theme.dim('none')}\n`);
  }
}
