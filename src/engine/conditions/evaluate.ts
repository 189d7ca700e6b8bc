// Generic evaluation of one (operator, key, values) condition: key lookup, IfExists, Null, set
// prefixes and negation, policy variables. The operator objects only compare two values.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import type { ConditionEvaluation, RequestContext } from '../policy/types.js';
import { substitute } from '../policy/variables.js';
import { unescapePattern } from '../policy/wildcard.js';
import { nullMatches } from './null.js';
import type { ParsedOperator } from './types.js';

export const NOTES = {
  ifExistsAbsent: 'key absent: …IfExists is true',
  anyValueAbsent: 'key absent or empty: ForAnyValue is false',
  allValuesAbsent: 'key absent or empty: ForAllValues is true',
  negatedAbsent: 'key absent: a negated operator is true',
  positiveAbsent: 'key absent: the condition is false',
  unresolved: (vars: string[]) => `unresolved ${vars.join(', ')}: that value never matches`,
  unresolvedNegated: (vars: string[]) => `unresolved ${vars.join(', ')}: the negated condition cannot hold`,
  multiNoSet: 'multivalued key without ForAnyValue/ForAllValues: true if any request value matches',
} as const;

interface Resolved {
  /** For display (after substitution). */
  shown: string[];
  /** What compare receives; undefined for an unresolved value (never matches). */
  usable: (string | undefined)[];
  unresolved: string[];
}

function resolveValues(parsed: ParsedOperator, values: string[], context: RequestContext): Resolved {
  const { op } = parsed;
  if (!op.variables) return { shown: values, usable: values, unresolved: [] };
  const shown: string[] = [];
  const usable: (string | undefined)[] = [];
  const unresolved: string[] = [];
  for (const v of values) {
    const s = substitute(v, context);
    // Wildcard operators receive pattern syntax (escapes kept literal); the others plain text.
    const text = op.wildcards ? s.pattern : unescapePattern(s.pattern);
    shown.push(text);
    usable.push(s.unresolved.length ? undefined : text);
    unresolved.push(...s.unresolved);
  }
  return { shown, usable, unresolved };
}

/** Evaluate one condition. `key` and `values` are as written; `lowerKey` is the lookup key. */
export function evaluateCondition(
  parsed: ParsedOperator,
  key: string,
  values: string[],
  context: RequestContext,
): ConditionEvaluation {
  const entry = context.get(key.toLowerCase());
  const requestValues = entry ? entry.values : null;
  const present = !!entry && entry.values.length > 0;
  const base = { operator: parsed.written, key, requestValues };
  const { op, set } = parsed;

  // Null: true ⇔ key absent, false ⇔ present; several values OR.
  if (op.existence) {
    return { ...base, policyValues: values, matched: values.some((v) => nullMatches(v, present)) };
  }
  const r = resolveValues(parsed, values, context);
  const done = (matched: boolean, note?: string): ConditionEvaluation => {
    // A plain object literal (no spreads): this runs for every condition of every call.
    const out: ConditionEvaluation = {
      operator: base.operator,
      key: base.key,
      policyValues: r.shown,
      requestValues: base.requestValues,
      matched,
    };
    if (note !== undefined) out.note = note;
    return out;
  };

  if (!present) {
    if (parsed.ifExists) return done(true, NOTES.ifExistsAbsent);
    if (set === 'ForAnyValue') return done(false, NOTES.anyValueAbsent);
    if (set === 'ForAllValues') return done(true, NOTES.allValuesAbsent);
    return op.negated ? done(true, NOTES.negatedAbsent) : done(false, NOTES.positiveAbsent);
  }
  // An unresolvable variable makes the statement unusable for a negated operator; for a positive one
  // only that value fails to match. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
  if (r.unresolved.length && op.negated) return done(false, NOTES.unresolvedNegated(r.unresolved));
  const note = r.unresolved.length ? NOTES.unresolved(r.unresolved) : undefined;

  const usable = r.usable.filter((v): v is string => v !== undefined);
  const matchesSome = (rv: string): boolean => usable.some((pv) => op.compare(rv, pv));
  const request = entry.values;
  let matched: boolean;
  if (set === 'ForAllValues') {
    // Every request value must match some policy value; negated: no request value matches any.
    matched = op.negated ? request.every((rv) => !matchesSome(rv)) : request.every(matchesSome);
  } else {
    // ForAnyValue, a single-valued key, or a multivalued key without a set prefix (documented choice:
    // any request value decides). Negated: some request value matches none of the policy values.
    matched = op.negated ? request.some((rv) => !matchesSome(rv)) : request.some(matchesSome);
  }
  const multiNote = !set && entry.multi && request.length > 1 ? NOTES.multiNoSet : undefined;
  return done(matched, note ?? multiNote);
}
