// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

describe('Bool', () => {
  it.each<Row>([
    ['true', 'true', true],
    ['TRUE', 'true', true], // case-insensitive
    ['false', 'true', false],
    ['yes', 'true', false],
    ['true', 'TRUE', true], // the policy value too
    ['false', 'false', true],
    ['False', 'false', true],
    ['true', 'false', false],
    ['yes', 'yes', false], // neither true nor false: never matches, even itself
  ])('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run('Bool', [request, policy, expected])).toBe(expected);
  });
});

describe('BinaryEquals', () => {
  it.each<Row>([
    ['QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', true],
    ['QmluYXJ5VmFsdWU=', 'T3RoZXI=', false],
    ['QmluYXJ5VmFsdWU=', 'qmluyxj5vmfsdwu=', false], // base64 is case-sensitive
  ])('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run('BinaryEquals', [request, policy, expected])).toBe(expected);
  });
});
