/** The shape of `<data dir>/progress.json` (PRODUCT.md). Versioned: see `migrate` in progress-store.ts. */

/** One answer, recorded the moment it was given. */
export interface AnswerRecord {
  /** Stable id: '<quizId>/<questionId>' for authored questions, 'gen/<scenarioId>/<kind>/<stepOrWhatIfId>' for
   *  generated ones, 'learn/<scenarioId>/<stepId>' for checkpoints. */
  questionId: string;
  correct: boolean;
  at: string; // ISO time (wall clock is fine outside the engine)
  topics: string[];
  source: 'quiz' | 'review' | 'learn' | 'group';
}

/** How far the learner got in one scenario's walkthrough. */
export interface ScenarioProgress {
  completed: boolean;
  completedAt?: string;
  /** next step index to resume at */
  position?: number;
  /** Tasks (step ids, `what-if/<id>`) done with real AWS tools in `sts-trainer lab`. */
  labTasks?: string[];
  /** The step at `position` was shown and predicted: resume at its checkpoint. */
  atCheckpoint?: boolean;
  /** `what-ifs`: the main path is done and the learner left in the what-if menu (resume there). */
  stage?: 'steps' | 'what-ifs';
  /** What-ifs run in the current pass through the scenario. */
  whatIfsSeen?: string[];
  /** Predictions in the current (or last finished) pass. */
  predictions?: Score;
  /** Checkpoints in the current (or last finished) pass. */
  checkpoints?: Score;
  /** When the learner last moved on in this scenario (ISO); `next` resumes the latest. */
  updatedAt?: string;
}

/** Right answers out of those given. */
export interface Score {
  right: number;
  total: number;
}

/** One finished quiz, exam or review session (`progress --history`). */
export interface Attempt {
  at: string; // ISO time the session ended
  mode: 'practice' | 'exam' | 'mock' | 'review';
  /** The exam code of a mock exam. */
  mock?: string;
  total: number;
  answered: number;
  correct: number;
  /** Per topic: questions asked and answered right. */
  topics: Record<string, { asked: number; correct: number }>;
  /** Ids of the questions missed (wrong or not answered): `quiz --missed` asks them again. */
  missed: string[];
}

/** The whole progress file. */
export interface ProgressData {
  version: 1;
  answers: AnswerRecord[];
  /** FSRS card state per questionId (ts-fsrs Card, dates as ISO strings). */
  cards: Record<string, unknown>;
  scenarios: Record<string, ScenarioProgress>;
  /** Finished sessions, oldest first (added later: files without it have none). */
  attempts?: Attempt[];
}

/** The version this build writes; older files are migrated on read, newer ones refused. */
export const PROGRESS_VERSION = 1 as const;

/** Empty progress (a missing file). */
export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, answers: [], cards: {}, scenarios: {} };
}
