/**
 * The quiz's answer prompt (@inquirer/core): pick one or several choices with
 * the arrows or their numbers, and the exam keys (skip, flag, back, list). A
 * status line of its own sits above the choices and is redrawn with them, so a
 * live clock never writes over the question printed above. At the deadline the
 * prompt closes itself with `timeout`: no answer is taken after time.
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  useEffect,
  useKeypress,
  usePagination,
  useRef,
  useState,
} from '@inquirer/core';
import type { Choice } from './prompts.js';
import { wrapText } from './theme.js';

/** What closed the prompt. */
export type PickAction = 'answer' | 'skip' | 'back' | 'list' | 'timeout';

export interface PickResult {
  action: PickAction;
  /** The chosen values (one for a single pick; empty when skipped or timed out with nothing chosen). */
  selected: string[];
  flagged: boolean;
}

export interface PickConfig {
  message: string;
  choices: Choice[];
  /** Several choices may be chosen (space or a number toggles one). */
  multiple?: boolean;
  /** Chosen already (an earlier answer, shown preselected). */
  selected?: string[];
  /** Epoch ms at which the prompt closes itself with `timeout`. */
  deadline?: number;
  /** Which exam keys work. */
  keys?: { skip?: boolean; flag?: boolean; back?: boolean; list?: boolean };
  flagged?: boolean;
  /** Text before the clock on the status line (e.g. `Question 3 of 10`). */
  status?: string;
  /** Styling (the caller's theme). */
  style?: { dim(s: string): string; warn(s: string): string; accent(s: string): string };
  now?: () => number;
  /** The output's size now (the prompt wraps choices and pages to it); 80x24 when unknown. */
  size?: () => { columns?: number; rows?: number };
  /**
   * A menu, not a question: once answered its line shows what was chosen. A question's line says
   * only `given` (its choices can be long sentences; the feedback or the review shows the answer).
   */
  menu?: boolean;
}

/** A closed prompt's line says how it closed (`back` and `list` leave it bare: a screen follows). */
const CLOSED_WORDS: Partial<Record<PickAction, string>> = {
  answer: 'given',
  timeout: 'time is up',
  skip: 'skipped',
};

const clock = (ms: number) => {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The keys line: only the keys that work here. */
export function pickHelp(cfg: Pick<PickConfig, 'multiple' | 'keys'>): string {
  const parts = [cfg.multiple ? '1-9/space choose · Enter confirm' : '↑↓/1-9 choose · Enter confirm'];
  if (cfg.keys?.skip) parts.push(cfg.multiple ? 's or Enter on nothing: skip' : 's skip');
  if (cfg.keys?.flag) parts.push('f flag');
  if (cfg.keys?.back) parts.push('b back');
  if (cfg.keys?.list) parts.push('l list');
  return parts.join(' · ');
}

export const pick = createPrompt<PickResult, PickConfig>((config, done) => {
  const now = config.now ?? Date.now;
  const style = config.style ?? { dim: (s) => s, warn: (s) => s, accent: (s) => s };
  const values = config.choices.map((c) => c.value);
  const first = config.selected?.[0];
  const [active, setActive] = useState(first !== undefined ? Math.max(0, values.indexOf(first)) : 0);
  const [chosen, setChosen] = useState<string[]>(config.selected ?? []);
  const [flagged, setFlagged] = useState(Boolean(config.flagged));
  // the clock's interval outlives renders: it reads the flag through a ref
  const flagRef = useRef(flagged);
  flagRef.current = flagged;
  /** How the prompt closed, and with what chosen. */
  const [closed, setClosed] = useState<{ action: PickAction; selected: string[] } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [, setTick] = useState(0);
  const keys = config.keys ?? {};

  const finish = (action: PickAction, selected: string[]) => {
    setClosed({ action, selected });
    done({ action, selected, flagged: flagRef.current });
  };

  useEffect(() => {
    if (config.deadline === undefined) return undefined;
    const deadline = config.deadline;
    const timer = setInterval(() => {
      if (now() >= deadline) {
        clearInterval(timer);
        finish('timeout', []);
      } else setTick((t) => t + 1);
    }, 200);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    if (closed) return;
    const name = key.name;
    rl.clearLine(0);
    setError(undefined);
    if (config.deadline !== undefined && now() >= config.deadline) return finish('timeout', []);
    if (isEnterKey(key)) {
      if (!config.multiple) return finish('answer', [values[active]!]);
      if (chosen.length > 0)
        return finish(
          'answer',
          values.filter((v) => chosen.includes(v)),
        );
      if (keys.skip) return finish('skip', []);
      return setError('choose at least one (space or its number)');
    }
    if (isUpKey(key)) return setActive(Math.max(0, active - 1));
    if (isDownKey(key)) return setActive(Math.min(values.length - 1, active + 1));
    const digit = values.length <= 9 && /^[1-9]$/.test(name) ? Number(name) - 1 : -1;
    if (digit >= 0 && digit < values.length) {
      setActive(digit);
      if (config.multiple) {
        const v = values[digit]!;
        setChosen(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
      }
      return;
    }
    if (config.multiple && isSpaceKey(key)) {
      const v = values[active]!;
      return setChosen(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
    }
    if (name === 'f' && keys.flag) return setFlagged(!flagged);
    if (name === 's' && keys.skip) return finish('skip', []);
    if (name === 'b' && keys.back) return finish('back', []);
    if (name === 'l' && keys.list) return finish('list', []);
  });

  const flagMark = flagged ? style.warn('⚑ flagged') : '';
  if (closed) {
    const what =
      closed.action === 'answer' && config.menu
        ? config.choices
            .filter((c) => closed.selected.includes(c.value))
            .map((c) => c.name)
            .join(', ')
        : (CLOSED_WORDS[closed.action] ?? '');
    // a question's line: `Your answer: given`; a menu's: `Read the explanations? beta`
    const head = !config.menu && what ? `${config.message}:` : config.message;
    return [head, style.dim(what), flagMark].filter(Boolean).join(' ');
  }
  const left = config.deadline === undefined ? '' : `⏱ ${clock(config.deadline - now())} left`;
  const statusLine = [config.status ?? '', left, flagMark].filter(Boolean).join(' · ');
  const lines: string[] = [];
  if (statusLine) lines.push(statusLine);
  lines.push(config.message);
  const size = config.size?.() ?? {};
  const width = Math.max(40, (size.columns || 80) - 1);
  const page = usePagination({
    items: config.choices,
    active,
    loop: false,
    pageSize: Math.max(4, (size.rows || 24) - 10),
    renderItem({ item, index, isActive }) {
      const cursor = isActive ? '❯' : ' ';
      const box = config.multiple ? (chosen.includes(item.value) ? '◉ ' : '◯ ') : '';
      const num = config.choices.length <= 9 ? `${index + 1}) ` : '';
      const lead = `${cursor} ${box}${num}`;
      // long choices wrap under their own text, not under the cursor
      const text = lead + wrapText(item.name, width, lead.length).trimStart();
      return isActive ? style.accent(text) : text;
    },
  });
  lines.push(page);
  if (error) lines.push(style.warn(error));
  lines.push(style.dim(pickHelp(config)));
  return lines.join('\n');
});
