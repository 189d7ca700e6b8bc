/**
 * learn's and the quiz's key prompts in-process: the real prompter (ui/inquirer-prompter.ts) on a
 * terminal in memory (helpers/virtual-terminal.ts), keys sent as the bytes a terminal sends. A key
 * a screen takes moves it on or is recorded; a key it does not take changes nothing and is not
 * echoed; Ctrl-C and SIGTERM close the prompt and take the exit path with what was saved kept.
 */
import { describe, expect, it } from 'vitest';
import { run as learn } from '../../src/cli/commands/learn.js';
import { run as quiz } from '../../src/cli/commands/quiz.js';
import { EXIT, Interrupted, Terminated } from '../../src/errors.js';
import { MSG as LEARN } from '../../src/learn/messages.js';
import { MSG as QUIZ } from '../../src/quiz/messages.js';
import { createPrompter } from '../../src/ui/inquirer-prompter.js';
import { harness } from '../helpers/command-harness.js';
import { virtualTerminal, type VirtualTerminal } from '../helpers/virtual-terminal.js';

const ID = 'cross-account-assume-role';
const CURSOR_SHOWN = '\x1b[?25h';
const stepKeys = (trust: boolean) => LEARN.keysStep(trust, true);
const lastLine = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';
const isPager = (screen: string) => /space: more/.test(lastLine(screen));
/** Lets the prompt take what was typed (the key handlers run on stream events). */
const settle = () => new Promise((r) => setImmediate(r));

function onTerminal() {
  const term = virtualTerminal();
  const h = harness(createPrompter(term.streams), { stdout: term });
  return { term, h };
}

/** Waits for the next prompt; fails when the command ended instead. */
async function next(term: VirtualTerminal, run: Promise<unknown>): Promise<string> {
  const screen = await term.nextPrompt(run);
  if (screen === undefined) throw new Error(`the command ended; last screen:\n${term.text().slice(-2000)}`);
  return screen;
}

/** Types keys the open prompt does not take: it stays open, its line as it was, nothing echoed. */
async function ignored(term: VirtualTerminal, keys: string, line: string) {
  for (const k of keys) term.type(k);
  await settle();
  expect(term.isOpen()).toBe(true);
  expect(lastLine(term.text())).toBe(line);
}

/** Presses space through the pager's pages; returns everything shown and the prompt under it. */
async function throughPages(term: VirtualTerminal, run: Promise<unknown>, screen: string) {
  let all = screen;
  while (isPager(screen)) {
    term.press(' ');
    screen = await next(term, run);
    all += screen;
  }
  return { all, screen };
}

describe('learn’s key prompts on the real prompter', () => {
  it('Enter goes on, d and t open the detail and the trust policy, the pager pages, q saves', async () => {
    const { term, h } = onTerminal();
    const run = learn([ID], { predict: false }, h.ctx, h.deps);

    let screen = await next(term, run);
    expect(lastLine(screen)).toBe(LEARN.keysPause);
    await ignored(term, 'xd', LEARN.keysPause); // d is a key of the step screens, not of the intro

    term.press('\r');
    screen = await next(term, run);
    expect(screen).toContain('Step 1 of 8');
    expect(lastLine(screen)).toBe(stepKeys(false));
    expect(screen).toContain('(d: every check in detail)');

    term.press('d');
    let shown = await throughPages(term, run, await next(term, run));
    expect(shown.all).toContain('What STS checked:');
    expect(shown.all).not.toContain('(d: every check in detail)'); // the whole trace, not the summary
    expect(shown.all).not.toContain('Step 2 of 8');
    expect(lastLine(shown.screen)).toBe(stepKeys(false));

    term.press('\r');
    screen = await next(term, run);
    expect(screen).toContain('Step 2 of 8');
    expect(lastLine(screen)).toBe(LEARN.more(1, 3));
    term.press(' ');
    expect(lastLine(await next(term, run))).toBe(LEARN.more(2, 3));
    term.press('b');
    expect(lastLine(await next(term, run))).toBe(LEARN.more(1, 3));
    shown = await throughPages(term, run, LEARN.more(1, 3));
    expect(lastLine(shown.screen)).toBe(stepKeys(true));

    term.press('t');
    shown = await throughPages(term, run, await next(term, run));
    expect(shown.all).toContain('Trust policy of arn:aws:iam::222222222222:role/ReportReader');
    expect(lastLine(shown.screen)).toBe(stepKeys(true));

    term.press('q');
    expect(await run).toBe(0);
    expect(term.text()).toContain(LEARN.saved(ID));
    expect(term.isOpen()).toBe(false);
    expect(h.progressFile().scenarios[ID]).toMatchObject({ position: 1, stage: 'steps' });
  });

  it('Ctrl-C at a key prompt closes it and takes the exit path (130), with the step reached saved', async () => {
    const { term, h } = onTerminal();
    const run = learn([ID], { predict: false }, h.ctx, h.deps);
    let screen = await next(term, run);
    while (!screen.includes('Step 2 of 8')) {
      term.press('\r');
      screen = await next(term, run);
    }
    term.press('\x03');
    const e = await run.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(Interrupted);
    expect((e as Interrupted).exitCode).toBe(EXIT.interrupted);
    expect(term.isOpen()).toBe(false);
    expect(term.raw().slice(term.raw().lastIndexOf('space: more'))).toContain(CURSOR_SHOWN);
    expect(h.progressFile().scenarios[ID]).toMatchObject({ position: 1, stage: 'steps' });
  });

  it('SIGTERM while a key prompt waits closes it and becomes Terminated (143)', async () => {
    const { term, h } = onTerminal();
    const listening = process.listenerCount('SIGTERM');
    const run = learn([ID], { predict: false }, h.ctx, h.deps);
    expect(lastLine(await next(term, run))).toBe(LEARN.keysPause);
    process.emit('SIGTERM');
    await expect(run).rejects.toBeInstanceOf(Terminated);
    expect(term.isOpen()).toBe(false);
    expect(term.raw().endsWith(CURSOR_SHOWN)).toBe(true);
    expect(process.listenerCount('SIGTERM')).toBe(listening);
  });

  it('pressing only Enter walks the whole scenario, predictions and checkpoints included', async () => {
    const { term, h } = onTerminal();
    const run = learn([ID], {}, h.ctx, h.deps);
    let prompts = 0;
    for (let screen = await term.nextPrompt(run); screen !== undefined; screen = await term.nextPrompt(run)) {
      if (++prompts > 400) throw new Error('more than 400 prompts');
      term.press('\r');
    }
    expect(await run).toBe(0);
    expect(term.text()).toContain(
      LEARN.completed('Cross-account access with AssumeRole: both sides must say yes'),
    );
    const saved = h.progressFile().scenarios[ID];
    expect(saved).toMatchObject({ completed: true });
    expect(saved.predictions.total).toBeGreaterThan(0);
  });
});

describe('the quiz’s key prompts on the real prompter', () => {
  const answers = (h: ReturnType<typeof harness>) =>
    (h.progressFile().answers as { correct: boolean; source: string }[]).filter((a) => a.source === 'quiz');

  it('a number and Enter answer (recorded before the feedback); Enter goes on; other keys do nothing', async () => {
    const { term, h } = onTerminal();
    const run = quiz([], { quiz: 'sts-apis', count: 2, seed: 5 }, h.ctx, h.deps);
    let screen = await next(term, run);
    expect(screen).toContain('Question 1 of 2');
    term.type('2');
    term.press('\r');
    screen = await next(term, run);
    expect(lastLine(screen)).toBe(QUIZ.continueKey);
    const first = answers(h);
    expect(first).toHaveLength(1);
    expect(screen).toContain(first[0]!.correct ? '✔ correct' : '✘ not quite');
    await ignored(term, 'xq', QUIZ.continueKey);

    term.press('\r');
    screen = await next(term, run);
    expect(screen).toContain('Question 2 of 2');
    // Enter takes the highlighted choice (a question may ask more than once: an order, a pair);
    // after the last answer the results follow without a key
    let prompts = 0;
    for (let at: string | undefined = screen; at !== undefined; at = await term.nextPrompt(run)) {
      expect(lastLine(at)).not.toBe(QUIZ.continueKey);
      expect(++prompts).toBeLessThan(8);
      term.press('\r');
    }
    expect(await run).toBe(0);
    expect(term.text()).toMatch(/Score: \d of 2 correct/);
    expect(answers(h)).toHaveLength(2);
    expect(h.progressFile().attempts[0]).toMatchObject({ total: 2, mode: 'practice' });
  });

  it('Ctrl-C at "Press Enter to continue" takes the exit path with the answer given kept', async () => {
    const { term, h } = onTerminal();
    const run = quiz([], { quiz: 'sts-apis', count: 2, seed: 5 }, h.ctx, h.deps);
    await next(term, run);
    term.press('\r');
    expect(lastLine(await next(term, run))).toBe(QUIZ.continueKey);
    term.press('\x03');
    await expect(run).rejects.toBeInstanceOf(Interrupted);
    expect(term.isOpen()).toBe(false);
    expect(answers(h)).toHaveLength(1);
  });
});
