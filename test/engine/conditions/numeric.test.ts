// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/engine/conditions/numeric.js';
import { run, type Row } from './harness.js';

/** Each operator: below, equal to (the boundary) and above the policy value. */
const boundaries: Record<string, [below: boolean, equal: boolean, above: boolean]> = {
  NumericEquals: [false, true, false],
  NumericNotEquals: [true, false, true],
  NumericLessThan: [true, false, false],
  NumericLessThanEquals: [true, true, false],
  NumericGreaterThan: [false, false, true],
  NumericGreaterThanEquals: [false, true, true],
};

describe.each(Object.entries(boundaries))('%s: below, at and above the policy value', (op, want) => {
  it.each<Row>([
    // aws:MultiFactorAuthAge against one hour: exactly 3600 is the boundary row
    ['3599', '3600', want[0]],
    ['3600', '3600', want[1]],
    ['3601', '3600', want[2]],
    ['3600.0', '3600', want[1]], // compared as numbers, not strings
    ['9', '10', want[0]], // a string compare would put "9" above "10"
    ['-2', '-1', want[0]],
    ['0.5', '.5', want[1]],
    ['0.75', '0.5', want[2]],
  ])('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(op, [request, policy, expected])).toBe(expected);
  });
});

describe('a value that is not a number never compares (either side)', () => {
  it.each<[string, string, string, boolean]>([
    ['NumericEquals', 'ten', '10', false],
    ['NumericEquals', '10', 'ten', false],
    ['NumericGreaterThanEquals', '10', '', false],
    ['NumericLessThan', '1e3', '5000', false], // no exponents
    ['NumericLessThan', '0x10', '5000', false], // no hex
  ])('%s %j vs %j → %s', (op, request, policy, expected) => {
    expect(run(op, [request, policy, expected])).toBe(expected);
  });
});

describe('parseNumber: plain decimals only', () => {
  it.each([
    ['42', 42],
    ['+42', 42],
    ['-42', -42],
    ['4.5', 4.5],
    ['4.', 4],
    ['.5', 0.5],
    [' 7 ', 7],
    ['-0.25', -0.25],
  ])('%j → %s', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });
  it.each(['', ' ', '.', '+', '1e3', '0x10', '1,000', '1.2.3', 'a1', '1a', '--1', 'Infinity', 'NaN'])(
    '%j is not a number',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );
});
