/**
 * The group's prompts on @inquirer/core (createPrompt/useKeypress), so they take any input and
 * output streams (tests drive them in-process with @inquirer/testing): a player's hidden answer and
 * the host's line (single keys: key-prompt.ts). Each draws its status lines (the countdown, who has
 * answered, prompt-status.ts) above its own prompt line and redraws them on a tick: the question
 * printed above is never written over. Closed, a prompt erases itself.
 */
import { createPrompt, isBackspaceKey, isEnterKey, useKeypress, useState } from '@inquirer/core';
import {
  answerHelp,
  hiddenProgress,
  lockInTyped,
  typeDigit,
  undo,
  type AnswerShape,
  type Picked,
  type Typing,
} from './group-answer.js';
import { plainStyle, safe, statusLines, useStatus, type LiveConfig } from './prompt-status.js';

export interface AnswerConfig extends LiveConfig {
  shape: AnswerShape;
}

/** A player's answer by number keys, hidden as it is given; Enter locks it in (nothing: no answer). */
export const answerPrompt = createPrompt<Picked, AnswerConfig>((config, done) => {
  const style = config.style ?? plainStyle;
  const [typing, setTyping] = useState<Typing>({ picked: [], pending: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const timerKey = useStatus(config);
  useKeypress((key, rl) => {
    rl.clearLine(0); // nothing typed is echoed: the answer stays hidden
    if (timerKey(key)) return;
    setError(undefined);
    if (isEnterKey(key)) {
      const r = lockInTyped(config.shape, typing);
      return 'error' in r ? setError(r.error) : done(r.ok);
    }
    if (isBackspaceKey(key))
      return setTyping(
        typing.pending
          ? { ...typing, pending: '' }
          : { picked: undo(config.shape, typing.picked), pending: '' },
      );
    if (/^[0-9]$/.test(key.name)) {
      const r = typeDigit(config.shape, typing, key.name);
      return 'error' in r ? setError(r.error) : setTyping(r.ok);
    }
  });
  const shown = hiddenProgress(config.shape, typing.picked, typing.pending);
  const line = `${style.accent('?')} ${safe(config.message)}  ${shown}`;
  const bottom = [error ? style.warn(error) : '', style.dim(answerHelp(config.shape, typing.picked))];
  return [[...statusLines(config), line].join('\n'), bottom.filter(Boolean).join('\n')];
});

export interface LineConfig extends LiveConfig {
  validate: (value: string) => true | string;
}

/** One line of text (the host's entry), checked on Enter. */
export const linePrompt = createPrompt<string, LineConfig>((config, done) => {
  const style = config.style ?? plainStyle;
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const timerKey = useStatus(config);
  useKeypress((key, rl) => {
    if (timerKey(key)) {
      // readline took Ctrl-P/Ctrl-E as line editing: put the line back as it was
      rl.clearLine(0);
      rl.write(value);
      return;
    }
    if (isEnterKey(key)) {
      const ok = config.validate(value);
      if (ok === true) return done(value);
      rl.write(value); // readline cleared the line on Enter
      return setError(ok);
    }
    setError(undefined);
    setValue(rl.line);
  });
  const line = `${style.accent('?')} ${safe(config.message)} ${safe(value)}`;
  return [[...statusLines(config), line].join('\n'), error ? style.warn(safe(error)) : ''];
});
