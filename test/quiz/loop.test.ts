import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSession } from '../../src/quiz/loop.js';
import type { BankQuestion } from '../../src/quiz/question.js';
import { renderResults } from '../../src/quiz/render.js';
import { showResults } from '../../src/quiz/results-screen.js';
import { results, startSession } from '../../src/quiz/session.js';
import { openProgress } from '../../src/store/progress-store.js';
import type { PickConfig } from '../../src/ui/pick-prompt.js';
import { scriptedPrompter } from '../../src/ui/scripted-prompter.js';
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
  const scripted = scriptedPrompter(answers);
  // keeps what each pick was shown (preselection, flag, deadline)
  const picks: PickConfig[] = [];
  const prompter = {
    ...scripted,
    pick: (c: PickConfig) => {
      picks.push(c);
      return scripted.pick(c);
    },
  };
  const deps = {
    prompter,
    theme: createTheme({ color: false, plain: true, columns: 80 }),
    out: { write: (s: string) => (out += s) },
    store: openProgress(dir, () => {}),
    source: 'quiz' as const,
    seed: 1,
    now: () => new Date('2026-01-01T10:00:00Z'),
  };
  return { deps, prompter, picks, output: () => out };
}

describe('the quiz loop', () => {
  it('practice: asks each kind, shows feedback, records every answer as it is given', async () => {
    const { deps, prompter, output } = setup([
      'GetSessionToken', // single: wrong
      'enter',
      'AssumeRole', // pair, API part
      'sts:ExternalId', // pair, trust part
      'enter',
      'one', // order: first
      'two', // order: second (the last one follows)
      'enter', // the last feedback, then the results
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

  it('practice: a wrong answer shows what was chosen next to the answer; long feedback is paged', async () => {
    const long: BankQuestion = {
      ...single,
      id: 'q/long',
      explain: Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the explanation.`).join('\n\n'),
    };
    // Given a 20-row terminal and a wrong answer whose explanation takes 60 rows
    const { deps, prompter, output } = setup(['GetSessionToken', ' ', ' ', ' ', 'enter']);
    const keys: string[] = [];
    const spy = { ...deps.prompter, key: (m: string, k?: string[]) => (keys.push(m), prompter.key(m, k)) };
    const state = await runSession(
      { ...deps, prompter: spy, size: () => ({ columns: 80, rows: 20 }) },
      startSession([long], 'practice'),
    );
    expect(results(state)).toMatchObject({ correct: 0, total: 1 });
    // Then the verdict, the choice and the answer come first, then a page at a time, and the last
    // question's feedback stays until a key (the results screen clears the terminal)
    const text = output();
    expect(text).toMatch(/✘ not quite\nYour answer:\n {2}GetSessionToken\nThe answer:\n {2}AssumeRole\n/);
    expect(keys).toEqual([
      '-- 1/4 · space: more · b: back --',
      '-- 2/4 · space: more · b: back --',
      '-- 3/4 · space: more · b: back --',
      'Press Enter for your results',
    ]);
    expect(prompter.remaining()).toBe(0);
    expect(text).toContain('Line 30 of the explanation.');
  });

  it('exam: flag, skip, the list, back, preselected earlier answers; each final answer stored once', async () => {
    const { deps, prompter, picks, output } = setup([
      { action: 'answer', selected: ['GetSessionToken'], flagged: true }, // q1 wrong, flagged
      { action: 'skip', selected: [], flagged: false }, // q2 (pair, API part): skipped
      { action: 'list', selected: [], flagged: false }, // q3 (order): open the list
      '0', // list: jump to q1
      'AssumeRole', // q1 revised: now right
      { action: 'back', selected: [], flagged: false }, // q2: back to q1
      { action: 'answer', selected: ['AssumeRole'], flagged: false }, // q1 again, unflagged
      'AssumeRole', // q2 API
      'sts:ExternalId', // q2 trust
      { action: 'skip', selected: [], flagged: false }, // q3 skipped
      'submit', // the list at the end: submit
    ]);
    const state = await runSession(deps, startSession([single, pair, order], 'exam'));
    expect(prompter.remaining()).toBe(0);
    expect(output()).not.toContain('not quite');
    expect(output()).toContain('Review before submitting');
    // the topic tags are hints: not shown in an exam
    expect(output()).not.toContain('assume-role');
    // the revisited question showed the earlier answer, and its flag
    const q1 = picks.filter((p) => p.message === 'Your answer');
    expect(q1.map((p) => [p.selected, p.flagged])).toEqual([
      [[], false],
      [['GetSessionToken'], true],
      [['AssumeRole'], true],
    ]);
    expect(picks[0]!.keys).toMatchObject({ skip: true, flag: true, list: true, back: false });
    expect(state.flagged).toEqual([false, false, false]);
    expect(results(state)).toMatchObject({ correct: 2, answered: 2, total: 3 });
    const data = await deps.store.read();
    expect(data.answers.map((a) => [a.questionId, a.correct])).toEqual([
      ['q/single', true],
      ['q/pair', true],
    ]);
  });

  it('exam: time running out in a prompt submits at once with what was answered', async () => {
    const { deps, prompter, output } = setup([
      'AssumeRole',
      { action: 'timeout', selected: [], flagged: false },
    ]);
    const state = await runSession(
      deps,
      startSession([single, pair, order], 'exam', {
        timeLimitMinutes: 1,
        now: Date.parse('2026-01-01T10:00:00Z'),
      }),
    );
    expect(prompter.remaining()).toBe(0);
    expect(state).toMatchObject({ submitted: true, expired: true });
    expect(output()).toContain('time is up');
    expect(results(state)).toMatchObject({ answered: 1, correct: 1 });
    const data = await deps.store.read();
    expect(data.answers.map((a) => a.questionId)).toEqual(['q/single']);
  });

  it('exam: saves its state after every step (for --resume)', async () => {
    const { deps } = setup(['AssumeRole', { action: 'skip', selected: [], flagged: true }, 'submit']);
    const saved: number[] = [];
    await runSession(
      { ...deps, save: async (s) => void saved.push(s.index) },
      startSession([single, pair], 'exam'),
    );
    expect(saved).toEqual([1, 2, 2]);
  });

  it('renders the end: the score first, topics weakest first, only the topics asked', async () => {
    const extra: BankQuestion = { ...single, id: 'q/mfa', topics: ['mfa'] };
    const { deps } = setup([
      'AssumeRole',
      'enter',
      { action: 'skip', selected: [], flagged: false },
      'enter',
      'two',
      'one',
      'enter',
    ]);
    const state = await runSession(deps, startSession([extra, single, order], 'practice'));
    const text = renderResults(deps.theme, results(state), {
      seed: 9,
      forecast: [{ date: '2026-01-02 (tomorrow)', count: 2, missed: 2 }],
    });
    const lines = text.split('\n');
    expect(lines[1]).toBe('Score: 1 of 3 correct (33%) · 2 answered · 1 not answered');
    // assume-role: 2 asked, 1 answered (one skipped), 0 right; mfa: 1 of 1
    const topics = lines.filter((l) => /^(assume-role|mfa|external-id)\s/.test(l));
    expect(topics).toEqual([
      expect.stringMatching(/^assume-role\s+2\s+1\s+0\s+0%/),
      expect.stringMatching(/^mfa\s+1\s+1\s+1\s+100%/),
    ]);
    expect(text).toContain('2026-01-02 (tomorrow): 2 questions (2 you missed)');
    expect(text).toContain('--seed 9');
  });

  it('results: explanations of every question, filtered by wrong / flagged / all, even on a perfect score', async () => {
    const { deps, picks, output } = setup([
      { action: 'answer', selected: ['AssumeRole'], flagged: true },
      'one',
      'two',
      'submit',
      'wrong',
      'flagged',
      'all',
      'done',
    ]);
    const state = await runSession(deps, startSession([single, order], 'exam'));
    const res = results(state);
    expect(res.correct).toBe(2);
    const before = output().length;
    await showResults(deps, res, renderResults(deps.theme, res));
    const shown = output().slice(before);
    expect(shown.startsWith('== Results ==\nScore: 2 of 2 correct')).toBe(true);
    expect(shown).toContain('none'); // nothing wrong
    expect(shown.match(/because/g)).toHaveLength(3); // the flagged one, then both
    // the score line heads every menu
    expect(
      picks
        .filter((p) => p.message === 'Read the explanations?')
        .every((p) => p.status?.startsWith('Score: 2 of 2')),
    ).toBe(true);
  });
});
