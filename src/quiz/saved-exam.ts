/**
 * An exam stopped before it was submitted (Ctrl-C, a closed terminal) is kept
 * in `<dataDir>/exam-session.json`, written atomically after every step, so
 * `quiz --resume` continues it: same questions, answers, flags and time left.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file.js';
import { currentExam, type ExamCode } from './exams.js';
import type { BankQuestion, Response } from './question.js';
import type { SessionState } from './session.js';
import { jsonMayHoldUnsafe, sanitizeDeep } from '../ui/sanitize.js';

export const EXAM_FILE = 'exam-session.json';

export interface SavedExam {
  version: 1;
  seed: number;
  mock?: ExamCode;
  questionIds: string[];
  responses: (Response | null)[];
  flagged: boolean[];
  index: number;
  /** Time left when saved (the clock stops while the exam is put away). */
  remainingMs?: number;
  savedAt: string;
}

export const examPath = (dataDir: string) => join(dataDir, EXAM_FILE);

export function toSaved(state: SessionState, seed: number, now: number, mock?: ExamCode): SavedExam {
  return {
    version: 1,
    seed,
    mock,
    questionIds: state.questions.map((q) => q.id),
    responses: state.responses.map((r) => r ?? null),
    flagged: state.flagged,
    index: state.index,
    remainingMs: state.deadline === undefined ? undefined : Math.max(0, state.deadline - now),
    savedAt: new Date(now).toISOString(),
  };
}

export async function saveExam(dataDir: string, saved: SavedExam): Promise<void> {
  await writeFileAtomic(examPath(dataDir), `${JSON.stringify(saved)}\n`);
}

const isResponse = (r: unknown) =>
  r === null ||
  typeof r === 'string' ||
  (Array.isArray(r) && r.every((x) => typeof x === 'string')) ||
  (typeof r === 'object' &&
    typeof (r as { api?: unknown }).api === 'string' &&
    typeof (r as { trust?: unknown }).trust === 'string');

/** The saved exam, undefined when there is none, or why it cannot be used. */
export async function loadExam(dataDir: string): Promise<SavedExam | { problem: string } | undefined> {
  let text: string;
  try {
    text = await readFile(examPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let s: Partial<SavedExam>;
  try {
    s = JSON.parse(text) as Partial<SavedExam>;
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  if (jsonMayHoldUnsafe(text)) s = sanitizeDeep(s);
  const n = s?.questionIds?.length ?? -1;
  const ok =
    s?.version === 1 &&
    typeof s.seed === 'number' &&
    Array.isArray(s.questionIds) &&
    s.questionIds.every((id) => typeof id === 'string') &&
    Array.isArray(s.responses) &&
    s.responses.length === n &&
    s.responses.every(isResponse) &&
    Array.isArray(s.flagged) &&
    s.flagged.length === n &&
    typeof s.index === 'number' &&
    s.index >= 0 &&
    s.index <= n &&
    (s.remainingMs === undefined || typeof s.remainingMs === 'number') &&
    (s.mock === undefined || currentExam(s.mock) !== undefined);
  if (!ok) return { problem: 'it is incomplete or from another version of sts-trainer' };
  // a mock of an exam version AWS has since retired goes on as its successor, which the questions now tag
  if (s.mock !== undefined) s.mock = currentExam(s.mock);
  return s as SavedExam;
}

export async function clearExam(dataDir: string): Promise<void> {
  await rm(examPath(dataDir), { force: true });
}

/** The session again, its clock restarted with the time that was left. */
export function restore(saved: SavedExam, questions: BankQuestion[], now: number): SessionState {
  return {
    mode: 'exam',
    questions,
    index: saved.index,
    responses: saved.responses.map((r) => r ?? undefined),
    flagged: saved.flagged,
    deadline: saved.remainingMs === undefined ? undefined : now + saved.remainingMs,
    submitted: false,
    expired: false,
  };
}
