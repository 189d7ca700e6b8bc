import { describe, expect, it } from 'vitest';
import { visibleLength, wrapText, wrapWords } from '../../src/ui/text.js';
import { createTheme } from '../../src/ui/theme.js';

const widest = (text: string) => Math.max(...text.split('\n').map(visibleLength));

describe('visibleLength', () => {
  it('counts columns, not characters: ANSI codes zero, wide characters and emoji two', () => {
    expect(visibleLength('\x1b[32mok\x1b[39m')).toBe(2);
    expect(visibleLength('日本語')).toBe(6);
    expect(visibleLength('✅ done')).toBe(7);
    expect(visibleLength('plain')).toBe(5);
  });
});

describe('wrapText', () => {
  const prose =
    'Passing Tags (or TransitiveTagKeys) is a separate permission: the trust policy must allow\n' +
    'sts:TagSession as well as sts:AssumeRole, and the role does. The session now carries principal tags.';

  it.each([40, 60, 80])('fits %i columns and never breaks inside a word', (width) => {
    const out = wrapText(prose, width);
    expect(widest(out)).toBeLessThanOrEqual(width);
    const words = prose.split(/\s+/);
    expect(out.split(/\s+/)).toEqual(words);
  });

  it('does not keep the line breaks an author made inside a paragraph', () => {
    const out = wrapText(prose, 200);
    expect(out).toBe(prose.replace('\n', ' '));
  });

  it('keeps blank lines between paragraphs and list items on lines of their own, with a hanging indent', () => {
    const text =
      'First paragraph.\n\nThe rules:\n- one rule that is long enough to wrap onto a second line here\n- two';
    const out = wrapText(text, 40);
    expect(out).toBe(
      [
        'First paragraph.',
        '',
        'The rules:',
        '- one rule that is long enough to wrap',
        '  onto a second line here',
        '- two',
      ].join('\n'),
    );
  });

  it('keeps indented (preformatted) lines as they are', () => {
    const text = 'Policy:\n  {"Effect": "Allow",\n   "Action": "sts:AssumeRole"}';
    expect(wrapText(text, 60)).toBe(text);
  });

  it('moves a URL to its own line rather than breaking it, and never cuts one', () => {
    const url = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html';
    const fits = wrapText(`See the guide at ${url} for details.`, 70);
    expect(fits.split('\n').some((l) => l.includes(url))).toBe(true);
    expect(widest(fits)).toBeLessThanOrEqual(70);
    // Wider than the room: whole on its own line (the terminal folds it), still indented as one link.
    expect(wrapText(`See ${url} now.`, 40, 2).split('\n')).toEqual(['  See', `  ${url}`, '  now.']);
    expect(wrapText(`doc: ${url}.`, 40, 6).split('\n')).toEqual(['      doc:', `      ${url}.`]);
    // In a table cell (wrapWords alone) the border must stay in line: the URL is cut there.
    expect(wrapWords(url, 40).every((l) => l.length <= 40)).toBe(true);
    // Any other word that long is still cut.
    const arn = `arn:aws:iam::111111111111:role/${'x'.repeat(60)}`;
    expect(widest(wrapText(`Role ${arn} here.`, 40))).toBeLessThanOrEqual(40);
  });

  it('indents every line and keeps colour codes intact across a break', () => {
    const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
    const out = wrapText(red('one two three four five six seven eight nine ten eleven'), 24, 4);
    for (const line of out.split('\n')) {
      expect(line.startsWith('    ')).toBe(true);
      expect(visibleLength(line)).toBeLessThanOrEqual(24);
    }
    expect(out.replaceAll('\x1b[31m', '').replaceAll('\x1b[39m', '').replace(/\n +/g, ' ').trim()).toBe(
      'one two three four five six seven eight nine ten eleven',
    );
  });

  it('measures wide characters when wrapping', () => {
    const out = wrapText('日本語 日本語 日本語 日本語', 20);
    expect(widest(out)).toBeLessThanOrEqual(20);
    expect(out.split('\n')).toHaveLength(2);
  });
});

describe('a theme follows the terminal width as it changes', () => {
  it('re-reads the columns at every use', () => {
    let columns: number | undefined = 120;
    const t = createTheme({ color: false, plain: true, columns: () => columns });
    expect(t.width).toBe(100);
    expect(t.tableWidth).toBe(119);
    columns = 60;
    expect(t.width).toBe(59);
    expect(widest(t.wrap(prose()))).toBeLessThanOrEqual(59);
    columns = undefined;
    expect(t.width).toBe(79);
    expect(t.tableWidth).toBeUndefined();
  });
});

function prose(): string {
  return 'word '.repeat(60).trim();
}
