import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { renderHandout } from '../../src/learn/handout.js';
import { createTheme } from '../../src/ui/theme.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const theme = createTheme({ color: false, plain: true, columns: 100 });

describe('the --no-input handout of every built-in scenario', () => {
  it('has the 16 built-in scenarios', () => {
    expect(library.scenarios.length).toBeGreaterThanOrEqual(16);
  });

  it.each(library.scenarios.map((s) => [s.scenario.id, s.scenario] as const))('%s', (_id, scenario) => {
    const text = renderHandout(scenario, theme);
    expect(text).toContain(scenario.title);
    for (const step of scenario.steps) expect(text).toContain(step.title ?? step.id);
    for (const w of scenario.whatIf ?? []) expect(text).toContain(`What if… ${w.title ?? w.id}`);
    for (const t of scenario.takeaways ?? [])
      expect(text.replace(/\s+/g, ' ')).toContain(t.replace(/\s+/g, ' '));
    expect(text).toMatch(/What (STS|AWS) checked:/);
    expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    // plain output: no colour codes and no box drawing
    expect(text).not.toContain(String.fromCharCode(27));
    expect(text).not.toMatch(/[─│┌┐└┘]/);
  });
});
