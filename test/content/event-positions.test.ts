/**
 * The fast path's positions (from js-yaml's parse events) agree with `yaml`'s for every node of the
 * built-in content and for hand-picked YAML forms, so a problem points at the same line and column
 * without a second parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constructFromEvents, CORE_SCHEMA, parseEvents } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { eventPositions } from '../../src/content/event-positions.js';
import { positionsOf, type ContentPath } from '../../src/content/positions.js';

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
  const events = parseEvents(text, {});
  const data = constructFromEvents(events, { source: text, schema: CORE_SCHEMA })[0];
  const fast = eventPositions(events, text);
  const all = [...paths(data), ...extra];
  for (const p of all) {
    expect(fast.at(p), JSON.stringify(p)).toEqual(slow.at(p));
    expect(fast.at(p, { key: true }), `${JSON.stringify(p)} key`).toEqual(slow.at(p, { key: true }));
  }
  return all.length;
}

describe('positions from parse events', () => {
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
