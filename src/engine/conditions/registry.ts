// The condition-operator registry, keyed by lower-cased name. Adding an operator is a file and a line.
// Set prefixes (ForAnyValue:/ForAllValues:) and the IfExists suffix apply to every operator but Null.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import { memoTable } from '../caches.js';
import { closest } from '../policy/suggest.js';
import { arnOperators } from './arn.js';
import { binaryOperators } from './binary.js';
import { boolOperators } from './bool.js';
import { dateOperators } from './date.js';
import { ipOperators } from './ip.js';
import { nullOperators } from './null.js';
import { numericOperators } from './numeric.js';
import { stringOperators } from './string.js';
import type { ConditionOperator, OperatorProblem, ParsedOperator } from './types.js';

const ALL: ConditionOperator[] = [
  ...stringOperators,
  ...numericOperators,
  ...dateOperators,
  ...boolOperators,
  ...binaryOperators,
  ...ipOperators,
  ...arnOperators,
  ...nullOperators,
];

export const operatorRegistry: ReadonlyMap<string, ConditionOperator> = new Map(
  ALL.map((op) => [op.name.toLowerCase(), op]),
);
export const operatorNames: readonly string[] = ALL.map((op) => op.name);

export type OperatorParse = { ok: true; parsed: ParsedOperator } | { ok: false; problem: OperatorProblem };

const parseCache = memoTable<string, OperatorParse>();

/** Split `ForAnyValue:StringLikeIfExists` into set prefix, operator and suffix; report unknown names. */
export function parseOperator(written: string): OperatorParse {
  const cached = parseCache.get(written);
  if (cached) return cached;
  const result = parseUncached(written);
  parseCache.set(written, result);
  return result;
}

function parseUncached(written: string): OperatorParse {
  let rest = written.trim();
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') set = 'ForAnyValue';
    else if (prefix === 'forallvalues') set = 'ForAllValues';
    else {
      const prefix = rest.slice(0, colon);
      const suggestion = closest(prefix, ['ForAnyValue', 'ForAllValues']);
      return {
        ok: false,
        problem: { code: 'unknown-set-operator', prefix, ...(suggestion && { suggestion }) },
      };
    }
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let op = operatorRegistry.get(rest.toLowerCase());
  if (!op && rest.toLowerCase().endsWith('ifexists')) {
    op = operatorRegistry.get(rest.slice(0, -'ifexists'.length).toLowerCase());
    ifExists = op !== undefined;
  }
  if (!op) {
    const suggestion = closest(rest, operatorNames);
    return {
      ok: false,
      problem: { code: 'unknown-operator', operator: written, ...(suggestion && { suggestion }) },
    };
  }
  if (op.existence && ifExists) return { ok: false, problem: { code: 'null-if-exists', operator: written } };
  return { ok: true, parsed: { written, op, ifExists, ...(set && { set }) } };
}
