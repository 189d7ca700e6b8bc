/**
 * The interactive group loop: renders each phase, asks through the prompters,
 * folds answers into the reducer and saves the state after every answer and
 * every round (so `--resume` continues exactly where it stopped).
 */
import type { Output } from '../ui/output.js';
import type { CountdownView, CountdownViewOptions } from '../ui/countdown.js';
import type { HiddenPrompter } from '../ui/group-input.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { askHidden } from './ask.js';
import {
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
  prompter: Prompter;
  /** Hidden, cancellable prompts for the players' answers. */
  answers: HiddenPrompter;
  theme: Theme;
  out: Output;
  /** The clock the countdown runs on (epoch ms). */
  now: () => number;
  save: (state: GroupState) => Promise<void>;
  /** Starts the live countdown (tests pass one they drive themselves). */
  countdown: (opts: CountdownViewOptions) => CountdownView;
  /** Clears the screen before each question (a no-op in plain mode). */
  clear: () => void;
  /** The countdown is drawn live (TTY, not plain); otherwise the time left goes in each prompt. */
  live: boolean;
}

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

function showQuestion(deps: GroupDeps, state: GroupState): void {
  const q = state.questions[state.index]!;
  deps.clear();
  // the first row is kept for the live countdown
  deps.out.write(
    `${state.timer && deps.live ? '\n' : ''}${renderQuestionScreen(deps.theme, state, shownChoices(q, state.seed))}`,
  );
}

const modeName = (s: GroupState) => (s.mode === 'hotseat' ? GROUP_MSG.hotseat : GROUP_MSG.host);

async function chooseMode(deps: GroupDeps, state: GroupState): Promise<GroupState> {
  // after `m` the prompt is redrawn in place of the old one, not stacked under it
  for (let again = false; ; again = true) {
    const k = await deps.prompter.key(GROUP_MSG.startKey(modeName(state)), ['m'], { replaceLast: again });
    if (k !== 'm') return startTurns(state);
    state = toggleMode(state);
  }
}

/** Collects every player's answer (or the time runs out). Saves after each answer. */
async function collect(deps: GroupDeps, start: GroupState): Promise<GroupState> {
  let state = start;
  const q = state.questions[state.index]!;
  const shown = shownChoices(q, state.seed);
  const abort = new AbortController();
  let timer: Countdown | undefined = state.timer ? startCountdown(state.timer, deps.now()) : undefined;
  const left = () => (timer ? formatRemaining(remaining(timer, deps.now())) : '');
  const view = timer
    ? deps.countdown({
        draw: deps.live,
        text: () => renderTimerLine(deps.theme, left(), isPaused(timer!), GROUP_MSG.timerKeys),
        tick: () => {
          if (timer && isExpired(timer, deps.now())) abort.abort();
        },
        onKey: (key) => {
          if (timer) timer = key === 'pause' ? togglePause(timer, deps.now()) : extend(timer);
        },
      })
    : undefined;
  const suffix = () => (timer && !deps.live ? ` (${left()} left)` : '');
  try {
    deps.out.write(renderTurnLine(deps.theme, state));
    while (state.phase === 'turns') {
      try {
        if (state.mode === 'hotseat') {
          const p = turnOf(state)!;
          const message = GROUP_MSG.yourTurn(state.players[p]!) + suffix();
          state = answerFor(state, p, await askHidden(deps.answers, q, shown, message, abort.signal));
        } else {
          const waiting = waitingPlayers(state);
          const names = waiting.map((p) => state.players[p]!);
          const check = (line: string) => parseHostEntry(q, shown, line, waiting.length);
          const line = await deps.answers.text(
            `${GROUP_MSG.hostEntry(names)}, ${entryHint(q)}${suffix()}`,
            (v) => {
              const r = check(v);
              return 'error' in r ? r.error : true;
            },
            abort.signal,
          );
          const r = check(line);
          if ('error' in r) continue;
          waiting.forEach((p, i) => (state = answerFor(state, p, r.ok[i] ?? null)));
        }
        await deps.save(state);
      } catch (e) {
        if (!abort.signal.aborted) throw e;
        state = expire(state);
        deps.out.write(`${deps.theme.warn(GROUP_MSG.timeUp)}\n`);
        await deps.save(state);
      }
    }
  } finally {
    view?.stop();
  }
  return state;
}

/** Runs the session from wherever `start` is to the final phase. */
export async function runGroup(deps: GroupDeps, start: GroupState): Promise<GroupState> {
  let state = start;
  let shownIndex = -1;
  const { theme, out, prompter } = deps;
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
        out.write(renderReveal(theme, state, state.index));
        await prompter.key(GROUP_MSG.nextKey);
        state = advance(state);
        await deps.save(state);
        break;
      case 'scoreboard':
        out.write(renderScoreboard(theme, state));
        await prompter.key(GROUP_MSG.continueKey(state.index + 1 >= state.questions.length));
        state = advance(state);
        await deps.save(state);
        break;
    }
  }
  return state;
}
