// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { describe, expect, it } from 'vitest';
import { run, type Row } from './harness.js';

const ROLE = 'arn:aws:iam::111122223333:role/team/Dev';
const LOGS = (group: string) => `arn:aws:logs:us-east-1:111122223333:log-group:${group}`;
const table: Record<string, Row[]> = {
  ArnLike: [
    [ROLE, 'arn:aws:iam::111122223333:role/*', true],
    [ROLE, 'arn:aws:iam::*:role/team/Dev', true],
    [ROLE, 'arn:aws:iam::*', false], // `*` cannot span `:` (fewer than six segments)
    [ROLE, 'arn:*:role/team/Dev', false],
    ['arn:aws:ecs:us-east-1:111122223333:task/c/1', 'arn:aws:ecs:us-east-1:111122223333:*', true],
    ['arn:aws:s3:::bucket/a:b', 'arn:aws:s3:::bucket/*', true], // the 6th part keeps its colons
    [ROLE, 'arn:aws:iam::111122223333:role/team/dev', false], // case-sensitive
    [ROLE, '*', true], // a bare `*` matches any ARN
    [ROLE, 'arn:aws:iam::111122223333:role/team/*', true],
    [ROLE, 'arn:aws:iam::111122223333:role/*/Dev', true], // the resource part's `*` spans `/`
    [ROLE, 'arn:aws:iam::111122223333:role/team/De?', true],
    [ROLE, 'arn:aws:iam::111122223333:role/team/D?', false],
    [ROLE, 'arn:aws:iam::444455556666:role/team/Dev', false], // account segment
    [ROLE, 'arn:aws:iam:us-east-1:111122223333:role/team/Dev', false], // region segment
    [ROLE, 'arn:aws-cn:iam::111122223333:role/team/Dev', false], // partition segment
    [ROLE, 'arn:aws:sts::111122223333:role/team/Dev', false], // service segment
    [ROLE, 'arn:aws:i*::111122223333:role/team/Dev', true], // a `*` within one segment
    [ROLE, 'arn:aws:iam:*:111122223333:role/team/Dev', true], // `*` matches an empty segment
    [ROLE, 'arn:*:*:*:*:*', true],
    [ROLE, 'arn:*:*:*:*', false], // five segments: not an ARN pattern
    ['arn:aws:iam::111122223333', 'arn:aws:iam::*:*', false], // a request value with five segments
    ['not-an-arn', 'arn:aws:iam::*:*', false],
    // colons and slashes in the resource part: it is one segment, matched like StringLike
    [LOGS('dev'), LOGS('dev'), true],
    [LOGS('dev'), LOGS('prod'), false],
    [LOGS('dev'), 'arn:aws:logs:us-east-1:111122223333:log-group:*', true],
    [LOGS('dev') + ':log-stream:a/b', 'arn:aws:logs:us-east-1:111122223333:log-group:dev:*', true],
    [LOGS('dev') + ':log-stream:a/b', 'arn:aws:logs:us-east-1:111122223333:log-group:prod:*', false],
    [LOGS('dev'), 'arn:aws:logs:*:111122223333:log-group:d?v', true],
    [LOGS('dev'), 'arn:aws:logs:*:*:*:dev', true], // the 6th part `*:dev` keeps its colon
    [LOGS('dev'), 'arn:aws:logs:*:*:*:prod', false],
    ['arn:aws:s3:::bucket/a/b', 'arn:aws:s3:::bucket/a/b', true],
    ['arn:aws:s3:::bucket/a/b', 'arn:aws:s3:::bucket/a/c', false],
    [LOGS('dev'), 'arn:aws:logs:us-east-1:111122223333:log-groupdev', false], // the resource's `:` counts
    ['arn:aws:s3:::x::a', 'arn:aws:s3:*::a', false], // a `*` in the region cannot reach into the resource
    ['arn:aws:s3:::x::a', 'arn:aws:s3:*::x::a', true],
    ['arn:aws:IAM::111122223333:role/x', 'arn:aws:iam::111122223333:role/x', false], // every part case-sensitive
    ['arn:AWS:iam::111122223333:role/x', 'arn:aws:iam::111122223333:role/x', false],
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
    [LOGS('dev'), LOGS('prod'), true],
    [LOGS('dev'), 'arn:aws:logs:*:*:log-group:*', false],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
