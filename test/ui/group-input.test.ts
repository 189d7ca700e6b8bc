/**
 * The group's prompts in-process: @inquirer/testing drives the createPrompt views, and
 * createGroupInput runs on injected streams (no terminal, no tmux).
 */
import { PassThrough, Writable } from 'node:stream';
import { render } from '@inquirer/testing';
import { describe, expect, it, vi } from 'vitest';
import { Interrupted } from '../../src/errors.js';
import {
  hiddenProgress,
  lockIn,
  lockInTyped,
  press,
  typeDigit,
  undo,
  type AnswerShape,
} from '../../src/ui/group-answer.js';
import { createGroupInput, PromptCancelled } from '../../src/ui/group-input.js';
import { answerPrompt, linePrompt } from '../../src/ui/group-prompts.js';
import { keyPrompt } from '../../src/ui/key-prompt.js';
import { isPromptExit, promptExitOf } from '../../src/ui/prompt-exit.js';
import { AbortPromptError, CancelPromptError, ExitPromptError } from '@inquirer/core';

const one: AnswerShape = { kind: 'one', count: 4 };

describe('the hidden answer, key by key', () => {
  it('single: a number chooses (another replaces it), Enter locks it in, Enter on nothing is no answer', () => {
    expect(press(one, [], 2)).toEqual({ ok: [2] });
    expect(press(one, [2], 0)).toEqual({ ok: [0] });
    expect(press(one, [], 4)).toEqual({ error: 'press 1 to 4' });
    expect(lockIn(one, [0])).toEqual({ ok: [0] });
    expect(lockIn(one, [])).toEqual({ ok: null });
    expect(hiddenProgress(one, [3])).toBe('● chosen');
  });

  it('multi: numbers toggle; order: each once, the last place filled in; pair: API then condition', () => {
    const many: AnswerShape = { kind: 'many', count: 3 };
    expect(press(many, [0, 2], 0)).toEqual({ ok: [2] });
    expect(lockIn(many, [2, 0])).toEqual({ ok: [0, 2] });
    const order: AnswerShape = { kind: 'order', count: 3 };
    expect(press(order, [1], 1)).toMatchObject({ error: expect.stringContaining('placed already') });
    expect(press(order, [1], 2)).toEqual({ ok: [1, 2, 0] });
    expect(undo(order, [1, 2, 0])).toEqual([1]);
    expect(lockIn(order, [1])).toMatchObject({ error: expect.stringContaining('put all 3 in order') });
    const pair: AnswerShape = { kind: 'pair', api: 4, trust: 2 };
    expect(press(pair, [3], 3)).toEqual({ error: 'press 1 to 2' });
    expect(press(pair, [3], 1)).toEqual({ ok: [3, 1] });
    expect(lockIn(pair, [3])).toMatchObject({ error: expect.stringContaining('condition number') });
    expect(hiddenProgress(pair, [3])).toBe('a) ●  b) ○');
  });
});

describe('the answer prompt', () => {
  it('never shows which number was pressed, and returns it on Enter', async () => {
    const { answer, events, getScreen } = await render(answerPrompt, {
      message: 'Ana, your answer',
      shape: one,
      status: () => ['⏱ 0:19 left', 'answered: Ana …  Ben …'],
    });
    expect(getScreen()).toContain('answered: Ana …  Ben …');
    events.keypress('3');
    const screen = getScreen();
    expect(screen).toContain('? Ana, your answer  ● chosen');
    expect(screen).not.toMatch(/Ana, your answer.*3/);
    events.keypress('backspace');
    expect(getScreen()).toContain('nothing chosen');
    events.keypress('2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1]);
  });

  it('Enter alone is no answer; a half-given pair says what is missing', async () => {
    const first = await render(answerPrompt, { message: 'Ben', shape: one });
    first.events.keypress('enter');
    await expect(first.answer).resolves.toBeNull();
    const pair = await render(answerPrompt, { message: 'Chen', shape: { kind: 'pair', api: 4, trust: 3 } });
    pair.events.keypress('4');
    pair.events.keypress('enter');
    expect(pair.getScreen()).toContain('now the condition number (b), 1 to 3');
    pair.events.keypress('2');
    pair.events.keypress('enter');
    await expect(pair.answer).resolves.toEqual([3, 1]);
  });

  it('passes Ctrl-P and Ctrl-E to the host’s timer and redraws the status line', async () => {
    let paused = false;
    const onCtrl = vi.fn((k: 'p' | 'e') => void (paused = k === 'p' ? !paused : paused));
    const { answer, events, getScreen } = await render(answerPrompt, {
      message: 'Ana',
      shape: one,
      status: () => [paused ? '⏸ paused' : '⏱ running'],
      onCtrl,
    });
    events.keypress({ name: 'p', ctrl: true });
    expect(getScreen()).toContain('⏸ paused');
    events.keypress({ name: 'e', ctrl: true });
    expect(onCtrl.mock.calls).toEqual([['p'], ['e']]);
    events.keypress('enter');
    await expect(answer).resolves.toBeNull();
  });
});

describe('the key and line prompts', () => {
  it('a key prompt takes Enter or one of its letters, nothing else', async () => {
    const { answer, events } = await render(keyPrompt, { message: 'Enter: start · m: mode', keys: ['m'] });
    events.keypress('x');
    events.keypress('m');
    await expect(answer).resolves.toBe('m');
  });

  it('the host line is checked on Enter: the reason is shown and the line kept', async () => {
    const { answer, events, getScreen } = await render(linePrompt, {
      message: 'Answers for Ana, Ben:',
      validate: (v: string) => v.split(' ').length === 2 || 'give 2 answers',
    });
    events.type('2');
    events.keypress('enter');
    expect(getScreen()).toContain('give 2 answers');
    events.type(' 1');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2 1');
  });
});

describe('createGroupInput on injected streams', () => {
  const streams = () => {
    const input = new PassThrough();
    let text = '';
    const output = new Writable({
      write(chunk, _enc, cb) {
        text += String(chunk);
        cb();
      },
    });
    return { input, output, text: () => text };
  };

  it('answers from the given input; Ctrl-C is Interrupted; the timer’s signal is PromptCancelled', async () => {
    const s = streams();
    const group = createGroupInput({ input: s.input, output: s.output });
    const answered = group.answer('Ana, your answer', one);
    await new Promise((r) => setImmediate(r));
    s.input.write('4\r');
    await expect(answered).resolves.toEqual([3]);
    expect(s.text()).toContain('Ana, your answer');

    const stopped = group.key('Enter: next', []);
    await new Promise((r) => setImmediate(r));
    s.input.write('\x03');
    await expect(stopped).rejects.toBeInstanceOf(Interrupted);

    const timer = new AbortController();
    const timed = group.answer('Ben, your answer', one, { signal: timer.signal });
    timer.abort();
    await expect(timed).rejects.toBeInstanceOf(PromptCancelled);
  });
});

describe('isPromptExit', () => {
  it('knows Inquirer’s three ways a prompt closes without an answer, and nothing else', () => {
    expect(
      [new ExitPromptError(), new AbortPromptError(), new CancelPromptError()].map(promptExitOf),
    ).toEqual(['exit', 'abort', 'cancel']);
    const lookalike = Object.assign(new Error('x'), { name: 'ExitPromptError' });
    expect([isPromptExit(lookalike), isPromptExit(new Error('x')), isPromptExit('ExitPromptError')]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('more than nine choices', () => {
  const twelve: AnswerShape = { kind: 'one', count: 12 };

  it('a digit that could start a larger number waits for the next; Enter takes it as typed', () => {
    const start = { picked: [], pending: '' };
    const one = typeDigit(twelve, start, '1');
    expect(one).toEqual({ ok: { picked: [], pending: '1' } });
    if (!('ok' in one)) throw new Error('no');
    expect(typeDigit(twelve, one.ok, '2')).toEqual({ ok: { picked: [11], pending: '' } });
    expect(typeDigit(twelve, start, '5')).toEqual({ ok: { picked: [4], pending: '' } });
    expect(lockInTyped(twelve, one.ok)).toEqual({ ok: [0] });
    expect(hiddenProgress(twelve, [], '1')).toBe('nothing chosen …');
  });

  it('in the prompt: 1 then 1 is choice 11, never shown', async () => {
    const { answer, events, getScreen } = await render(answerPrompt, { message: 'Ana', shape: twelve });
    events.keypress('1');
    events.keypress('1');
    expect(getScreen()).toContain('? Ana  ● chosen');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([10]);
  });
});
