// The results screen on a terminal: a summary taller than the screen is paged above the menu, so the
// score and the topic table do not scroll away; without a terminal size it is written whole.
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/quiz/session.js';
import { showResults } from '../../src/quiz/results-screen.js';
import { scriptedPrompter } from '../../src/ui/scripted-prompter.js';
import { createTheme } from '../../src/ui/theme.js';

const theme = createTheme({ color: false, plain: true, columns: 80 });
const res: Results = { total: 0, answered: 0, correct: 0, byTopic: [], byExam: [], items: [], missed: [] };
const summary = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

function run(answers: unknown[], size?: { columns: number; rows: number }) {
  const written: string[] = [];
  const keys: string[] = [];
  const prompter = scriptedPrompter(answers);
  const key = prompter.key.bind(prompter);
  prompter.key = (message, k, o) => (keys.push(message), key(message, k, o));
  const done = showResults(
    { prompter, theme, out: { write: (t: string) => void written.push(t) }, size: size && (() => size) },
    res,
    summary,
  );
  return { done, text: () => written.join(''), keys, prompter };
}

describe('the results screen', () => {
  it('pages a summary taller than the terminal, then shows the menu', async () => {
    const r = run(['enter', ' ', 'done'], { columns: 80, rows: 24 });
    await r.done;
    // 24 rows less the menu's 7: pages of 17 lines, 40 lines in 3 pages
    expect(r.keys).toEqual([
      '-- 1/3 · space: more · b: back · q: skip to the menu --',
      '-- 2/3 · space: more · b: back · q: skip to the menu --',
    ]);
    for (let i = 1; i <= 40; i++) expect(r.text()).toContain(`line ${i}\n`);
    expect(r.prompter.remaining()).toBe(0);
  });

  it('q in the pager skips to the menu', async () => {
    const r = run(['q', 'done'], { columns: 80, rows: 24 });
    await r.done;
    expect(r.text()).toContain('line 17\n');
    expect(r.text()).not.toContain('line 18');
    expect(r.prompter.remaining()).toBe(0);
  });

  it('writes the summary whole when there is no terminal size, or when it fits', async () => {
    const pipe = run(['done']);
    await pipe.done;
    expect(pipe.text()).toBe(summary);
    const tall = run(['done'], { columns: 80, rows: 60 });
    await tall.done;
    expect(tall.keys).toEqual([]);
    expect(tall.text()).toContain('line 40');
  });
});
