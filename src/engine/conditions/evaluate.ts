// Generic evaluation of one (operator, key, values) condition: key lookup, IfExists, Null, set
// prefixes and negation, policy variables. The operator objects only compare two values.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import { lowerCase } from '../caches.js';
import type {
  ConditionEvaluation,
  ConditionReason,
  PolicyValueResult,
  RequestContext,
} from '../policy/types.js';
import { substitute } from '../policy/variables.js';
import { unescapePattern } from '../policy/wildcard.js';
import { nullMatches } from './null.js';
import type { ParsedOperator } from './types.js';

interface Resolved {
  /** For display (after substitution). */
  shown: string[];
  /** What compare receives; undefined for an unresolved value (never matches). */
  usable: (string | undefined)[];
  unresolved: string[];
}

const mayHoldVariables = (value: string): boolean => value.includes('${');

function resolveValues(parsed: ParsedOperator, values: string[], context: RequestContext): Resolved {
  const { op } = parsed;
  // A value without `${` has no variable and no escape: it is used as written. (Only saves work: the
  // loop below gives the same answer for it.)
  if (!op.variables || !values.some(mayHoldVariables))
    return { shown: values, usable: values, unresolved: [] };
  const shown: string[] = [];
  const usable: (string | undefined)[] = [];
  const unresolved: string[] = [];
  for (const v of values) {
    const s = substitute(v, context);
    // Wildcard operators receive pattern syntax (escapes kept literal); the others plain text.
    const text = op.wildcards ? s.pattern : unescapePattern(s.pattern);
    shown.push(text);
    usable.push(s.unresolved.length ? undefined : text);
    for (const u of s.unresolved) unresolved.push(u);
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
  const entry = context.get(lowerCase(key));
  const requestValues = entry ? entry.values : null;
  const present = !!entry && entry.values.length > 0;
  const { op, set } = parsed;

  // Null: true ⇔ key absent, false ⇔ present; several values OR.
  if (op.existence) {
    const perValue = values.map((value) => ({ value, matched: nullMatches(value, present) }));
    return {
      operator: parsed.written,
      key,
      requestValues,
      policyValues: values,
      matched: perValue.some((v) => v.matched),
      absent: !present,
      perValue,
    };
  }
  const r = resolveValues(parsed, values, context);
  // The outcome is worked out first and the evaluation built once, without spreads or closures: this
  // runs for every condition of every call.
  let matched: boolean;
  let reason: ConditionReason | undefined;
  let perValue: PolicyValueResult[];
  if (!present) {
    perValue = r.shown.map((value) => ({ value, matched: false }));
    if (parsed.ifExists) [matched, reason] = [true, 'if-exists-absent'];
    else if (set === 'ForAnyValue') [matched, reason] = [false, 'any-value-absent'];
    else if (set === 'ForAllValues') [matched, reason] = [true, 'all-values-absent'];
    else if (op.negated) [matched, reason] = [true, 'negated-absent'];
    else [matched, reason] = [false, 'positive-absent'];
  } else {
    const request = entry.values;
    perValue = r.shown.map((value, i) => {
      const usable = r.usable[i];
      return { value, matched: usable !== undefined && request.some((rv) => op.compare(rv, usable)) };
    });
    // An unresolvable variable makes the statement unusable for a negated operator; for a positive one
    // only that value fails to match. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    if (r.unresolved.length && op.negated) [matched, reason] = [false, 'unresolved-negated'];
    else {
      const usable = r.usable.filter((v): v is string => v !== undefined);
      const matchesSome = (rv: string): boolean => usable.some((pv) => op.compare(rv, pv));
      if (set === 'ForAllValues') {
        // Every request value must match some policy value; negated: no request value matches any.
        matched = op.negated ? request.every((rv) => !matchesSome(rv)) : request.every(matchesSome);
      } else {
        // ForAnyValue, a single-valued key, or a multivalued key without a set prefix (documented choice:
        // any request value decides). Negated: some request value matches none of the policy values.
        matched = op.negated ? request.some((rv) => !matchesSome(rv)) : request.some(matchesSome);
      }
      const multiReason = !set && entry.multi && request.length > 1 ? 'multi-no-set' : undefined;
      reason = r.unresolved.length ? 'unresolved' : multiReason;
    }
  }
  const out: ConditionEvaluation = {
    operator: parsed.written,
    key,
    policyValues: r.shown,
    requestValues,
    matched,
    absent: !present,
    perValue,
  };
  if (reason !== undefined) out.reason = reason;
  if (reason === 'unresolved' || reason === 'unresolved-negated') out.unresolved = r.unresolved;
  return out;
}
