// The condition-operator registry is built when its module loads. This file imports nothing from the
// engine at its top: the import happens inside a test, so an engine that fails to load (a broken
// registry table, a bad module-level pattern) fails this test instead of only failing to collect the
// other files (which mutation testing would not count as a failure).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it, vi } from 'vitest';
import type { ConditionEvaluation } from '../../../src/engine/policy/types.js';

const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

describe('the engine loads inside a test', () => {
  it('the condition-operator registry holds every documented operator, each under its own name', async () => {
    vi.resetModules();
    const { operatorNames, parseOperator } = await import('../../../src/engine/conditions/registry.js');
    expect([...operatorNames].sort()).toEqual([...OPERATORS].sort());
    for (const name of OPERATORS) {
      const parsed = parseOperator(name.toUpperCase());
      expect(parsed.ok && parsed.parsed.op.name).toBe(name);
    }
  });

  /** Each operator but Null, evaluated by a freshly loaded registry and evaluator. */
  async function freshEvaluations<T>(
    key: string,
    values: string[],
    context: Record<string, string>,
    pick: (e: ConditionEvaluation) => T,
  ): Promise<[string, T][]> {
    vi.resetModules();
    const { parseOperator } = await import('../../../src/engine/conditions/registry.js');
    const { evaluateCondition } = await import('../../../src/engine/conditions/evaluate.js');
    const { ctx } = await import('../policy/helpers.js');
    return OPERATORS.filter((name) => name !== 'Null').map((name) => {
      const parsed = parseOperator(name);
      if (!parsed.ok) throw new Error(name);
      return [name, pick(evaluateCondition(parsed.parsed, key, values, ctx(context)))];
    });
  }
  const expected = <T>(answer: (name: string) => T): [string, T][] =>
    OPERATORS.filter((name) => name !== 'Null').map((name) => [name, answer(name)]);

  it('each operator after a fresh load: a missing key matches the negated ones (…Not…) only', async () => {
    // reference_policies_elements_condition_operators.html: a key absent from the request matches
    // no value, so a negated operator (StringNotEquals, NotIpAddress, …) is true and any other false.
    const seen = await freshEvaluations('k:absent', ['1'], {}, (e) => e.matched);
    expect(seen).toEqual(expected((name) => /Not/.test(name)));
  });

  it('each operator after a fresh load: policy variables are replaced for string, ARN and Bool operators only', async () => {
    // reference_policies_variables.html ("Where you can use policy variables") and the "Policy
    // variables" line of each family in reference_policies_elements_condition_operators.html
    const shown = await freshEvaluations(
      'k:v',
      ['${k:w}'],
      { 'k:v': 'x', 'k:w': 'y' },
      (e) => e.policyValues,
    );
    expect(shown).toEqual(expected((name) => (/^(String|Arn|Bool)/.test(name) ? ['y'] : ['${k:w}'])));
  });

  it("numbers after a fresh load: the module's pattern takes a fraction of several digits without a 0", async () => {
    vi.resetModules();
    const { parseNumber } = await import('../../../src/engine/conditions/numeric.js');
    expect(['.25', '0.25', '-.125', '3.'].map(parseNumber)).toEqual([0.25, 0.25, -0.125, 3]);
  });

  it('an engine built after a fresh load decides a request', async () => {
    vi.resetModules();
    const { basicWorld, last, req } = await import('../sts/worlds.js');
    const s3 = (as: string) => last(basicWorld(), [req(as, 's3:GetObject', 'arn:aws:s3:::b/k')]).outcome;
    expect([s3('user/alice'), s3('user/bob')]).toEqual(['success', 'error']);
  });
});
