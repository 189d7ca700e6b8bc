import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import type { Scenario } from '../../src/content/schema.js';
import { runWalkthrough, type LearnStore } from '../../src/learn/interactive.js';
import type { AnswerRecord, ScenarioProgress } from '../../src/store/types.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { createTheme } from '../../src/ui/theme.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const scenario = library.scenarioById.get('cross-account-assume-role')!.scenario;

function fakeStore() {
  const answers: AnswerRecord[] = [];
  const saves: [string, Partial<ScenarioProgress>][] = [];
  const store: LearnStore = {
    recordAnswer: async (r) => void answers.push(r),
    saveScenario: async (id, u) => void saves.push([id, u]),
  };
  return { store, answers, saves };
}

/** Answers for a whole walkthrough: Enter after each step (and `t` once on `assume`), each checkpoint, every what-if. */
function script(s: Scenario, opts: { wrong?: boolean; from?: number } = {}): unknown[] {
  const out: unknown[] = [];
  for (const step of s.steps.slice(opts.from ?? 0)) {
    if (step.id === 'assume') out.push('t');
    out.push('enter');
    const cp = step.checkpoint;
    if (cp)
      out.push(
        opts.wrong
          ? cp.type === 'single'
            ? cp.choices.find((c) => c !== cp.answer)
            : [cp.choices.at(-1)]
          : cp.answer,
      );
  }
  for (const w of s.whatIf ?? []) out.push(`w:${w.id}`, 'enter');
  out.push('done');
  return out;
}

function io(answers: unknown[]) {
  const written: string[] = [];
  const prompter = scriptedPrompter(answers);
  const { store, answers: recorded, saves } = fakeStore();
  return {
    prompter,
    written,
    recorded,
    saves,
    io: {
      prompter,
      store,
      theme: createTheme({ color: false, plain: true, columns: 100 }),
      write: (text: string) => void written.push(text),
      evaluate: <T>(work: () => T) => Promise.resolve(work()),
      now: () => new Date('2026-01-01T00:00:00Z'),
    },
  };
}

describe('the interactive walkthrough', () => {
  it('walks every step, shows the trust policy on `t`, records checkpoints and completes', async () => {
    // Given a learner who answers every checkpoint right and runs every what-if
    const h = io(script(scenario));
    // When they go through the whole scenario
    const final = await runWalkthrough(scenario, h.io);
    // Then every answer was used, and the screens show what the brief asks for
    expect(h.prompter.remaining()).toBe(0);
    expect(final.phase).toBe('done');
    const text = h.written.join('');
    for (const step of scenario.steps) expect(text).toContain(step.title ?? step.id);
    expect(text).toContain('Trust policy of arn:aws:iam::222222222222:role/ReportReader');
    expect(text).toContain('> ');
    expect(text).toContain('⏩ 1 h later');
    for (const w of scenario.whatIf ?? []) expect(text).toContain(`What if… ${w.title}`);
    expect(text).toContain('Takeaways');
    expect(h.recorded.map((r) => [r.questionId, r.correct, r.source])).toEqual(
      scenario.steps.filter((s) => s.checkpoint).map((s) => [`learn/${scenario.id}/${s.id}`, true, 'learn']),
    );
    // progress is saved as it happens: a position after each step, then completion
    expect(h.saves[0]).toEqual([scenario.id, { position: 1 }]);
    expect(h.saves.at(-1)).toEqual([
      scenario.id,
      { completed: true, completedAt: '2026-01-01T00:00:00.000Z', position: 0 },
    ]);
  });

  it('gives feedback with the right answer when a checkpoint is wrong', async () => {
    const h = io(script(scenario, { wrong: true }));
    await runWalkthrough(scenario, h.io);
    expect(h.recorded.every((r) => !r.correct)).toBe(true);
    expect(h.written.join('')).toContain('Not quite. The answer:');
  });

  it('resumes at a saved step with the world replayed up to it', async () => {
    const from = scenario.steps.findIndex((s) => s.id === 'expired');
    const h = io(script(scenario, { from }));
    await runWalkthrough(scenario, h.io, from);
    const text = h.written.join('');
    expect(text).toContain(`Resuming at step ${from + 1}`);
    expect(text).not.toContain('Step 1 of');
    // the clock moved an hour in a replayed step, so the old session has expired
    expect(text).toContain('ExpiredToken');
    expect(h.prompter.remaining()).toBe(0);
  });
});
