import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSession } from '../../src/quiz/loop.js';
import type { BankQuestion } from '../../src/quiz/question.js';
import { renderResults } from '../../src/quiz/render.js';
import { results, startSession } from '../../src/quiz/session.js';
import { openProgress } from '../../src/store/progress-store.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { createTheme } from '../../src/ui/theme.js';

const base = { refs: [], exam: [], origin: 'authored' as const, explain: 'because' };
const single: BankQuestion = {
  ...base,
  id: 'q/single',
  type: 'single',
  prompt: 'Which API?',
  choices: ['AssumeRole', 'GetSessionToken'],
  answer: 'AssumeRole',
  topics: ['assume-role'],
};
const pair: BankQuestion = {
  ...base,
  id: 'q/pair',
  type: 'pair',
  prompt: 'Vendor access?',
  choices: [],
  answer: '',
  topics: ['external-id'],
  pair: {
    api: { choices: ['AssumeRole', 'GetFederationToken'], answer: 'AssumeRole' },
    trust: { choices: ['sts:ExternalId', 'aws:MultiFactorAuthPresent'], answer: 'sts:ExternalId' },
  },
};
const order: BankQuestion = {
  ...base,
  id: 'q/order',
  type: 'order',
  prompt: 'Order?',
  choices: ['one', 'two', 'three'],
  answer: ['one', 'two', 'three'],
  topics: ['assume-role'],
};

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(answers: unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sts-loop-'));
  dirs.push(dir);
  let out = '';
  const prompter = scriptedPrompter(answers);
  const deps = {
    prompter,
    theme: createTheme({ color: false, plain: true, columns: 80 }),
    out: { write: (s: string) => (out += s) },
    store: openProgress(dir, () => {}),
    source: 'quiz' as const,
    seed: 1,
    now: () => new Date('2026-01-01T10:00:00Z'),
  };
  return { deps, prompter, output: () => out };
}

describe('the quiz loop', () => {
  it('practice: asks each kind, shows feedback, records every answer as it is given', async () => {
    const { deps, prompter, output } = setup([
      'GetSessionToken', // single: wrong
      'enter',
      'AssumeRole', // pair, API part
      'sts:ExternalId', // pair, trust part
      'enter',
      ['one', 'two', 'three'], // order: right
    ]);
    const state = await runSession(deps, startSession([single, pair, order], 'practice'));
    expect(prompter.remaining()).toBe(0);
    expect(results(state)).toMatchObject({ correct: 2, total: 3 });
    expect(output()).toContain('✘ not quite');
    expect(output()).toContain('✔ correct');
    const data = await deps.store.read();
    expect(data.answers.map((a) => [a.questionId, a.correct, a.source])).toEqual([
      ['q/single', false, 'quiz'],
      ['q/pair', true, 'quiz'],
      ['q/order', true, 'quiz'],
    ]);
    expect(Object.keys(data.cards).sort()).toEqual(['q/order', 'q/pair', 'q/single']);
  });

  it('exam: no feedback, flag, revisit from the review screen, then submit', async () => {
    const { deps, prompter, output } = setup([
      'GetSessionToken', // q1 wrong
      'f', // flag it
      'AssumeRole',
      'sts:ExternalId', // q2 right
      'enter',
      '0', // review screen: revisit q1
      'AssumeRole', // now right
      'f', // unflag
      'submit',
    ]);
    const state = await runSession(deps, startSession([single, pair], 'exam'));
    expect(prompter.remaining()).toBe(0);
    expect(output()).not.toContain('not quite');
    expect(output()).toContain('Review before submitting');
    expect(state.flagged).toEqual([false, false]);
    expect(results(state).correct).toBe(2);
    const data = await deps.store.read();
    expect(data.answers.map((a) => [a.questionId, a.correct])).toEqual([
      ['q/single', false],
      ['q/pair', true],
      ['q/single', true],
    ]);
  });

  it('renders the end: score, topic table and the missed questions with explanations', async () => {
    const { deps } = setup(['GetSessionToken', 'enter', ['two', 'one', 'three']]);
    const state = await runSession(deps, startSession([single, order], 'practice'));
    const text = renderResults(deps.theme, results(state), {
      seed: 9,
      forecast: [{ date: '2026-01-02 (tomorrow)', count: 2, missed: 2 }],
    });
    expect(text).toContain('Score: 0 of 2 correct (0%)');
    expect(text).toMatch(/assume-role\s+2\s+0\s+0%/);
    expect(text).toContain('your answer: two → one → three');
    expect(text).toContain('because');
    expect(text).toContain('2026-01-02 (tomorrow): 2 questions (2 you missed)');
    expect(text).toContain('--seed 9');
  });
});
