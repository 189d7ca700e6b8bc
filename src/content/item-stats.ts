/**
 * Item statistics for `validate`: whether a question's right answer can be
 * spotted without knowing anything. A right answer that is strictly the longest
 * choice far more often than chance (about 1 in the number of choices), or that
 * always sits in the same position, teaches test-taking, not AWS. Pure: data in,
 * numbers and warnings out (docs/authoring.md, "Writing fair items").
 */
import type { ContentPath } from './positions.js';
import type { ParsedFile, Problem } from './parse.js';

/** A right answer this many times longer than every distractor gets a warning. */
export const GIVEAWAY_RATIO = 1.5;

/** One group of single-answer items (quiz questions, or scenario checkpoints). */
export interface ItemStats {
  /** Single-answer items counted (a `pair` question counts its two parts). */
  items: number;
  /** Items whose right answer is strictly the longest choice. */
  longest: number;
  /** How often `longest` would happen by chance: the sum of 1/choices. */
  chanceLongest: number;
  /** positions[i]: items whose right answer is choice i+1 in the file. */
  positions: number[];
}

export interface FileItemStats {
  questions: ItemStats;
  checkpoints: ItemStats;
}

const empty = (): ItemStats => ({ items: 0, longest: 0, chanceLongest: 0, positions: [] });

export const emptyFileStats = (): FileItemStats => ({ questions: empty(), checkpoints: empty() });

/** Adds one single-answer item. */
function count(stats: ItemStats, choices: readonly string[], answer: string): void {
  const at = choices.indexOf(answer);
  if (at === -1 || choices.length < 2) return;
  stats.items++;
  stats.chanceLongest += 1 / choices.length;
  const longestOther = Math.max(...choices.filter((_, i) => i !== at).map((c) => c.length));
  if (answer.length > longestOther) stats.longest++;
  while (stats.positions.length < choices.length) stats.positions.push(0);
  stats.positions[at] = (stats.positions[at] ?? 0) + 1;
}

/** Adds `b` into `a` (for the whole bank). */
export function addStats(a: ItemStats, b: ItemStats): void {
  a.items += b.items;
  a.longest += b.longest;
  a.chanceLongest += b.chanceLongest;
  while (a.positions.length < b.positions.length) a.positions.push(0);
  b.positions.forEach((n, i) => (a.positions[i] = (a.positions[i] ?? 0) + n));
}

/** True when every right answer is at least GIVEAWAY_RATIO times as long as every distractor. */
function givesAway(choices: readonly string[], answers: readonly string[]): boolean {
  const right = new Set(answers);
  const distractors = choices.filter((c) => !right.has(c));
  if (distractors.length === 0 || answers.length === 0) return false;
  const shortestRight = Math.min(...answers.map((a) => a.length));
  return shortestRight >= GIVEAWAY_RATIO * Math.max(...distractors.map((d) => d.length));
}

const warning = (what: string) =>
  `${what}: the right answer is ${GIVEAWAY_RATIO}x longer than every distractor: a learner can spot it without knowing the topic`;
const HINT =
  'make the distractors as long and as specific as the answer; move the justification to `explain`';

const CHOOSE = /\(choose (one|two|three|four|five|six|\d+)\.?\)/i;
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six'];

/** N in a prompt's "(Choose N.)", if it has one. */
export function chooseCount(prompt: string): number | undefined {
  const word = CHOOSE.exec(prompt)?.[1]?.toLowerCase();
  if (word === undefined) return undefined;
  const at = NUMBERS.indexOf(word);
  return at === -1 ? Number(word) : at + 1;
}

const chooseMismatch = (what: string, said: number, answers: number) =>
  `${what}: the prompt says "Choose ${said}" but ${answers} choice${answers === 1 ? ' is' : 's are'} right`;
const CHOOSE_HINT = 'make "(Choose N.)" in the prompt match the number of answers';

interface Item {
  path: ContentPath;
  prompt: string;
  /** `question \`id\`` or `checkpoint of step \`id\``, for the warning. */
  what: string;
  type: string;
  choices: readonly string[];
  answer: string | readonly string[];
  group: keyof FileItemStats;
}

function itemsOf(parsed: ParsedFile): Item[] {
  const out: Item[] = [];
  parsed.scenario?.steps.forEach((step, i) => {
    const c = step.checkpoint;
    if (c)
      out.push({
        path: ['steps', i, 'checkpoint'],
        what: `checkpoint of step \`${step.id}\``,
        ...c,
        group: 'checkpoints',
      });
  });
  parsed.quiz?.questions.forEach((q, i) => {
    const path: ContentPath = ['questions', i];
    const what = `question \`${q.id}\``;
    if (q.type === 'single' || q.type === 'multi')
      out.push({
        path,
        what,
        prompt: q.prompt,
        type: q.type,
        choices: q.choices,
        answer: q.answer,
        group: 'questions',
      });
    if (q.type === 'pair')
      for (const part of ['api', 'trust'] as const)
        out.push({
          path: [...path, part],
          what: `${what} (${part})`,
          prompt: q.prompt,
          type: 'single',
          ...q[part],
          group: 'questions',
        });
  });
  return out;
}

/**
 * The file's item statistics, and a warning (at the item) for each right answer
 * GIVEAWAY_RATIO times longer than every distractor, and for a `multi` prompt whose
 * "(Choose N.)" does not match its number of answers. `order` items are not
 * counted: every choice is part of the answer.
 */
export function itemStats(parsed: ParsedFile): { stats: FileItemStats; warnings: Problem[] } {
  const stats = emptyFileStats();
  const warnings: Problem[] = [];
  for (const item of itemsOf(parsed)) {
    if (item.type === 'order') continue;
    const answers = typeof item.answer === 'string' ? [item.answer] : item.answer;
    if (item.type === 'single' && typeof item.answer === 'string')
      count(stats[item.group], item.choices, item.answer);
    const said = item.type === 'multi' ? chooseCount(item.prompt) : undefined;
    if (said !== undefined && said !== answers.length)
      warnings.push({
        ...parsed.positions.at([...item.path, 'prompt']),
        message: chooseMismatch(item.what, said, answers.length),
        hint: CHOOSE_HINT,
        severity: 'warning',
      });
    if (givesAway(item.choices, answers))
      warnings.push({
        ...parsed.positions.at([...item.path, 'answer']),
        message: warning(item.what),
        hint: HINT,
        severity: 'warning',
      });
  }
  return { stats, warnings };
}

/** `n` of `of` as a whole percentage (0 when there is nothing to count). */
export const percent = (n: number, of: number): number => (of === 0 ? 0 : Math.round((100 * n) / of));
