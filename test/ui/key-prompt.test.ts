/**
 * The one-key prompt (learn, quiz, the pager, group) through @inquirer/testing: which keys close
 * it, that nothing typed is echoed, and that its line stays or (`erase`) is cleared on close.
 */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { createPrompter } from '../../src/ui/inquirer-prompter.js';
import { keyPrompt } from '../../src/ui/key-prompt.js';
import { virtualTerminal } from '../helpers/virtual-terminal.js';

const MORE = '-- 1/3 · space: more · b: back · q: quit --';

describe('the key prompt', () => {
  it('takes Enter or one of its keys (Shift ignored, space by name); anything else is not echoed', async () => {
    const enter = await render(keyPrompt, { message: 'Enter: go on · q: quit and save', keys: ['q'] });
    enter.events.type('xd');
    enter.events.keypress({ name: 'q', ctrl: true });
    expect(enter.getScreen()).toBe('Enter: go on · q: quit and save');
    enter.events.keypress('enter');
    await expect(enter.answer).resolves.toBe('enter');

    const shifted = await render(keyPrompt, { message: 'm', keys: ['d', 't', 'q'] });
    shifted.events.keypress({ name: 't', shift: true });
    await expect(shifted.answer).resolves.toBe('t');

    const space = await render(keyPrompt, { message: MORE, keys: [' ', 'b', 'q'] });
    space.events.keypress('space');
    await expect(space.answer).resolves.toBe(' ');
  });

  it('asked to erase, it leaves nothing on the screen (the pager’s “more” line)', async () => {
    const erased = await render(keyPrompt, { message: MORE, keys: [' '] }, { clearPromptOnDone: true });
    erased.events.keypress('space');
    await erased.answer;
    expect(await erased.getFullOutput()).toBe('');
  });

  it('the prompter’s key() erases on request, on the streams it was given', async () => {
    const term = virtualTerminal();
    const prompter = createPrompter(term.streams);
    for (const erase of [false, true]) {
      const asked = prompter.key(MORE, [' ', 'b', 'q'], { erase });
      await term.nextPrompt(asked);
      const from = term.raw().length;
      term.press('B');
      await expect(asked).resolves.toBe('b');
      const closing = term.raw().slice(from);
      expect(closing.includes('\x1b[2K')).toBe(erase); // the line cleared
      expect(closing.includes('\n')).toBe(!erase); // or left, the cursor under it
    }
  });
});

describe('a long question', () => {
  it('wraps at a word boundary, within the terminal’s width (Inquirer alone breaks mid-word)', async () => {
    const term = virtualTerminal({ columns: 64, rows: 24 });
    const prompter = createPrompter(term.streams);
    const question =
      'Which policies had to allow this cross-account AssumeRole? (Choose two.) (Enter with none ticked: I don’t know)';
    const asked = prompter.choice(question, [
      { value: 'a', name: 'The role’s trust policy' },
      { value: 'b', name: 'An SCP' },
    ]);
    const screen = (await term.nextPrompt(asked))!;
    term.press('\r');
    await expect(asked).resolves.toBe('a');
    const lines = screen.split('\n').filter((l) => l.trim() !== '');
    expect(lines.every((l) => l.length <= 64)).toBe(true);
    // every word of the question whole on one line
    for (const word of question.split(' '))
      expect(
        lines.some((l) => l.includes(word)),
        word,
      ).toBe(true);
  });
});
