/**
 * A quiz session as a reducer (STYLE.md §10): plain state, pure updates. The
 * command loop asks, calls `answer`, records what `feedback.record` says and
 * renders; tests drive these functions directly.
 */
import { grade, type BankQuestion, type Response } from './question.js';

export type Mode = 'practice' | 'exam';

export interface SessionState {
  mode: Mode;
  questions: BankQuestion[];
  /** The question to ask next (== questions.length when every question has been seen once). */
  index: number;
  responses: (Response | undefined)[];
  results: (boolean | undefined)[];
  flagged: boolean[];
  /** Exam time limit: epoch ms after which the exam submits itself. */
  deadline?: number;
  submitted: boolean;
  /** The exam was submitted because time ran out. */
  expired: boolean;
  /** Exam: every question has been seen once; answering now returns to the review screen. */
  reviewing: boolean;
}

export interface Feedback {
  question: BankQuestion;
  correct: boolean;
  /** Practice shows feedback at once; an exam keeps it for the end. */
  show: boolean;
  /** Store this answer now (false when an exam answer was revisited but not changed). */
  record: boolean;
}

export function startSession(
  questions: BankQuestion[],
  mode: Mode,
  opts: { timeLimitMinutes?: number; now?: number } = {},
): SessionState {
  const n = questions.length;
  return {
    mode,
    questions,
    index: 0,
    responses: new Array<Response | undefined>(n).fill(undefined),
    results: new Array<boolean | undefined>(n).fill(undefined),
    flagged: new Array<boolean>(n).fill(false),
    deadline:
      mode === 'exam' && opts.timeLimitMinutes ? (opts.now ?? 0) + opts.timeLimitMinutes * 60_000 : undefined,
    submitted: false,
    expired: false,
    reviewing: false,
  };
}

/** The question being asked, if any. */
export function current(state: SessionState): BankQuestion | undefined {
  return state.submitted ? undefined : state.questions[state.index];
}

const same = (a: Response | undefined, b: Response) => JSON.stringify(a) === JSON.stringify(b);

/** Answers the current question and moves on. */
export function answer(state: SessionState, response: Response): { state: SessionState; feedback: Feedback } {
  const i = state.index;
  const question = state.questions[i];
  if (!question || state.submitted) throw new Error('no question to answer');
  const correct = grade(question, response);
  const previous = state.responses[i];
  const responses = state.responses.with(i, response);
  const results = state.results.with(i, correct);
  // Practice ends after the last question; an exam comes back to its review screen (index = length).
  const index = state.mode === 'exam' && state.reviewing ? state.questions.length : i + 1;
  const next: SessionState = {
    ...state,
    responses,
    results,
    index,
    submitted: state.mode === 'practice' && index >= state.questions.length,
  };
  return {
    state: next,
    feedback: { question, correct, show: state.mode === 'practice', record: !same(previous, response) },
  };
}

/** Flags (or unflags) a question for review before submitting (exam). */
export function flag(state: SessionState, index: number, on = true): SessionState {
  return { ...state, flagged: state.flagged.with(index, on) };
}

/** Goes back to a question (exam review screen). */
export function revisit(state: SessionState, index: number): SessionState {
  if (index < 0 || index >= state.questions.length) return state;
  return { ...state, index, reviewing: true };
}

/** Ends the session; unanswered questions count as wrong. */
export function submit(state: SessionState): SessionState {
  return { ...state, submitted: true };
}

/** Checks the exam clock (between questions): past the deadline, the exam submits itself. */
export function tick(state: SessionState, now: number): SessionState {
  if (state.submitted || state.deadline === undefined || now < state.deadline) return state;
  return { ...state, submitted: true, expired: true };
}

/** True when every question has been seen and the exam waits on its review screen. */
export function atReview(state: SessionState): boolean {
  return state.mode === 'exam' && !state.submitted && state.index >= state.questions.length;
}

/** The time left in ms formatted as m:ss. */
export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Minutes and seconds left before the deadline (exam with a time limit). */
export function timeLeft(state: SessionState, now: number): number | undefined {
  return state.deadline === undefined ? undefined : Math.max(0, state.deadline - now);
}

export interface ScoreRow {
  key: string;
  answered: number;
  correct: number;
}

export interface Results {
  total: number;
  answered: number;
  correct: number;
  byTopic: ScoreRow[];
  /** By exam task statement, for questions that carry `exam`. */
  byExam: ScoreRow[];
  /** Wrong or unanswered, in quiz order. */
  missed: { question: BankQuestion; response?: Response }[];
}

function tally(rows: Map<string, ScoreRow>, key: string, correct: boolean) {
  const row = rows.get(key) ?? { key, answered: 0, correct: 0 };
  row.answered++;
  if (correct) row.correct++;
  rows.set(key, row);
}

/** The score, the tables by topic and by exam task statement, and the questions missed. */
export function results(state: SessionState): Results {
  const topics = new Map<string, ScoreRow>();
  const exams = new Map<string, ScoreRow>();
  const missed: Results['missed'] = [];
  let correct = 0;
  let answered = 0;
  state.questions.forEach((q, i) => {
    const r = state.responses[i];
    const ok = state.results[i] === true;
    if (r !== undefined) answered++;
    if (ok) correct++;
    else missed.push({ question: q, response: r });
    for (const t of q.topics) tally(topics, t, ok);
    for (const e of q.exam) tally(exams, e, ok);
  });
  const sorted = (m: Map<string, ScoreRow>) => [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
  return {
    total: state.questions.length,
    answered,
    correct,
    byTopic: sorted(topics),
    byExam: sorted(exams),
    missed,
  };
}
