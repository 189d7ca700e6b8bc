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
    ['prod', 'PROD', true],
    ['prod', 'dev', false],
    ['prod', 'pro*', false], // no wildcards
  ],
  StringNotEqualsIgnoreCase: [
    ['PROD', 'prod', false],
    ['prod', 'PrOd', false],
    ['prod', 'dev', true],
    ['prod', ['dev', 'PROD'], false],
  ],
  StringLike: [
    ['repo:octo/app:ref:refs/heads/main', 'repo:octo/*', true], // `*` spans `:`
    ['repo:Octo/app', 'repo:octo/*', false], // case-sensitive
    ['abc', 'a?c', true],
    ['abbc', 'a?c', false],
    ['a.c', 'a.c', true], // regex metacharacters are literal
    ['abc', 'a.c', false],
    ['ab', 'a*b', true], // `*` matches an empty run
    ['ac', 'a?c', false], // `?` is exactly one character
    ['a:c', 'a?c', true],
    ['axxbyyc', 'a*b*c', true],
    ['axxbyy', 'a*b*c', false],
    ['anything', '*', true],
    ['', '*', true],
    ['x-a+b(c)[d]{e}^f|g\\h/i$j', 'x-a+b(c)[d]{e}^f|g\\h/i$j', true], // every regex metacharacter is literal
    ['x-aab(c)', 'x-a+b(c)', false],
    ['price: $5', 'price: $*', true], // a `$` that is not an escape is literal
    ['prod', 'prod', true], // no wildcard: exact
    ['prod-1', 'prod', false],
    ['xprod', 'prod', false],
    // segments between `*`s never overlap each other or the pattern's end
    ['ab', '*ab*b', false],
    ['abb', '*ab*b', true],
    ['ab', '*a?*b', false],
    ['abb', '*a?*b', true],
    ['abc', '*ab*bc*', false],
    ['abbc', '*ab*bc*', true],
    ['abc', '*a?*?c*', false],
    ['abxc', '*a?*?c*', true],
  ],
  StringNotLike: [
    ['dev-1', 'prod-*', true],
    ['prod-1', ['dev-*', 'prod-*'], false],
    ['Prod-1', 'prod-*', true], // case-sensitive
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});
