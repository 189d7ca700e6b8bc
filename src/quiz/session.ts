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
  /** The question open now (== questions.length: the exam's question list before submitting). */
  index: number;
  /** The latest answer to each question (an exam keeps only the final one). */
  responses: (Response | undefined)[];
  flagged: boolean[];
  /** Exam time limit: epoch ms after which the exam submits itself. */
  deadline?: number;
  submitted: boolean;
  /** The exam was submitted because time ran out. */
  expired: boolean;
}

export interface Feedback {
  question: BankQuestion;
  correct: boolean;
  /** Practice shows feedback at once; an exam keeps it for the end. */
  show: boolean;
  /** Store this answer now (practice); an exam stores its final answers when submitted. */
  record: boolean;
  /** What the learner answered (feedback on a wrong answer shows it next to the right one). */
  response?: Response;
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
    flagged: new Array<boolean>(n).fill(false),
    deadline:
      mode === 'exam' && opts.timeLimitMinutes
        ? Math.round((opts.now ?? 0) + opts.timeLimitMinutes * 60_000)
        : undefined,
    submitted: false,
    expired: false,
  };
}

/** The question being asked, if any. */
export function current(state: SessionState): BankQuestion | undefined {
  return state.submitted ? undefined : state.questions[state.index];
}

/** Where an exam goes after question `i`: the next one, or its question list after the last. */
const after = (state: SessionState, i: number) => Math.min(i + 1, state.questions.length);

/** Answers the current question and moves on. */
export function answer(state: SessionState, response: Response): { state: SessionState; feedback: Feedback } {
  const i = state.index;
  const question = state.questions[i];
  if (!question || state.submitted) throw new Error('no question to answer');
  const correct = grade(question, response);
  const index = after(state, i);
  const next: SessionState = {
    ...state,
    responses: state.responses.with(i, response),
    index,
    submitted: state.mode === 'practice' && index >= state.questions.length,
  };
  const practice = state.mode === 'practice';
  return { state: next, feedback: { question, correct, show: practice, record: practice, response } };
}

/** Leaves the current question unanswered (an earlier exam answer to it is withdrawn) and moves on. */
export function skip(state: SessionState): SessionState {
  const i = state.index;
  if (state.submitted || i >= state.questions.length) return state;
  const index = after(state, i);
  return {
    ...state,
    responses: state.responses.with(i, undefined),
    index,
    submitted: state.mode === 'practice' && index >= state.questions.length,
  };
}

/** Flags (or unflags) a question for review before submitting (exam). */
export function flag(state: SessionState, index: number, on = true): SessionState {
  return state.flagged[index] === on ? state : { ...state, flagged: state.flagged.with(index, on) };
}

/** Opens question `index` (exam: jump from the list, or go back). */
export function goTo(state: SessionState, index: number): SessionState {
  if (index < 0 || index > state.questions.length || state.mode !== 'exam') return state;
  return { ...state, index };
}

/** Ends the session; unanswered questions count as wrong. */
export function submit(state: SessionState): SessionState {
  return { ...state, submitted: true };
}

/** Time ran out: the exam is submitted with what was answered. */
export function expire(state: SessionState): SessionState {
  return state.submitted ? state : { ...state, submitted: true, expired: true };
}

/** Checks the exam clock: past the deadline, the exam submits itself. */
export function tick(state: SessionState, now: number): SessionState {
  if (state.submitted || state.deadline === undefined || now < state.deadline) return state;
  return expire(state);
}

/** True when the exam shows its question list before submitting. */
export function atReview(state: SessionState): boolean {
  return state.mode === 'exam' && !state.submitted && state.index >= state.questions.length;
}

/** The time left in ms formatted as m:ss. */
export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds left before the deadline (exam with a time limit). */
export function timeLeft(state: SessionState, now: number): number | undefined {
  return state.deadline === undefined ? undefined : Math.max(0, state.deadline - now);
}

/** The answers an exam stores when submitted: each answered question once, with its final answer. */
export function finalAnswers(state: SessionState): { question: BankQuestion; correct: boolean }[] {
  return state.questions.flatMap((question, i) => {
    const r = state.responses[i];
    return r === undefined ? [] : [{ question, correct: grade(question, r) }];
  });
}

export interface ScoreRow {
  key: string;
  /** Questions asked. */
  asked: number;
  /** Of those, answered (not skipped, not left when time ran out). */
  answered: number;
  correct: number;
}

export interface Results {
  total: number;
  answered: number;
  correct: number;
  /** By topic, weakest first (only topics of questions asked). */
  byTopic: ScoreRow[];
  /** By exam task statement, for questions that carry `exam`. */
  byExam: ScoreRow[];
  /** Every question in quiz order, with the response, the grade and the flag (the review list). */
  items: { question: BankQuestion; response?: Response; correct: boolean; flagged: boolean }[];
  /** Wrong or unanswered, in quiz order. */
  missed: { question: BankQuestion; response?: Response }[];
}

function tally(rows: Map<string, ScoreRow>, key: string, answered: boolean, correct: boolean) {
  const row = rows.get(key) ?? { key, asked: 0, answered: 0, correct: 0 };
  row.asked++;
  if (answered) row.answered++;
  if (correct) row.correct++;
  rows.set(key, row);
}

/** Weakest first: lowest share right of those asked, then name. */
export function weakestFirst(a: ScoreRow, b: ScoreRow): number {
  return a.correct / a.asked - b.correct / b.asked || a.key.localeCompare(b.key);
}

/** The score, the tables by topic and by exam task statement, and every question for the review list. */
export function results(state: SessionState): Results {
  const topics = new Map<string, ScoreRow>();
  const exams = new Map<string, ScoreRow>();
  const items: Results['items'] = [];
  let correct = 0;
  let answered = 0;
  state.questions.forEach((q, i) => {
    const r = state.responses[i];
    const ok = r !== undefined && grade(q, r);
    if (r !== undefined) answered++;
    if (ok) correct++;
    items.push({ question: q, response: r, correct: ok, flagged: state.flagged[i] === true });
    for (const t of q.topics) tally(topics, t, r !== undefined, ok);
    for (const e of q.exam) tally(exams, e, r !== undefined, ok);
  });
  return {
    total: state.questions.length,
    answered,
    correct,
    byTopic: [...topics.values()].sort(weakestFirst),
    byExam: [...exams.values()].sort((a, b) => a.key.localeCompare(b.key)),
    items,
    missed: items.filter((it) => !it.correct).map(({ question, response }) => ({ question, response })),
  };
}
