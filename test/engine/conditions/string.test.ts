// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const table: Record<string, Row[]> = {
  StringEquals: [
    ['prod', 'prod', true],
    ['Prod', 'prod', false], // case-sensitive
    ['prod', ['dev', 'prod'], true], // values OR
    ['prod', 'pro*', false], // no wildcards
  ],
  StringNotEquals: [
    ['prod', 'dev', true],
    ['prod', ['dev', 'prod'], false], // must match none
    ['Prod', 'prod', true],
  ],
  StringEqualsIgnoreCase: [
    ['PROD', 'prod', true],
    ['prod', 'dev', false],
  ],
  StringNotEqualsIgnoreCase: [
    ['PROD', 'prod', false],
    ['prod', 'dev', true],
  ],
  StringLike: [
    ['repo:octo/app:ref:refs/heads/main', 'repo:octo/*', true], // `*` spans `:`
    ['repo:Octo/app', 'repo:octo/*', false], // case-sensitive
    ['abc', 'a?c', true],
    ['abbc', 'a?c', false],
    ['a.c', 'a.c', true], // regex metacharacters are literal
    ['abc', 'a.c', false],
  ],
  StringNotLike: [
    ['dev-1', 'prod-*', true],
    ['prod-1', ['dev-*', 'prod-*'], false],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
