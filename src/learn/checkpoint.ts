/**
 * Asking a checkpoint: choices in a seeded order (the file's order would put the answer where the
 * author wrote it), "(Choose two.)" taken at its word, and the learner's answer echoed ✔ or ✘.
 */
import type { Checkpoint } from '../content/schema.js';
import { createRandom, hashString, shuffle } from '../quiz/prng.js';
import type { Prompter } from '../ui/prompts.js';
import { isCorrect } from './state.js';

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/** How many choices a multi checkpoint wants when its prompt says so ("Choose two."), else undefined. */
export function requiredPicks(cp: Checkpoint): number | undefined {
  if (cp.type !== 'multi') return undefined;
  const m = /\bchoose\s+(two|three|four|five|\d)\b/i.exec(cp.prompt);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return NUMBER_WORDS[word] ?? Number(word);
}

/** The choices in this session's order: seeded per question, never an already solved order. */
export function presentedChoices(cp: Checkpoint, questionId: string, seed: number): string[] {
  const items = shuffle(cp.choices, createRandom((seed ^ hashString(questionId)) >>> 0));
  const answer = Array.isArray(cp.answer) ? cp.answer : [cp.answer];
  if (cp.type === 'order' && items.length > 1 && items.every((x, i) => x === answer[i]))
    items.push(items.shift()!);
  return items;
}

/** The prompt line with what kind of answer it wants (unless the author already said). */
export function checkpointPrompt(cp: Checkpoint): string {
  if (/\bchoose\b/i.test(cp.prompt)) return cp.prompt;
  if (cp.type === 'multi') return `${cp.prompt} (choose all that apply)`;
  if (cp.type === 'order') return `${cp.prompt} (put in order)`;
  return cp.prompt;
}

/** Enter with nothing ticked gives up on a multi question (it counts as wrong) instead of blocking. */
export const SKIP_HINT = '(Enter with none ticked: I don’t know)';

/** Asks the checkpoint; an empty multi answer (Enter with nothing ticked) counts as a wrong answer. */
export async function askCheckpoint(
  cp: Checkpoint,
  questionId: string,
  seed: number,
  p: Prompter,
): Promise<string | string[]> {
  const items = presentedChoices(cp, questionId, seed);
  const choices = items.map((c) => ({ value: c, name: c }));
  const message = checkpointPrompt(cp);
  const right = (v: string) => (cp.type === 'multi' ? partOf(cp, v) : isCorrect(cp, v));
  if (cp.type === 'multi') {
    const exactly = requiredPicks(cp);
    return p.multi(`${message} ${SKIP_HINT}`, choices, {
      exactly,
      min: 1,
      allowNone: true,
      quit: true,
      mark: right,
    });
  }
  if (cp.type === 'order') return p.order(message, items);
  return p.choice(message, choices, { quit: true, mark: right });
}

/** A multi checkpoint's choice that belongs in the answer set. */
function partOf(cp: Checkpoint, v: string): boolean {
  return Array.isArray(cp.answer) && cp.answer.some((a) => a.trim() === v.trim());
}
