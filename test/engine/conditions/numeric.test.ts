// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const table: Record<string, Row[]> = {
  NumericEquals: [
    ['10', '10', true],
    ['10.0', '10', true], // compared as numbers
    ['10', '11', false],
    ['ten', '10', false], // non-numeric never matches
  ],
  NumericNotEquals: [
    ['10', '11', true],
    ['10', '10', false],
  ],
  NumericLessThan: [
    ['3599', '3600', true],
    ['3600', '3600', false],
    ['9', '10', true], // not a string compare
  ],
  NumericLessThanEquals: [
    ['3600', '3600', true],
    ['3601', '3600', false],
  ],
  NumericGreaterThan: [
    ['0.5', '0.25', true],
    ['0.25', '0.5', false],
  ],
  NumericGreaterThanEquals: [
    ['-1', '-1', true],
    ['-2', '-1', false],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
