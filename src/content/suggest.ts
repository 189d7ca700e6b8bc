/**
 * Did-you-mean suggestions. Candidates are gathered only when there is an
 * error to explain, so loading valid content never pays for them.
 */
import type { z } from 'zod';

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
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
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

/** `did you mean `x`?` for a hint line, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const c = closest(input, candidates);
  return c === undefined ? undefined : `did you mean \`${c}\`?`;
}

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  in?: AnySchema;
  discriminator?: string;
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Peels optional/nullable/default/pipe wrappers and picks the union branch that fits `data`. */
function resolve(schema: AnySchema, data: unknown): AnySchema {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(s);
    if (
      def.innerType &&
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)
    ) {
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      s = def.in;
    } else if (def.type === 'union' && def.options) {
      const pick = pickOption(def, data);
      if (!pick) return s;
      s = pick;
    } else {
      return s;
    }
  }
  return s;
}

function pickOption(def: Def, data: unknown): AnySchema | undefined {
  const options = def.options ?? [];
  if (def.discriminator && data && typeof data === 'object') {
    const value = (data as Record<string, unknown>)[def.discriminator];
    const match = options.find((o) => {
      const shape = defOf(o).shape;
      const lit = shape?.[def.discriminator!];
      const values = lit ? (lit as unknown as { _zod: { values?: Set<unknown> } })._zod.values : undefined;
      return values?.has(value);
    });
    if (match) return match;
  }
  const wanted = Array.isArray(data)
    ? 'array'
    : data !== null && typeof data === 'object'
      ? 'object'
      : undefined;
  return options.find((o) => {
    const t = defOf(resolve(o, data)).type;
    return wanted === 'object' ? t === 'object' || t === 'record' : t === wanted;
  });
}

/**
 * The field names the schema allows for the object at `path` in `data`, for a
 * did-you-mean on an unknown field. Empty when the path leads to no object schema.
 */
export function knownKeys(root: AnySchema, data: unknown, path: readonly PropertyKey[]): string[] {
  let schema = resolve(root, data);
  let value = data;
  for (const segment of path) {
    const def = defOf(schema);
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined;
    let next: AnySchema | undefined;
    if (def.type === 'object') next = def.shape?.[String(segment)];
    else if (def.type === 'array') next = def.element;
    else if (def.type === 'record') next = def.valueType;
    if (!next) return [];
    schema = resolve(next, value);
  }
  const def = defOf(schema);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
