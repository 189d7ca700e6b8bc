/**
 * The group's prompts on @inquirer/core (createPrompt/useKeypress), so they take any input and
 * output streams (tests drive them in-process with @inquirer/testing). Each draws its status
 * lines (the countdown, who has answered) above its own prompt line and redraws them on a tick:
 * the question printed above is never written over. Closed, a prompt erases itself.
 */
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  useEffect,
  useKeypress,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
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
import { sanitizeTerminal } from './sanitize.js';

export interface PromptStyle {
  dim(s: string): string;
  warn(s: string): string;
  accent(s: string): string;
}

interface Common {
  message: string;
  /** Lines above the prompt line (asked again on every tick). */
  status?: () => string[];
  /** Redraw the status lines this often (ms); 0 or absent: only on keys. */
  tickMs?: number;
  /** Ctrl-P / Ctrl-E (the host's timer keys). */
  onCtrl?: (key: 'p' | 'e') => void;
  style?: PromptStyle;
}

const plainStyle: PromptStyle = { dim: (s) => s, warn: (s) => s, accent: (s) => s };
// Status and messages may carry content-pack text (player names): shown escaped, never sent raw.
const safe = (s: string) => sanitizeTerminal(s, true);

/** Redraws on a tick; handles the timer keys. Returns true when the key was one of them. */
function useStatus(config: Common): (key: KeypressEvent) => boolean {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!config.tickMs) return undefined;
    const timer = setInterval(() => setTick((t) => t + 1), config.tickMs);
    return () => clearInterval(timer);
  }, []);
  return (key) => {
    if (!key.ctrl || (key.name !== 'p' && key.name !== 'e')) return false;
    config.onCtrl?.(key.name);
    setTick((t) => t + 1);
    return true;
  };
}

const above = (config: Common) => (config.status?.() ?? []).map(safe);

export interface AnswerConfig extends Common {
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
  return [[...above(config), line].join('\n'), bottom.filter(Boolean).join('\n')];
});

export interface KeyConfig extends Common {
  /** Letters that also close the prompt (lower case). */
  keys?: string[];
}

/** Waits for Enter ('enter') or one of `keys`. */
export const keyPrompt = createPrompt<string, KeyConfig>((config, done) => {
  const timerKey = useStatus(config);
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (timerKey(key)) return;
    if (isEnterKey(key)) return done('enter');
    const k = key.name === 'space' ? ' ' : key.name?.toLowerCase();
    if (!key.ctrl && k && config.keys?.includes(k)) done(k);
  });
  return [...above(config), safe(config.message)].join('\n');
});

export interface LineConfig extends Common {
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
  return [[...above(config), line].join('\n'), error ? style.warn(safe(error)) : ''];
});
