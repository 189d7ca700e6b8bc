import { describe, expect, it } from 'vitest';
import { apisView } from '../../src/apis/table.js';
import { renderApis } from '../../src/apis/render.js';
import { createTheme } from '../../src/ui/theme.js';

describe('apis text layout', () => {
  it.each([60, 80, 120])('fits %i columns', (columns) => {
    const theme = createTheme({ color: false, plain: true, columns });
    const text = renderApis(theme, apisView([]));
    // A URL is never cut (ui/text.ts): a line that is one URL may run past the width.
    for (const line of text.split('\n')) {
      if (!/^\s*https:\/\/\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(columns);
    }
    expect(text).toContain('no scenario calls it yet');
  });
});
