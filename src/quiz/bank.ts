/**
 * The question bank: authored questions, generated ones and learn
 * checkpoints, by stable id; and seeded selection for a quiz.
 */
import type { Library } from '../content/library.js';
import type { Scenario } from '../content/schema.js';
import { didYouMean } from '../content/suggest.js';
import { stepPredictionQuestions } from '../learn/predict-bank.js';
import { fromAuthored, fromCheckpoints } from './authored.js';
import { generateQuestions } from './generate.js';
import { createRandom, hashString, shuffle } from './prng.js';
import type { BankQuestion } from './question.js';

export interface Bank {
  /** Questions a quiz may ask: authored, then generated (content order). */
  questions: BankQuestion[];
  /** Every question by id, checkpoints included (for `review`). */
  byId: Map<string, BankQuestion>;
  scenarioIds: string[];
  /** The authored quizzes' ids (`list quizzes`); their questions' ids start with `<quiz id>/`. */
  quizIds: string[];
  /** Every topic any quiz question carries, sorted. */
  topics: string[];
}

/** Builds the bank from loaded content. Generation runs the engine: a few ms for the built-in content. */
export function buildBank(library: Pick<Library, 'scenarios' | 'quizzes'>): Bank {
  const scenarios = new Map<string, Scenario>(library.scenarios.map((s) => [s.scenario.id, s.scenario]));
  const authored = library.quizzes.flatMap(({ quiz }) =>
    quiz.questions.flatMap((q) => fromAuthored(quiz, q, scenarios) ?? []),
  );
  const generated = generateQuestions([...scenarios.values()]);
  // learn checkpoints and step predictions: in the bank for `review`, never drawn for a quiz
  const checkpoints = [...scenarios.values()].flatMap((s) => [
    ...fromCheckpoints(s),
    ...stepPredictionQuestions(s),
  ]);
  const questions = [...authored, ...generated];
  const byId = new Map<string, BankQuestion>();
  for (const q of [...questions, ...checkpoints]) if (!byId.has(q.id)) byId.set(q.id, q);
  return {
    questions,
    byId,
    scenarioIds: [...scenarios.keys()],
    quizIds: library.quizzes.map(({ quiz }) => quiz.id),
    topics: [...new Set(questions.flatMap((q) => q.topics))].sort(),
  };
}

export interface Selection {
  scenario?: string;
  /** Only the questions of this authored quiz. */
  quiz?: string;
  topics?: string[];
  count: number;
  seed: number;
}

/** A selection the bank cannot serve (unknown scenario or topic, nothing matches): a usage error. */
export class SelectionError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}

/**
 * The quiz's questions: filtered by scenario and topics (any of them), then a
 * seeded shuffle and the first `count`. Same bank and seed, same quiz.
 */
export function selectQuestions(bank: Bank, sel: Selection): BankQuestion[] {
  if (sel.scenario !== undefined && !bank.scenarioIds.includes(sel.scenario)) {
    throw new SelectionError(
      `unknown scenario \`${sel.scenario}\``,
      didYouMean(sel.scenario, bank.scenarioIds) ?? 'run `sts-trainer list scenarios` to see them',
    );
  }
  if (sel.quiz !== undefined && !bank.quizIds.includes(sel.quiz)) {
    throw new SelectionError(
      `unknown quiz \`${sel.quiz}\``,
      didYouMean(sel.quiz, bank.quizIds) ?? 'run `sts-trainer list quizzes` to see them',
    );
  }
  for (const t of sel.topics ?? []) {
    if (!bank.topics.includes(t)) {
      throw new SelectionError(
        `unknown topic \`${t}\``,
        didYouMean(t, bank.topics) ?? 'run `sts-trainer list topics` to see them',
      );
    }
  }
  const topics = sel.topics ?? [];
  const pool = bank.questions.filter(
    (q) =>
      (sel.scenario === undefined ? !needsScenario(q) : q.scenario === sel.scenario) &&
      (sel.quiz === undefined || (q.origin === 'authored' && q.id.startsWith(`${sel.quiz}/`))) &&
      (topics.length === 0 || q.topics.some((t) => topics.includes(t))),
  );
  if (pool.length === 0) {
    throw new SelectionError('no questions match the quiz, scenario and topics given', 'try fewer filters');
  }
  return shuffle(pool, createRandom(sel.seed)).slice(0, Math.max(1, sel.count));
}

/**
 * A generated "what happens?" question varies a step of its scenario: whether the call succeeds turns
 * on that scenario's policies (an address deny in a bucket policy, a service named in a condition),
 * which its stem cannot carry. It is asked only where the learner picked that scenario
 * (`quiz --scenario ID`, after `learn ID`) and in `review`, not in mixed quizzes, exams or groups.
 */
export function needsScenario(q: BankQuestion): boolean {
  return q.origin === 'generated' && q.type === 'outcome';
}

/** The order a question's choices are shown in this session: seeded per question, so `--seed` reproduces it. */
export function presentChoices(q: BankQuestion, seed: number): string[] {
  const random = createRandom((seed ^ hashString(q.id)) >>> 0);
  const items = shuffle(q.choices, random);
  // An order question must not start out already solved.
  if (q.type === 'order' && items.length > 1 && items.every((x, i) => x === q.answer[i]))
    items.push(items.shift()!);
  return items;
}
