import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario, runWhatIf } from '../../src/content/run.js';
import type { Scenario } from '../../src/content/schema.js';
import { runWalkthrough, type LearnIO, type StartAt } from '../../src/learn/interactive.js';
import { resumeOffer, startFor } from '../../src/learn/resume.js';
import type { ScenarioProgress } from '../../src/store/types.js';
import { MSG } from '../../src/learn/messages.js';
import { outcomeOf } from '../../src/quiz/outcome.js';
import { QuitRequested } from '../../src/ui/prompts.js';
import { createTheme } from '../../src/ui/theme.js';
import { enterOnly, fakeStore, policyPrompter, type Asked, type Policy } from './helpers.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const scenarios = library.scenarios.map((s) => s.scenario);
const byId = (id: string) => library.scenarioById.get(id)!.scenario;

function harness(policy: Policy, extra: Partial<LearnIO> = {}) {
  const written: string[] = [];
  const prompter = policyPrompter(policy);
  const fake = fakeStore();
  const io: LearnIO = {
    prompter,
    store: fake.store,
    theme: createTheme({ color: false, plain: true, columns: 100 }),
    write: (text: string) => void written.push(text),
    now: () => new Date('2026-01-01T00:00:00Z'),
    seed: 7,
    ...extra,
  };
  return { io, prompter, written, ...fake, text: () => written.join('') };
}

/** The engine's outcomes in the order a learner meets them: steps, then what-ifs in menu order. */
function outcomes(s: Scenario): string[] {
  const run = runScenario(s);
  return [
    ...run.steps.filter((r) => r.result).map((r) => outcomeOf(r.result!, r.step.call!)),
    ...(s.whatIf ?? []).map((w) => {
      const { result, call } = runWhatIf(s, w, run);
      return outcomeOf(result, call);
    }),
  ];
}

/** A learner who knows every answer: checkpoints by the prompt's marks, predictions from the engine. */
function knowItAll(s: Scenario): Policy {
  const queue = outcomes(s);
  const orders = new Map(
    s.steps.filter((x) => x.checkpoint?.type === 'order').map((x) => [x.checkpoint!.prompt, x.checkpoint!]),
  );
  return (q: Asked) => {
    const mark = q.opts.mark as ((v: string) => boolean) | undefined;
    if (q.message === MSG.predictSucceed) {
      if (queue[0] !== 'success') return 'error';
      queue.shift();
      return 'success';
    }
    if (q.message === MSG.predictWhichError('STS') || q.message === MSG.predictWhichError('AWS'))
      return queue.shift();
    if (q.kind === 'choice' && mark) return q.choices.find((c) => mark(c.value))!.value;
    if (q.kind === 'multi' && mark) return q.choices.filter((c) => mark(c.value)).map((c) => c.value);
    if (q.kind === 'order') return [...orders.entries()].find(([p]) => q.message.startsWith(p))![1].answer;
    return enterOnly(q);
  };
}

describe('the interactive walkthrough', () => {
  it('a learner who knows the answers scores every prediction and checkpoint, stored under their own ids', async () => {
    const s = byId('cross-account-assume-role');
    const h = harness(knowItAll(s));
    const res = await runWalkthrough(s, h.io);
    expect(res.state.phase).toBe('done');
    const calls = s.steps.filter((x) => x.call).length + (s.whatIf?.length ?? 0);
    expect(res.predictions).toEqual({ right: calls, total: calls });
    expect(res.checkpoints.right).toBe(res.checkpoints.total);
    expect(h.text()).toContain(`Predictions: ${calls} of ${calls} right`);
    const ids = h.answers.map((a) => a.questionId);
    expect(ids).toContain(`learn/${s.id}/assume/predict`);
    for (const w of s.whatIf ?? []) expect(ids).toContain(`gen/${s.id}/outcome/${w.id}`);
    expect(h.answers.every((a) => a.correct && a.source === 'learn')).toBe(true);
    // a checkpoint counts toward its step's API topic, not every topic of the scenario
    const cp = h.answers.find((a) => a.questionId === `learn/${s.id}/assume`);
    expect(cp?.topics).toEqual(['assume-role']);
    // the last save marks it completed with the pass's scores
    expect(h.saves.at(-1)![1]).toMatchObject({
      completed: true,
      predictions: { right: calls, total: calls },
    });
  });

  // A value that cannot be broken without changing it (a long claim or URL in a YAML or code view)
  // may run past the edge; everything else wraps.
  it('at 80 columns no line of a walkthrough is wider than the terminal', async () => {
    const breakable = (line: string) => Math.max(...line.split(' ').map((w) => w.length)) < 60;
    for (const s of scenarios) {
      const h = harness(enterOnly, { theme: createTheme({ color: false, plain: true, columns: 80 }) });
      await runWalkthrough(s, h.io);
      const wide = h
        .text()
        .split('\n')
        .filter((line) => line.length > 80 && breakable(line));
      expect(wide, s.id).toEqual([]);
    }
  });

  it('pressing only Enter walks every scenario to the end and scores no better than chance', async () => {
    let right = 0;
    let chance = 0;
    let asked = 0;
    for (const s of scenarios) {
      const h = harness(enterOnly, { seed: 12345 });
      const res = await runWalkthrough(s, h.io);
      expect(res.state.phase).toBe('done');
      expect(h.text().replace(/\s+/g, ' ')).toContain(MSG.completed(s.title));
      // every what-if ran: the menu's cursor moved on to the next one each time
      expect(h.answers.filter((a) => a.questionId.startsWith(`gen/${s.id}/outcome/`))).toHaveLength(
        s.whatIf?.length ?? 0,
      );
      right += h.answers.filter((a) => a.correct).length;
      asked += h.answers.length;
      // what a blind guess is worth: a prediction ½ for success, ½·⅓ for an error; a checkpoint 1/n
      for (const o of outcomes(s)) chance += o === 'success' ? 1 / 2 : 1 / 6;
      for (const st of s.steps)
        if (st.checkpoint?.type === 'single') chance += 1 / st.checkpoint.choices.length;
    }
    expect(asked).toBeGreaterThan(100);
    expect(right).toBeLessThanOrEqual(Math.ceil(chance * 1.15));
  });

  it('shows checkpoint choices in a seeded order, echoes ✔/✘, wants exactly two for "(Choose two.)"', async () => {
    const s = byId('cross-account-assume-role');
    const h = harness(enterOnly);
    await runWalkthrough(s, h.io);
    const multi = h.prompter.asked.find((q) => q.kind === 'multi' && /Choose two/.test(q.message))!;
    expect(multi.opts.exactly).toBe(2);
    const cp = s.steps.find((x) => x.checkpoint?.prompt.includes('(Choose two.)'))!.checkpoint!;
    const mark = multi.opts.mark as (v: string) => boolean;
    for (const c of cp.choices) expect(mark(c)).toBe((cp.answer as string[]).includes(c));
    // across seeds the first choice shown is not always the file's first
    const firsts = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const h2 = harness(enterOnly, { seed });
      await runWalkthrough(s, h2.io);
      firsts.add(h2.prompter.asked.find((q) => q.kind === 'multi')!.choices[0]!.value);
    }
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('pauses after the intro and after checkpoint feedback', async () => {
    const s = byId('role-chaining');
    const h = harness(enterOnly);
    await runWalkthrough(s, h.io);
    const kinds = h.prompter.asked.map((q) => q.kind);
    expect(kinds[0]).toBe('key');
    const cpAt = h.prompter.asked.findIndex(
      (q) => q.kind === 'multi' || (q.kind === 'choice' && q.opts.mark),
    );
    expect(h.prompter.asked[cpAt + 1]?.kind).toBe('key');
  });

  it('the what-if menu marks run ones ✔ and moves the cursor to the next one not run', async () => {
    const s = byId('role-chaining');
    const h = harness(enterOnly);
    await runWalkthrough(s, h.io);
    const menus = h.prompter.asked.filter((q) => q.message === MSG.whatIfMenu);
    const ids = (s.whatIf ?? []).map((w) => `w:${w.id}`);
    expect(menus.map((m) => m.opts.default)).toEqual([...ids, 'done']);
    expect(menus.at(-1)!.choices.filter((c) => c.name.includes('✔'))).toHaveLength(ids.length);
  });

  it('--no-predict asks no predictions; q quits after saving where the learner is', async () => {
    const s = byId('role-chaining');
    const quiet = harness(enterOnly, { predict: false });
    await runWalkthrough(s, quiet.io);
    expect(quiet.prompter.asked.some((q) => q.message === MSG.predictSucceed)).toBe(false);
    let keys = 0;
    const h = harness((q) => (q.kind === 'key' && ++keys === 5 ? new QuitRequested() : enterOnly(q)));
    await expect(runWalkthrough(s, h.io)).rejects.toBeInstanceOf(QuitRequested);
    expect(h.saves.at(-1)![1]).toMatchObject({ stage: 'steps' });
    expect(h.saves.at(-1)![1].position).toBeGreaterThan(0);
  });

  it('q on a reveal keeps the step as done: a resume asks nothing twice and starts at its checkpoint', async () => {
    const s = byId('cross-account-assume-role');
    const progress: Partial<ScenarioProgress> = {};
    const answered: string[] = [];
    /** One session from `at`, quitting on the first reveal's keys when `quit`; the progress it leaves. */
    const session = async (at: number | StartAt, quit: boolean) => {
      const h = harness((q) =>
        quit && q.kind === 'key' && q.message.includes('d: all detail') ? new QuitRequested() : enterOnly(q),
      );
      const run = runWalkthrough(s, h.io, at);
      if (quit) await expect(run).rejects.toBeInstanceOf(QuitRequested);
      else await run;
      for (const [, u] of h.saves) Object.assign(progress, u);
      answered.push(...h.answers.map((a) => a.questionId));
      return h;
    };
    // Step 1 (no checkpoint), quit on its reveal: saved at step 2
    await session(0, true);
    expect(progress).toMatchObject({ position: 1, stage: 'steps' });
    expect(progress.atCheckpoint).toBeUndefined();
    const offer = resumeOffer(s, progress as ScenarioProgress)!;
    expect(offer.default).toBe('step');
    // Step 2 has a checkpoint: quit on its reveal saves "at its checkpoint"
    await session(startFor('step', progress as ScenarioProgress), true);
    expect(progress).toMatchObject({ position: 1, stage: 'steps', atCheckpoint: true });
    expect(resumeOffer(s, progress as ScenarioProgress)!.default).toBe('step');
    // The resume starts at that checkpoint, with step 2's call made (step 3 reads with its credentials)
    const last = await session(startFor('step', progress as ScenarioProgress), false);
    const firstQuestion = last.prompter.asked.find((q) => q.kind !== 'key')!;
    expect(firstQuestion.message.startsWith(s.steps[1]!.checkpoint!.prompt)).toBe(true);
    expect(last.text()).not.toContain('Step 2 of');
    expect(last.text()).toContain('Step 3 of');
    expect(progress).toMatchObject({ completed: true });
    // Every prediction and checkpoint was asked, and recorded, once
    expect(answered.length).toBe(new Set(answered).size);
    expect(answered).toContain(`learn/${s.id}/whoami/predict`);
    expect(answered).toContain(`learn/${s.id}/assume/predict`);
    expect(answered).toContain(`learn/${s.id}/assume`);
  });

  it('starts at the what-if menu with the ones already run', async () => {
    const s = byId('role-chaining');
    const first = s.whatIf![0]!.id;
    const h = harness(enterOnly);
    await runWalkthrough(s, h.io, { whatIfs: true, whatIfsSeen: [first] });
    const menus = h.prompter.asked.filter((q) => q.message === MSG.whatIfMenu);
    expect(menus[0]!.opts.default).toBe(`w:${s.whatIf![1]!.id}`);
    expect(h.text()).not.toContain('Step 1 of');
  });

  it('resumes at a saved step with the world replayed up to it', async () => {
    const s = byId('cross-account-assume-role');
    const from = s.steps.findIndex((x) => x.id === 'expired');
    const h = harness(enterOnly);
    await runWalkthrough(s, h.io, from);
    expect(h.text()).toContain(`Resuming at step ${from + 1}`);
    expect(h.text()).not.toContain('Step 1 of');
    expect(h.text()).toContain('ExpiredToken');
  });
});
