// The closest known name to a typo, by edit distance: one implementation for the engine (operators,
// policy fields) and the content and commands (fields, ids, topics), which word the "did you mean" hint
// (src/content/suggest.ts).

/** Edit distance between two strings (insert, delete, substitute: cost 1 each). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? j) + 1, (cur[j - 1] ?? i) + 1, (prev[j - 1] ?? j) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? a.length;
}

/**
 * How far `input` is from `candidate`: the edit distance, or — for ids typed in
 * part (`cross-acount` for `cross-account-assume-role`, `chaining` for
 * `role-chaining`) — the distance to the candidate's start, or 1 when the
 * candidate contains the input.
 */
function distance(input: string, candidate: string): number {
  if (candidate === input) return 0;
  let d = levenshtein(input, candidate);
  if (input.length >= 4 && candidate.length > input.length) {
    if (candidate.includes(input)) return Math.min(d, 1);
    for (const len of [input.length - 1, input.length, input.length + 1]) {
      d = Math.min(d, levenshtein(input, candidate.slice(0, len)) + 0.5);
    }
  }
  return d;
}

/**
 * The closest candidate to `input`, when it is close enough to be a plausible
 * typo: within a third of the length (at least 2 edits), or equal ignoring case.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === input) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
