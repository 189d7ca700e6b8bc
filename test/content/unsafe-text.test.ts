/**
 * The unsafe-text warning finds a control character whether the file holds it raw or makes it
 * with a YAML escape; a file with neither is not walked (and has no such warning).
 */
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/content/parse.js';

const quiz = (title: string) =>
  [
    `id: q`,
    `title: ${title}`,
    'questions:',
    '  - { id: a, type: single, prompt: P, choices: [x, y], answer: x }',
  ].join('\n');

const unsafe = (text: string) =>
  parseContent(text, 'q.yaml')
    .warnings.filter((w) => w.message.includes('control character'))
    .map((w) => `${w.line}:${w.col}`);

describe('unsafe text in a content file', () => {
  it.each([
    ['a raw escape character', 'Hi \x1b[2J there'],
    ['a raw bidi override', 'Hi \u202e there'],
    ['a YAML \\e escape', '"Hi \\e[2J there"'],
    ['a YAML \\N escape (NEL, a C1 control)', '"Hi \\N there"'],
    ['a YAML \\u escape', '"Hi \\u202e there"'],
  ])('is found when the file has %s', (_, title) => {
    expect(unsafe(quiz(title))).toEqual(['2:8']);
  });

  it('is not reported for plain text, a tab, or a backslash that makes nothing unsafe', () => {
    expect(unsafe(quiz('Plain "quoted" text'))).toEqual([]);
    expect(unsafe(quiz('"Tab\\there"'))).toEqual([]);
    expect(unsafe(quiz('C:\\path'))).toEqual([]);
  });
});
