/**
 * The interactive group loop: renders each phase, asks through the group's prompts, folds answers
 * into the reducer and saves the state after every answer and every round (so `--resume`
 * continues exactly where it stopped).
 */
import type { GroupInput, Live } from '../ui/group-input.js';
import type { Output } from '../ui/output.js';
import { showPaged } from '../ui/pager.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { askHidden } from './ask.js';
import {
  elapsed,
  extend,
  formatRemaining,
  isExpired,
  isPaused,
  remaining,
  startCountdown,
  togglePause,
  type Countdown,
} from './countdown.js';
import { entryHint, parseHostEntry, shownChoices } from './entry.js';
import { GROUP_MSG } from './messages.js';
import {
  renderFinal,
  renderQuestionScreen,
  renderReveal,
  renderScoreboard,
  renderTimerLine,
  renderTurnLine,
} from './render.js';
import {
  advance,
  answerFor,
  expire,
  MAX_PLAYERS,
  startTurns,
  toggleMode,
  turnOf,
  waitingPlayers,
  type GroupState,
} from './state.js';

export interface GroupDeps {
  /** The players' answers, the host's line and the keys between screens. */
  input: GroupInput;
  theme: Theme;
  out: Output;
  /** The clock the countdown runs on (epoch ms). */
  now: () => number;
  save: (state: GroupState) => Promise<void>;
  /** Calls `tick` every so often while a question is timed (tests pass one they drive themselves). */
  countdown: (tick: () => void) => { stop(): void };
  /** Clears the screen before each screen (a no-op in plain mode). */
  clear: () => void;
  /** The terminal's size now, so a long reveal is shown a page at a time. */
  size: () => { columns: number; rows: number };
}

/** How often the countdown line is redrawn and expiry checked (ms). */
export const TICK_MS = 250;

/** Asks for player names until Enter on an empty name (2–12, unique, non-empty). */
export async function askPlayers(prompter: Prompter): Promise<string[]> {
  const names: string[] = [];
  while (names.length < MAX_PLAYERS) {
    const name = (
      await prompter.text(GROUP_MSG.namesPrompt(names.length + 1), {
        validate: (v) => {
          if (v.trim() === '') return names.length >= 2 || 'a group needs at least 2 players';
          const taken = names.some((n) => n.toLowerCase() === v.trim().toLowerCase());
          return taken ? `\`${v.trim()}\` is already playing` : true;
        },
      })
    ).trim();
    if (name === '') break;
    names.push(name);
  }
  return names;
}

/**
 * Rows the answer prompt takes under the question: the countdown (when timed), who has answered,
 * the prompt line, its keys, and a line for a mistyped key.
 */
export const promptRows = (state: GroupState) => (state.timer ? 5 : 4);

function showQuestion(deps: GroupDeps, state: GroupState): void {
  const q = state.questions[state.index]!;
  deps.clear();
  const rows = deps.size().rows - promptRows(state);
  deps.out.write(renderQuestionScreen(deps.theme, state, shownChoices(q, state.seed), rows));
}

const modeName = (s: GroupState) => (s.mode === 'hotseat' ? GROUP_MSG.hotseat : GROUP_MSG.host);

async function chooseMode(deps: GroupDeps, state: GroupState): Promise<GroupState> {
  // each key prompt erases itself: after `m` the new one stands where the old one was
  for (;;) {
    const k = await deps.input.key(GROUP_MSG.startKey(modeName(state)), ['m']);
    if (k !== 'm') return startTurns(state);
    state = toggleMode(state);
  }
}

/** Collects every player's answer (or the time runs out). Saves after each answer. */
async function collect(deps: GroupDeps, start: GroupState): Promise<GroupState> {
  let state = start;
  const { theme } = deps;
  const q = state.questions[state.index]!;
  const shown = shownChoices(q, state.seed);
  const abort = new AbortController();
  // the timer starts when answering starts, not while the question is read out
  let timer: Countdown | undefined = state.timer ? startCountdown(state.timer, deps.now()) : undefined;
  const ticker = timer
    ? deps.countdown(() => {
        if (timer && isExpired(timer, deps.now())) abort.abort();
      })
    : undefined;
  const timerLine = (t: Countdown) =>
    renderTimerLine(theme, formatRemaining(remaining(t, deps.now())), isPaused(t), GROUP_MSG.timerKeys);
  const live: Live = {
    // the countdown and who has answered, on lines of their own under the question
    status: () => [...(timer ? [timerLine(timer)] : []), renderTurnLine(theme, state)],
    tickMs: timer ? TICK_MS : undefined,
    onCtrl: (key) => {
      if (timer) timer = key === 'p' ? togglePause(timer, deps.now()) : extend(timer);
    },
    signal: abort.signal,
  };
  // a stopwatch for each player's answer (--speed): the countdown's running time, or the clock
  const clock = () => (timer ? elapsed(timer, deps.now()) : deps.now());
  try {
    while (state.phase === 'turns') {
      try {
        if (state.mode === 'hotseat') {
          const p = turnOf(state)!;
          const started = clock();
          const response = await askHidden(deps.input, q, shown, GROUP_MSG.yourTurn(state.players[p]!), live);
          state = answerFor(state, p, response, state.speed ? Math.max(0, clock() - started) : undefined);
        } else {
          const waiting = waitingPlayers(state);
          const names = waiting.map((p) => state.players[p]!);
          const check = (line: string) => parseHostEntry(q, shown, line, names);
          const line = await deps.input.line(
            `${GROUP_MSG.hostEntry(names)}, ${entryHint(q)}:`,
            (v) => {
              const r = check(v);
              return 'error' in r ? r.error : true;
            },
            live,
          );
          const r = check(line);
          if ('error' in r) continue;
          waiting.forEach((p, i) => (state = answerFor(state, p, r.ok[i] ?? null)));
        }
        await deps.save(state);
      } catch (e) {
        if (!abort.signal.aborted) throw e;
        state = expire(state);
        deps.out.write(`${theme.warn(GROUP_MSG.timeUp)}\n`);
        await deps.save(state);
      }
    }
  } finally {
    ticker?.stop();
  }
  return state;
}

/** A screen of its own, a page at a time when it is taller than the terminal, then a key (if any). */
async function screen(deps: GroupDeps, text: string, key?: string): Promise<void> {
  deps.clear();
  const io = {
    write: (t: string) => deps.out.write(t),
    key: (message: string, keys: string[]) => deps.input.key(message, keys),
    size: deps.size,
  };
  // no `q`: a group session is left with Ctrl-C (and resumed with --resume)
  await showPaged(text.replace(/\n$/, ''), io, 2, GROUP_MSG.more, { quit: false });
  if (key !== undefined) await deps.input.key(key);
}

/** The final standings, podium first, a page at a time: nothing scrolls away before it is read. */
export async function showFinal(deps: GroupDeps, state: GroupState): Promise<void> {
  await screen(deps, renderFinal(deps.theme, state));
}

/** Runs the session from wherever `start` is to the final phase. */
export async function runGroup(deps: GroupDeps, start: GroupState): Promise<GroupState> {
  let state = start;
  let shownIndex = -1;
  const { theme } = deps;
  while (state.phase !== 'final') {
    switch (state.phase) {
      case 'setup':
        throw new Error('the session has no players yet');
      case 'question':
        showQuestion(deps, state);
        shownIndex = state.index;
        state = await chooseMode(deps, state);
        await deps.save(state);
        break;
      case 'turns':
        if (shownIndex !== state.index) {
          showQuestion(deps, state);
          shownIndex = state.index;
        }
        state = await collect(deps, state);
        break;
      case 'reveal':
        await screen(deps, renderReveal(theme, state, state.index), GROUP_MSG.nextKey);
        state = advance(state);
        await deps.save(state);
        break;
      case 'scoreboard':
        await screen(
          deps,
          renderScoreboard(theme, state),
          GROUP_MSG.continueKey(state.index + 1 >= state.questions.length),
        );
        state = advance(state);
        await deps.save(state);
        break;
    }
  }
  return state;
}
