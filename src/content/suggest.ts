/**
 * Did-you-mean suggestions. Candidates are gathered only when there is an
 * error to explain, so loading valid content never pays for them.
 */
import type { z } from 'zod';

import { closest } from '../engine/policy/suggest.js';

export { closest, levenshtein } from '../engine/policy/suggest.js';

/** `did you mean `x`?` for a hint line, or undefined when there is no suggestion. */
export function suggestionHint(suggestion: string | undefined): string | undefined {
  return suggestion === undefined ? undefined : `did you mean \`${suggestion}\`?`;
}

/** `did you mean `x`?` for a hint line, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return suggestionHint(closest(input, candidates));
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
