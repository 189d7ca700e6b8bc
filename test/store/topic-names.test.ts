/**
 * Topics are content's text, and a pack may call one `constructor` or `toString`: the progress
 * summary, the trends of `progress --history` and `list topics` count them like any other topic
 * (they once met Object.prototype's members: `progress` crashed and `list` printed a function).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { summarizeQuiz } from '../../src/content/list-index.js';
import type { Quiz } from '../../src/content/schema.js';
import { topicTrends } from '../../src/store/history.js';
import { summarize } from '../../src/store/summary.js';
import { emptyProgress, type ProgressData } from '../../src/store/types.js';

const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('topics named like Object.prototype members', () => {
  it('are counted in the progress summary', () => {
    // Given two answers on those topics, one right, When summarized, Then each topic has 2 answered, 1 right
    const data: ProgressData = emptyProgress();
    data.answers.push(
      { questionId: 'q/a', correct: true, at: '2026-01-01T00:00:00Z', topics: NAMES, source: 'quiz' },
      { questionId: 'q/b', correct: false, at: '2026-01-01T00:00:00Z', topics: NAMES, source: 'quiz' },
    );
    const { topics } = summarize(data, new Date('2026-01-02T00:00:00Z'));
    expect(Object.keys(topics)).toStrictEqual(['constructor', 'hasOwnProperty', 'toString', 'valueOf']);
    for (const t of NAMES) expect(topics[t]).toStrictEqual({ answered: 2, correct: 1 });
  });

  it('have trends', () => {
    const data: ProgressData = emptyProgress();
    const row = { asked: 2, correct: 1 };
    data.attempts = [
      {
        at: '2026-01-01T00:00:00Z',
        mode: 'practice',
        total: 2,
        answered: 2,
        correct: 1,
        topics: Object.fromEntries(NAMES.map((t) => [t, row])),
        missed: [],
      },
    ];
    // compared as entries: an own `constructor` key confuses the matcher's own type check
    expect(Object.entries(topicTrends(data))).toStrictEqual(NAMES.map((t) => [t, [0.5]]));
  });

  it('are counted per quiz for `list topics`', () => {
    const quiz = {
      id: 'proto-topics',
      title: 'Proto topics',
      topics: NAMES,
      questions: [
        { id: 'q1', type: 'single', prompt: 'p', choices: ['a', 'b'], answer: 'a' },
        { id: 'q2', type: 'single', prompt: 'p', choices: ['a', 'b'], answer: 'b' },
      ],
    } as unknown as Quiz;
    expect(Object.entries(summarizeQuiz(quiz).topicQuestions)).toStrictEqual(NAMES.map((t) => [t, 2]));
  });
});

describe('`progress` with such a topic answered but in no finished session', () => {
  it('shows its row with an empty trend', async () => {
    // Given an answer on topic toString and no attempts, When `progress` runs, Then it lists the topic
    const home = mkdtempSync(join(tmpdir(), 'sts-topic-names-'));
    try {
      const data = emptyProgress();
      data.answers.push({
        questionId: 'q/a',
        correct: true,
        at: '2026-01-01T00:00:00Z',
        topics: ['toString'],
        source: 'quiz',
      });
      writeFileSync(join(home, 'progress.json'), JSON.stringify(data));
      const r = await runCli(['progress'], { env: { STS_TRAINER_HOME: home } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/toString\s+1\s+1\s+100%/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
