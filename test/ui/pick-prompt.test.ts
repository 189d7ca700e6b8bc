import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { createPrompter } from '../../src/ui/inquirer-prompter.js';
import { pick } from '../../src/ui/pick-prompt.js';
import { virtualTerminal } from '../helpers/virtual-terminal.js';

const choices = ['alpha', 'beta', 'gamma'].map((v) => ({ value: v, name: v }));

describe('the answer prompt', () => {
  it('picks by number, flags with f before answering (⚑ shows), and returns the flag', async () => {
    const { answer, events, getScreen } = await render(pick, {
      message: 'Your answer',
      choices,
      keys: { flag: true, skip: true },
    });
    events.keypress('f');
    expect(getScreen()).toContain('⚑ flagged');
    events.keypress('3');
    expect(getScreen()).toContain('❯ 3) gamma');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', selected: ['gamma'], flagged: true });
  });

  it("a question's line keeps the answer to itself once answered; a menu's shows the choice", async () => {
    const question = await render(pick, { message: 'Your answer', choices });
    question.events.keypress('2');
    question.events.keypress('enter');
    await question.answer;
    expect(question.getScreen()).toBe('Your answer: given');
    const menu = await render(pick, { message: 'Read the explanations?', choices, menu: true });
    menu.events.keypress('2');
    menu.events.keypress('enter');
    await expect(menu.answer).resolves.toMatchObject({ selected: ['beta'] });
    expect(menu.getScreen()).toBe('Read the explanations? beta');
  });

  it('multi-select: numbers and space tick, Enter with nothing ticked skips', async () => {
    const first = await render(pick, { message: 'm', choices, multiple: true, keys: { skip: true } });
    first.events.keypress('enter');
    await expect(first.answer).resolves.toMatchObject({ action: 'skip', selected: [] });
    const second = await render(pick, { message: 'm', choices, multiple: true, selected: ['beta'] });
    expect(second.getScreen()).toContain('◉ 2) beta');
    second.events.keypress('1');
    second.events.keypress('2');
    second.events.keypress('down');
    second.events.keypress('down');
    second.events.keypress('space');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toMatchObject({ action: 'answer', selected: ['alpha', 'gamma'] });
  });

  it('only the keys given work; the earlier answer is preselected', async () => {
    const { answer, events, getScreen } = await render(pick, {
      message: 'Your answer',
      choices,
      selected: ['beta'],
      keys: { back: true },
    });
    expect(getScreen()).toContain('❯ 2) beta');
    expect(getScreen()).not.toContain('f flag');
    events.keypress('f');
    events.keypress('s');
    expect(getScreen()).not.toContain('⚑');
    events.keypress('b');
    await expect(answer).resolves.toMatchObject({ action: 'back' });
  });

  it('closes itself at the deadline and takes no answer after it', async () => {
    let now = 1_000;
    const { answer, events, getScreen } = await render(pick, {
      message: 'Your answer',
      choices,
      deadline: 61_000,
      now: () => now,
    });
    expect(getScreen()).toContain('⏱ 1:00 left');
    now = 61_000;
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ action: 'timeout', selected: [] });
  });
});

describe('the answer prompt on the prompter', () => {
  it("wraps long choices to the output's own width and pages to its height", async () => {
    const term = virtualTerminal({ columns: 50, rows: 16 });
    const prompter = createPrompter(term.streams);
    const long = (n: number) => ({
      value: `c${n}`,
      name: `choice ${n}: a session policy can only narrow what the role's own policies allow`,
    });
    const answered = prompter.pick({ message: 'Which is true?', choices: [1, 2, 3, 4, 5, 6].map(long) });
    const screen = await term.nextPrompt(answered);
    term.press('\r');
    await expect(answered).resolves.toMatchObject({ action: 'answer', selected: ['c1'] });
    const lines = (screen ?? '').split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
    // wrapped at a word, under the choice's own text, never inside a word
    expect(lines).toContain("     what the role's own policies allow");
    // 16 rows leave a page of 6 lines: three two-line choices, the fourth below the fold
    expect(screen).toContain('3) choice 3');
    expect(screen).not.toContain('choice 4');
  });
});
