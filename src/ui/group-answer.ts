/**
 * A player's hidden answer, key by key (pure): which number keys mean what for each kind of
 * question, what a half-given answer looks like on screen without giving it away, and what Enter
 * locks in. Choices are 0-based positions in the list as shown; Enter on nothing is "no answer".
 */

/** single/outcome: one number; multi: any set; order: every number once, in order; pair: API then condition. */
export type AnswerShape =
  | { kind: 'one'; count: number }
  | { kind: 'many'; count: number }
  | { kind: 'order'; count: number }
  | { kind: 'pair'; api: number; trust: number };

/** What was locked in: positions (pair: [api, condition]), or null for no answer. */
export type Picked = number[] | null;

export type Step = { ok: number[] } | { error: string };

/** How many numbers a key may be at this point (pair: depends on which half is being given). */
export function keyRange(shape: AnswerShape, picked: readonly number[]): number {
  if (shape.kind !== 'pair') return shape.count;
  return picked.length === 0 ? shape.api : shape.trust;
}

/** The picks after the number key for position `i` (0-based). */
export function press(shape: AnswerShape, picked: readonly number[], i: number): Step {
  const range = keyRange(shape, picked);
  if (i < 0 || i >= range) return { error: `press 1 to ${range}` };
  switch (shape.kind) {
    case 'one':
      return { ok: [i] };
    case 'many':
      return { ok: picked.includes(i) ? picked.filter((p) => p !== i) : [...picked, i] };
    case 'order': {
      // never name the number: the others are watching the screen
      if (picked.includes(i)) return { error: 'that one is placed already (Backspace undoes)' };
      const next = [...picked, i];
      // the last one has only one place left: fill it in
      if (next.length === shape.count - 1)
        next.push([...Array(shape.count).keys()].find((p) => !next.includes(p))!);
      return { ok: next };
    }
    case 'pair':
      if (picked.length >= 2) return { error: 'both halves are given (Backspace undoes)' };
      return { ok: [...picked, i] };
  }
}

/**
 * The answer while it is being typed: the positions picked, and a first digit still waiting for
 * a second (only with more than 9 choices: `1` then `2` is choice 12).
 */
export interface Typing {
  picked: number[];
  pending: string;
}

/** The number keys: one digit picks a choice; with more than 9, a digit that could start a larger number waits. */
export function typeDigit(shape: AnswerShape, t: Typing, digit: string): { ok: Typing } | { error: string } {
  const range = keyRange(shape, t.picked);
  const typed = t.pending + digit;
  const n = Number(typed);
  if (range > 9 && typed.length === 1 && n * 10 <= range) return { ok: { picked: t.picked, pending: typed } };
  const r = press(shape, t.picked, n - 1);
  return 'error' in r ? r : { ok: { picked: r.ok, pending: '' } };
}

/** Enter: a waiting digit counts as typed, then the answer is locked in. */
export function lockInTyped(shape: AnswerShape, t: Typing): { ok: Picked } | { error: string } {
  if (!t.pending) return lockIn(shape, t.picked);
  const r = press(shape, t.picked, Number(t.pending) - 1);
  return 'error' in r ? r : lockIn(shape, r.ok);
}

/** The picks after Backspace. */
export function undo(shape: AnswerShape, picked: readonly number[]): number[] {
  // an auto-filled last place goes with the one before it
  if (shape.kind === 'order' && picked.length === shape.count && shape.count > 1) return picked.slice(0, -2);
  return picked.slice(0, -1);
}

/** What Enter does: lock in the answer, lock in "no answer" (nothing chosen), or say what is missing. */
export function lockIn(shape: AnswerShape, picked: readonly number[]): { ok: Picked } | { error: string } {
  if (picked.length === 0) return { ok: null };
  switch (shape.kind) {
    case 'one':
      return { ok: [...picked] };
    case 'many':
      return { ok: [...picked].sort((a, b) => a - b) };
    case 'order':
      return picked.length === shape.count
        ? { ok: [...picked] }
        : { error: `put all ${shape.count} in order (${picked.length} placed; Backspace undoes)` };
    case 'pair':
      return picked.length === 2
        ? { ok: [...picked] }
        : { error: `now the condition number (b), 1 to ${shape.trust}` };
  }
}

/** The answer so far as others may see it: how much is given, never which (`…`: a digit waits for another). */
export function hiddenProgress(shape: AnswerShape, picked: readonly number[], pending = ''): string {
  return pending ? `${progress(shape, picked)} …` : progress(shape, picked);
}

function progress(shape: AnswerShape, picked: readonly number[]): string {
  const dots = (n: number, of: number) => '●'.repeat(n) + '○'.repeat(Math.max(0, of - n));
  switch (shape.kind) {
    case 'one':
      return picked.length ? '● chosen' : 'nothing chosen';
    case 'many':
      return picked.length ? `${'●'.repeat(picked.length)} ${picked.length} chosen` : 'nothing chosen';
    case 'order':
      return `${dots(picked.length, shape.count)} ${picked.length} of ${shape.count} placed`;
    case 'pair':
      return `a) ${dots(Math.min(1, picked.length), 1)}  b) ${dots(Math.max(0, picked.length - 1), 1)}`;
  }
}

/** The keys line: what the number keys do here. */
export function answerHelp(shape: AnswerShape, picked: readonly number[]): string {
  const range = keyRange(shape, picked);
  const what =
    shape.kind === 'many'
      ? 'choose/unchoose'
      : shape.kind === 'order'
        ? 'next in order'
        : shape.kind === 'pair'
          ? picked.length === 0
            ? 'a) API'
            : 'b) condition'
          : 'choose';
  return `1-${range} ${what} · Backspace undo · Enter locks in (nothing = no answer)`;
}
