import { describe, expect, it } from 'vitest';
import {
  sanitize,
  sanitizeLine,
  sanitizeTerminal,
  sanitizingOutput,
  unsafeIndex,
} from '../../src/ui/sanitize.js';
import { toJson, toMarkdown } from '../../src/group/export.js';
import { answerFor, begin, createGroup, startTurns } from '../../src/group/state.js';
import { game, Q } from '../group/fixtures.js';

describe('sanitize', () => {
  it.each([
    [
      'OSC 0 and OSC 52',
      'Harmless\x1b]0;PWNED\x07\x1b]52;c;ZWNobyBwd25lZA==\x07',
      'Harmless\\e]0;PWNED\\a\\e]52;c;ZWNobyBwd25lZA==\\a',
    ],
    ['CSI clear screen', 'a\x1b[2J\x1b[Hb', 'a\\e[2J\\e[Hb'],
    ['DCS with string terminator', '\x1bPq#0\x1b\\', '\\ePq#0\\e\\'],
    ['8-bit CSI and other C1', 'x\x9b31m\x85y', 'x\\u009b31m\\u0085y'],
    ['bidi override and isolates', 'a\u202eb\u2066c\u2069\u202a', 'a\\u202eb\\u2066c\\u2069\\u202a'],
    ['carriage return, backspace, NUL, DEL', 'ok\rfake\b\x00\x7f', 'ok\\rfake\\b\\u0000\\u007f'],
    [
      'direction marks, zero-width and line-separator characters',
      'a\u200eb\u200fc\u061cd\u200be\u200cf\u2028g\u2029h\u2060i\u2064j\ufeffk',
      'a\\u200eb\\u200fc\\u061cd\\u200be\\u200cf\\u2028g\\u2029h\\u2060i\\u2064j\\ufeffk',
    ],
    ['the zero-width joiner of an emoji sequence stays', 'dev 👩\u200d💻', 'dev 👩\u200d💻'],
    [
      'soft hyphen, blank fillers and tag characters',
      'a\u00adb\u3164c\u180ed\u{E0041}e',
      'a\\u00adb\\u3164c\\u180ed\\udb40\\udc41e',
    ],
    [
      'format characters that show nothing (Allow with U+206A inside must not pass for Allow)',
      'Al\u206alow \u206f\ufff9x\ufffb y\u034fz \u17b4\u180b\u180f \u{13430}\u{1BCA0}\u{1D173}',
      'Al\\u206alow \\u206f\\ufff9x\\ufffb y\\u034fz \\u17b4\\u180b\\u180f \\ud80d\\udc30\\ud82f\\udca0\\ud834\\udd73',
    ],
    ['a variation selector chooses how an emoji looks: it stays', 'I \u2764\ufe0f IAM', 'I \u2764\ufe0f IAM'],
    ['Hangul fillers', '\u115f\u1160', '\\u115f\\u1160'],
    ['newline and tab are layout', 'line 1\n\tline 2', 'line 1\n\tline 2'],
    ['plain and accented text', 'Ünïcode — ✔ 日本', 'Ünïcode — ✔ 日本'],
  ])('%s', (_what, input, shown) => {
    expect(sanitize(input)).toBe(shown);
    expect(unsafeIndex(input) >= 0).toBe(input !== shown);
  });

  it('sanitizeLine also escapes newline and tab', () => {
    expect(sanitizeLine('a\nb\tc')).toBe('a\\nb\\tc');
  });

  it('sanitizeTerminal keeps the theme colours only when colour is on, and never conceal or OSC', () => {
    const text = '\x1b[32m✔\x1b[39m \x1b[1;36mtitle\x1b[22;39m \x1b[8mhidden\x1b[28m \x1b]0;x\x07';
    expect(sanitizeTerminal(text, true)).toBe(
      '\x1b[32m✔\x1b[39m \x1b[1;36mtitle\x1b[22;39m \\e[8mhidden\\e[28m \\e]0;x\\a',
    );
    expect(sanitizeTerminal(text, false)).toBe(sanitize(text));
  });

  it('escapes in JSON text keep the JSON meaning the same', () => {
    const value = { t: 'a\x1b]0;x\x07\u202e\x9b\x7f' };
    const json = JSON.stringify(value);
    expect(sanitize(json)).not.toBe(json);
    expect(JSON.parse(sanitize(json))).toEqual(value);
  });
});

// eslint-disable-next-line no-control-regex
const RAW = /[\x1b\x07\u202e]/;

describe('group export', () => {
  const hostile = () => {
    let s = startTurns(game(['Ana\x1b]0;PWNED\x07', 'Ben\u202e']));
    s = answerFor(s, 0, 'AssumeRole');
    return answerFor(s, 1, 'GetSessionToken');
  };

  it('escapes player names in the Markdown export', () => {
    const md = toMarkdown(hostile());
    expect(md).not.toMatch(RAW);
    expect(md).toContain('Ana\\e]0;PWNED\\a');
    expect(md).toContain('Ben\\u202e');
  });

  it("keeps a pack's HTML and a name's newline from becoming markup in the Markdown export", () => {
    // Given a question with HTML in its prompt, choice and explanation, and a name with a heading in it
    const q = {
      ...Q[0]!,
      prompt: 'Which? <img src=x onerror=alert(1)> <!-- hide the rest',
      choices: ['A <script>alert(2)</script>', 'B'],
      answer: 'A <script>alert(2)</script>',
      explain: 'Because <b>bold</b>.',
    };
    let s = startTurns(begin(createGroup({ questions: [q], seed: 1 }), ['Ana\n# Fake heading', 'Ben']));
    s = answerFor(answerFor(s, 0, 'B'), 1, 'A <script>alert(2)</script>');
    const md = toMarkdown(s);
    // Then every `<` is escaped, and the name stays on the Players line
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain('Which? \\<img src=x onerror=alert(1)> \\<!-- hide the rest');
    expect(md).toContain('A \\<script>alert(2)\\</script>');
    expect(md).toContain('Because \\<b>bold\\</b>.');
    expect(md).toContain('Players: Ana # Fake heading, Ben ·');
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toStrictEqual(['# sts-trainer study group']);
  });

  it("keeps a prompt's lines from starting Markdown blocks, links or images", () => {
    // Given a prompt whose lines would be a heading, a quote, a fence, a table and an image
    const q = {
      ...Q[0]!,
      prompt: 'Which?\n# Fake\n> quote\n```\n| a | b |\n![img](http://evil/x.png) [x](javascript:alert(1))',
    };
    let s = startTurns(begin(createGroup({ questions: [q], seed: 1 }), ['Ana', 'Ben']));
    s = answerFor(answerFor(s, 0, 'AssumeRole'), 1, 'AssumeRole');
    const md = toMarkdown(s);
    // Then each shows as text
    expect(md).toContain(
      '\\# Fake  \n\\> quote  \n\\```  \n\\| a | b |  \n!\\[img](http://evil/x.png) \\[x](javascript:alert(1))',
    );
  });

  it('the JSON export keeps the names (as JSON escapes)', () => {
    const json = toJson(hostile());
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json).players).toEqual(['Ana\x1b]0;PWNED\x07', 'Ben\u202e']);
  });
});

describe('the sanitizing output', () => {
  it('escapes a clear in text, and clears only when sts-trainer asks', () => {
    const written: string[] = [];
    const out = sanitizingOutput({ write: (t: string) => written.push(t) }, true);
    out.write('Hi \x1b[2J\x1b[H there');
    out.clearScreen();
    expect(written).toEqual(['Hi \\e[2J\\e[H there', '\x1b[2J\x1b[3J\x1b[H']);
  });
});
