// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const ROLE = 'arn:aws:iam::111122223333:role/team/Dev';
const table: Record<string, Row[]> = {
  ArnLike: [
    [ROLE, 'arn:aws:iam::111122223333:role/*', true],
    [ROLE, 'arn:aws:iam::*:role/team/Dev', true],
    [ROLE, 'arn:aws:iam::*', false], // `*` cannot span `:` (fewer than six segments)
    [ROLE, 'arn:*:role/team/Dev', false],
    ['arn:aws:ecs:us-east-1:111122223333:task/c/1', 'arn:aws:ecs:us-east-1:111122223333:*', true],
    ['arn:aws:s3:::bucket/a:b', 'arn:aws:s3:::bucket/*', true], // the 6th part keeps its colons
    [ROLE, 'arn:aws:iam::111122223333:role/team/dev', false], // case-sensitive
  ],
  ArnEquals: [
    [ROLE, ROLE, true],
    [ROLE, 'arn:aws:iam::111122223333:role/*', true], // ArnEquals ≡ ArnLike
    [ROLE, 'arn:aws:iam::111122223333:role/Other', false],
  ],
  ArnNotLike: [
    [ROLE, 'arn:aws:iam::444455556666:*', true],
    [ROLE, ['arn:aws:iam::444455556666:*', 'arn:aws:iam::111122223333:*'], false],
  ],
  ArnNotEquals: [
    [ROLE, ROLE, false],
    [ROLE, 'arn:aws:iam::111122223333:role/Other', true],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
