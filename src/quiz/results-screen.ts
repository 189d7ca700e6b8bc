/**
 * The results screen: the summary with the score at the top, then a review
 * list of every question's explanation, filtered by wrong, flagged or all
 * (also after a perfect score). The score line is the menu's own first line,
 * so it is on screen whenever the learner chooses what to read next.
 */
import type { Output } from '../ui/output.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { renderReviewList, reviewItems, scoreLine, type ReviewFilter } from './render.js';
import type { Results } from './session.js';

export async function showResults(
  deps: { prompter: Prompter; theme: Theme; out: Output; clear?: () => void },
  res: Results,
  summary: string,
  note?: string,
): Promise<void> {
  const { prompter, theme, out } = deps;
  deps.clear?.();
  out.write(summary);
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
    });
    const filter = r.selected[0];
    if (r.action !== 'answer' || filter === 'done' || filter === undefined) return;
    const f = filter as ReviewFilter;
    out.write(count(f) ? renderReviewList(theme, res, f) : `${theme.dim('none')}\n`);
  }
}
