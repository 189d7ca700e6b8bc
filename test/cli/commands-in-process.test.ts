/**
 * learn, quiz and progress run in-process on fake dependencies (cli/deps.ts): a prompter that
 * answers by policy, a progress store in a temporary folder, a fixed clock and captured streams.
 * The pseudo-terminal tests drive the same commands through the real terminal.
 */
import { confirm } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run as learn } from '../../src/cli/commands/learn.js';
import { run as progress } from '../../src/cli/commands/progress.js';
import { run as quiz } from '../../src/cli/commands/quiz.js';
import { Interrupted } from '../../src/errors.js';
import { MSG } from '../../src/quiz/messages.js';
import { examPath } from '../../src/quiz/saved-exam.js';
import type { Prompter } from '../../src/ui/prompts.js';
import { harness, NOW } from '../helpers/command-harness.js';
import { enterOnly, policyPrompter, type Policy } from '../learn/helpers.js';

describe('learn on fake dependencies', () => {
  it('walks a whole scenario on Enter alone and keeps it completed at the given clock', async () => {
    const prompter = policyPrompter(enterOnly);
    const h = harness(prompter);
    const code = await learn(['cross-account-assume-role'], { predict: false }, h.ctx, h.deps);
    expect(code).toBe(0);
    expect(prompter.asked.length).toBeGreaterThan(3);
    expect(h.out()).toContain('cross-account');
    const saved = h.progressFile().scenarios['cross-account-assume-role'];
    expect(saved).toMatchObject({ completed: true, completedAt: NOW.toISOString() });
    expect(h.err()).toBe('');
  });

  it('asks which scenario when none is named, and walks the one picked', async () => {
    const policy: Policy = (q) => (q.message.startsWith('Which scenario') ? 'role-chaining' : enterOnly(q));
    const prompter = policyPrompter(policy);
    const h = harness(prompter);
    expect(await learn([], { predict: false }, h.ctx, h.deps)).toBe(0);
    expect(prompter.asked[0]!.message).toMatch(/^Which scenario/);
    expect(h.progressFile().scenarios['role-chaining']).toMatchObject({ completed: true });
  });
});

describe('quiz on fake dependencies', () => {
  it('a practice quiz records its attempt at the given clock and shows the results', async () => {
    const prompter = policyPrompter(enterOnly);
    const h = harness(prompter);
    const code = await quiz([], { quiz: 'sts-apis', count: 3, seed: 5 }, h.ctx, h.deps);
    expect(code).toBe(0);
    const attempts = h.progressFile().attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ at: NOW.toISOString(), total: 3, mode: 'practice' });
    expect(h.out()).toContain('seed 5');
  });

  it('an interrupted exam is saved, and says so on the error stream', async () => {
    let asked = 0;
    const prompter = policyPrompter((q) => (++asked === 2 ? new Interrupted() : enterOnly(q)));
    const h = harness(prompter);
    await expect(quiz([], { mode: 'exam', count: 3, seed: 9 }, h.ctx, h.deps)).rejects.toBeInstanceOf(
      Interrupted,
    );
    expect(h.err()).toContain(MSG.examSaved);
    expect(existsSync(examPath(h.dataDir))).toBe(true);
  });
});

describe('progress --reset on a real Inquirer prompt (@inquirer/testing)', () => {
  /** A prompter whose confirm is Inquirer's own, rendered on virtual streams: `typed`, then Enter. */
  function confirmingPrompter(typed: string, screens: string[]): Prompter {
    const none = async () => {
      throw new Error('not asked in this test');
    };
    return {
      choice: none,
      multi: none,
      order: none,
      text: none,
      key: none,
      pick: none,
      async confirm(message, def) {
        const { answer, events, getScreen } = await render(confirm, { message, default: def });
        screens.push(getScreen());
        if (typed) events.type(typed);
        events.keypress('enter');
        return answer;
      },
    };
  }

  it('asks before forgetting, and keeps everything on No', async () => {
    const screens: string[] = [];
    const h = harness(confirmingPrompter('', screens));
    const store = await h.deps.openStore(h.dataDir);
    await store.saveScenario('role-chaining', { completed: true });
    expect(await progress([], { reset: true }, h.ctx, h.deps)).toBe(0);
    expect(screens[0]).toContain(MSG.resetAsk);
    expect(h.out()).toContain(MSG.resetKept);
    expect(h.progressFile().scenarios['role-chaining']).toMatchObject({ completed: true });
  });

  it('forgets on y', async () => {
    const h = harness(confirmingPrompter('y', []));
    const store = await h.deps.openStore(h.dataDir);
    await store.saveScenario('role-chaining', { completed: true });
    expect(await progress([], { reset: true }, h.ctx, h.deps)).toBe(0);
    expect(h.out()).toContain('progress reset');
    expect((await store.read()).scenarios['role-chaining']).toBeUndefined();
  });
});
