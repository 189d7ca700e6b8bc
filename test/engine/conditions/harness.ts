import { evaluateCondition } from '../../../src/engine/conditions/evaluate.js';
import { parseOperator } from '../../../src/engine/conditions/registry.js';
import type { ConditionEvaluation, RequestContext } from '../../../src/engine/policy/types.js';
import { ctx } from '../policy/helpers.js';

/** Evaluate one condition `{ operator: { key: policyValues } }` against a request context. */
export function check(
  operator: string,
  key: string,
  policyValues: string | string[],
  context: RequestContext,
): ConditionEvaluation {
  const parse = parseOperator(operator);
  if (!parse.ok) throw new Error(JSON.stringify(parse.problem));
  return evaluateCondition(
    parse.parsed,
    key,
    Array.isArray(policyValues) ? policyValues : [policyValues],
    context,
  );
}

/** One operator-table row: request value (single-valued key `k:v`), policy value(s), expected match. */
export type Row = [request: string, policy: string | string[], expected: boolean];

export function run(operator: string, [request, policy]: Row): boolean {
  return check(operator, 'k:v', policy, ctx({ 'k:v': request })).matched;
}
