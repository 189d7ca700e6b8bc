/**
 * The fast path's positions (recorded while js-yaml reads the file) agree with `yaml`'s for every
 * node of the built-in content and for hand-picked YAML forms, so a problem points at the same line
 * and column without a second parse; forms the recorder cannot pair with their data give none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { recordPositions } from '../../src/content/node-positions.js';
import { createRandom } from '../../src/quiz/prng.js';
import { NO_POSITIONS, positionsOf, type ContentPath } from '../../src/content/positions.js';

function paths(value: unknown, prefix: (string | number)[] = []): ContentPath[] {
  const out: ContentPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function compare(text: string, extra: ContentPath[] = []) {
  const lineCounter = new LineCounter();
  const slow = positionsOf(parseDocument(text, { lineCounter }), lineCounter);
  const recorder = recordPositions(text);
  const data = load(text, { schema: CORE_SCHEMA, listener: recorder.listener });
  const fast = recorder.positions(data, () => {
    throw new Error(`no recorded positions for a path of ${JSON.stringify(text.slice(0, 40))}`);
  });
  if (!fast) throw new Error('no positions recorded');
  const all = [...paths(data), ...extra];
  for (const p of all) {
    expect(fast.at(p), JSON.stringify(p)).toEqual(slow.at(p));
    expect(fast.at(p, { key: true }), `${JSON.stringify(p)} key`).toEqual(slow.at(p, { key: true }));
  }
  return all.length;
}

describe('positions recorded while js-yaml reads', () => {
  const files = ['scenarios', 'quizzes'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(d, f)),
  );

  it.each(files)('match yaml for every node of %s', (file) => {
    const n = compare(readFileSync(file, 'utf8'), [
      ['steps', 99, 'explain'],
      ['nope'],
      ['questions', 0, 'zzz'],
    ]);
    expect(n).toBeGreaterThan(20);
  });

  it('match yaml for quoted, block, flow, empty and nested forms', () => {
    const text = [
      'id: "quoted"',
      "other: 'single'",
      'empty:',
      'block: |',
      '  line one',
      'folded: >-',
      '  text',
      'flow: { a: 1, b: [x, "y", { c: 2 }] }',
      'list:',
      '  - one',
      '  - k: v',
      '    m:',
      '      - 1',
      '  -',
      '    - nested',
      '',
    ].join('\n');
    compare(text, [
      ['flow', 'b', 2, 'zz'],
      ['list', 5],
      ['list', '1'],
      ['list', -1],
      ['list', 1.5],
      ['list', 3, 0, 'deeper'],
      ['block', 'x'],
    ]);
  });

  it('match yaml for number-like keys and keys after long values', () => {
    const text = [
      'mapping: { x: 1 }',
      '3: three',
      'items:',
      '  - first',
      '  - last',
      'long:',
      '  - { a: [1, 2, { b: [3, 4] }], c: d }',
      '  - - - deep',
      'after: end',
      '',
    ].join('\n');
    compare(text, [[3], ['items', 2], ['after', 'x'], ['long', 1, 0, 0]]);
  });
});

const WORDS = [
  'id',
  'a b',
  'x: y',
  '# not a comment',
  'multi\nline\n',
  '',
  '42',
  'true',
  'null',
  '-dash',
  "it's",
  '"q"',
  '*',
  'ünï',
];

function value(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 3 || r < 0.4) {
    const pick = rand();
    if (pick < 0.15) return Math.floor(rand() * 1000);
    if (pick < 0.2) return null;
    if (pick < 0.25) return rand() < 0.5;
    return WORDS[Math.floor(rand() * WORDS.length)]!;
  }
  const n = Math.floor(rand() * 4);
  if (r < 0.7) return Array.from({ length: n }, () => value(rand, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++)
    out[`${WORDS[Math.floor(rand() * WORDS.length)]!}${i}`] = value(rand, depth + 1);
  return out;
}

describe('positions recorded while js-yaml reads: generated documents', () => {
  let compared = 0;
  it.each(Array.from({ length: 200 }, (_, i) => i))(
    'seed %i: match yaml wherever positions are given',
    (seed) => {
      const rand = createRandom(seed);
      const data = { root: value(rand, 0), more: value(rand, 1) };
      const text = stringify(data, {
        collectionStyle: rand() < 0.3 ? 'flow' : 'any',
        defaultStringType: (
          ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const
        )[Math.floor(rand() * 5)]!,
        indent: rand() < 0.5 ? 2 : 4,
        indentSeq: rand() < 0.5,
      });
      const withComments = rand() < 0.5 ? text.replace(/\n/g, (m) => (rand() < 0.2 ? ' # note\n' : m)) : text;
      const recorder = recordPositions(withComments);
      let parsed: unknown;
      try {
        parsed = load(withComments, { schema: CORE_SCHEMA, listener: recorder.listener });
      } catch {
        return; // a comment where YAML does not allow one: not this test's concern
      }
      if (recorder.positions(parsed, () => NO_POSITIONS)) {
        compare(withComments);
        compared++;
      }
    },
  );

  it('most generated documents get positions (the comparison above is not vacuous)', () => {
    expect(compared).toBeGreaterThan(150);
  });
});

describe('positions recorded while js-yaml reads: forms it cannot pair', () => {
  const read = (text: string) => {
    const recorder = recordPositions(text);
    const data: unknown = load(text, { schema: CORE_SCHEMA, listener: recorder.listener });
    return { recorder, data };
  };

  it.each([
    ['an alias', 'a: &x { b: 1 }\nc: *x\n'],
    ['a scalar alias', 'a: &x one\nc: *x\n'],
    ['an empty key', ': 1\n'],
    ['an anchor without an alias', 'a: &x { b: 1 }\n'],
    ['a tag', 'a: !!str 12\n'],
    ['a tag before a mapping js-yaml reads by going back', '- !!str\n  k: v\n'],
  ])('%s: no positions (the file is read with yaml)', (_name, text) => {
    let given: unknown;
    try {
      const { recorder, data } = read(text);
      given = recorder.positions(data, () => NO_POSITIONS);
    } catch {
      given = undefined; // js-yaml refuses it: the slow path reads it
    }
    expect(given).toBeUndefined();
  });

  it.each([
    ['an explicit key', 'top:\n  ? a\n  : b\nafter: 1\n', [['top', 'a'], ['after']]],
    ['a pair in a flow list', 'l: [a: b, c]\nafter: 1\n', [['l', 0], ['l', 1], ['after']]],
    ['a list as a key', 'm:\n  [a, b]: 1\n  c: 2\n', [['m', 'c']]],
  ])('%s: the paths through it are looked up with yaml, the others are not', (_name, text, through) => {
    const { recorder, data } = read(text);
    const lineCounter = new LineCounter();
    const slow = positionsOf(parseDocument(text, { lineCounter }), lineCounter);
    let asked = 0;
    const fast = recorder.positions(data, () => {
      asked++;
      return slow;
    })!;
    for (const p of through as ContentPath[]) {
      const before = asked;
      expect(fast.at(p), JSON.stringify(p)).toEqual(slow.at(p));
      expect(fast.at(p, { key: true }), JSON.stringify(p)).toEqual(slow.at(p, { key: true }));
      if (p[0] !== 'after') expect(asked, JSON.stringify(p)).toBeGreaterThan(before);
    }
  });
});
