/**
 * A group session as a reducer (STYLE.md §10): setup → question → turns →
 * reveal → scoreboard → … → final. Plain, JSON-safe state (it is the resume
 * file), pure updates; the command loop asks, folds and renders.
 */
import { grade, type BankQuestion, type Response } from '../quiz/question.js';

export type Phase = 'setup' | 'question' | 'turns' | 'reveal' | 'scoreboard' | 'final';

/** Hot-seat: each player answers in turn. Host: the host types everyone's answers at once. */
export type EntryMode = 'hotseat' | 'host';

/** One player's answer to one question. `response: null` means no answer (time ran out). */
export interface GivenAnswer {
  response: Response | null;
  correct: boolean;
  /** Hot-seat: how long the player took, from their prompt opening to locking in (paused time excluded). */
  ms?: number;
}

export interface GroupState {
  version: 1;
  phase: Phase;
  players: string[];
  /** The questions, stored whole so a resumed session asks exactly the same ones. */
  questions: BankQuestion[];
  /** Seed of the selection and of the choice order shown. */
  seed: number;
  /** Seconds per question, when timed. */
  timer?: number;
  /** Where `--export` writes the summary at the end. */
  exportFile?: string;
  /** `--speed`: the window (seconds) over which a right answer's speed bonus falls to 0 (scoring.ts). */
  speed?: number;
  mode: EntryMode;
  /** The current question (== questions.length once final). */
  index: number;
  /** answers[question][player]; null = not answered yet. */
  answers: (GivenAnswer | null)[][];
  /** Questions whose time ran out. */
  timedOut: boolean[];
}

export const MIN_PLAYERS = 2;
export const MAX_PLAYERS = 12;
/** The speed bonus window of an untimed `--speed` session (seconds). */
export const SPEED_WINDOW = 30;

/** Why a list of player names cannot be used, or undefined when it can. */
export function playersProblem(players: readonly string[]): string | undefined {
  if (players.some((p) => p.trim() === '')) return 'player names cannot be empty';
  if (players.length < MIN_PLAYERS) return `a group needs at least ${MIN_PLAYERS} players`;
  if (players.length > MAX_PLAYERS) return `at most ${MAX_PLAYERS} players can play`;
  const seen = new Set<string>();
  for (const p of players) {
    const key = p.trim().toLowerCase();
    if (seen.has(key)) return `player \`${p.trim()}\` is named twice`;
    seen.add(key);
  }
  return undefined;
}

/** Splits `--players "Ana, Ben,Chen"` into trimmed names. */
export function parsePlayers(text: string): string[] {
  return text.split(',').map((p) => p.trim());
}

export function createGroup(opts: {
  questions: BankQuestion[];
  seed: number;
  timer?: number;
  exportFile?: string;
  /** `--speed`: faster right answers earn more (over the timer, or 30 s untimed). */
  speed?: boolean;
}): GroupState {
  return {
    version: 1,
    phase: 'setup',
    players: [],
    questions: opts.questions,
    seed: opts.seed,
    timer: opts.timer,
    exportFile: opts.exportFile,
    ...(opts.speed ? { speed: opts.timer ?? SPEED_WINDOW } : {}),
    mode: 'hotseat',
    index: 0,
    answers: opts.questions.map(() => []),
    timedOut: opts.questions.map(() => false),
  };
}

/** Setup → the first question. Throws on names `playersProblem` rejects. */
export function begin(state: GroupState, players: string[]): GroupState {
  const names = players.map((p) => p.trim());
  const problem = playersProblem(names);
  if (problem) throw new Error(problem);
  return {
    ...state,
    players: names,
    phase: state.questions.length ? 'question' : 'final',
    answers: state.questions.map(() => names.map(() => null)),
  };
}

export function currentQuestion(state: GroupState): BankQuestion | undefined {
  return state.phase === 'final' || state.phase === 'setup' ? undefined : state.questions[state.index];
}

/** Switches between hot-seat and host entry. */
export function toggleMode(state: GroupState): GroupState {
  return { ...state, mode: state.mode === 'hotseat' ? 'host' : 'hotseat' };
}

/** The question has been shown: answers may come in. */
export function startTurns(state: GroupState): GroupState {
  if (state.phase !== 'question') return state;
  return { ...state, phase: 'turns' };
}

const row = (state: GroupState) => state.answers[state.index] ?? [];

/** Index of the player whose turn it is, or undefined when everyone has answered. */
export function turnOf(state: GroupState): number | undefined {
  if (state.phase !== 'turns') return undefined;
  // The first seat moves on by one each question, so no player always answers last: with a timer,
  // the last seat has the least time; without one, the most to think while the others answer.
  const answers = row(state);
  for (let k = 0; k < answers.length; k++) {
    const seat = (state.index + k) % answers.length;
    if (answers[seat] === null) return seat;
  }
  return undefined;
}

/** Players who still have to answer the current question. */
export function waitingPlayers(state: GroupState): number[] {
  return row(state).flatMap((a, i) => (a === null ? [i] : []));
}

function withAnswer(state: GroupState, player: number, given: GivenAnswer): GroupState {
  const answers = state.answers.with(state.index, row(state).with(player, given));
  const done = answers[state.index]!.every((a) => a !== null);
  return { ...state, answers, phase: done ? 'reveal' : 'turns' };
}

/**
 * Records `player`'s answer (null: none given) and, in hot-seat, how long it took (`ms`); after the
 * last one the round is revealed.
 */
export function answerFor(
  state: GroupState,
  player: number,
  response: Response | null,
  ms?: number,
): GroupState {
  const q = currentQuestion(state);
  if (state.phase !== 'turns' || !q) throw new Error('no question is waiting for answers');
  if (row(state)[player] !== null) throw new Error(`player ${player} has already answered`);
  const correct = response !== null && grade(q, response);
  return withAnswer(state, player, { response, correct, ...(ms === undefined ? {} : { ms }) });
}

/** Time is up: whoever has not answered gets it wrong, and the round is revealed. */
export function expire(state: GroupState): GroupState {
  if (state.phase !== 'turns') return state;
  let next = state;
  for (const p of waitingPlayers(state)) next = withAnswer(next, p, { response: null, correct: false });
  return { ...next, phase: 'reveal', timedOut: next.timedOut.with(state.index, true) };
}

/** reveal → scoreboard → next question (or final). */
export function advance(state: GroupState): GroupState {
  if (state.phase === 'reveal') return { ...state, phase: 'scoreboard' };
  if (state.phase !== 'scoreboard') return state;
  const index = state.index + 1;
  return { ...state, index, phase: index >= state.questions.length ? 'final' : 'question' };
}
