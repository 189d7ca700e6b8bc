// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { describe, expect, it } from 'vitest';
import { substitute } from '../../../src/engine/policy/variables.js';
import { check } from '../conditions/harness.js';
import { ctx } from './helpers.js';

const context = ctx({
  'aws:username': 'Alice',
  'aws:PrincipalTag/team': 'blue',
  'sts:RoleSessionName': 'Alice',
  'aws:TagKeys': ['a', 'b'],
});

describe('substitution (single-valued keys, case-insensitive key, default, escapes)', () => {
  it.each([
    ['home/${aws:username}/*', 'home/Alice/*', []],
    ['${AWS:UserName}', 'Alice', []], // key lookup is case-insensitive
    ['${aws:PrincipalTag/TEAM}', 'blue', []],
    ["${aws:SourceIdentity, 'none'}", 'none', []], // default when absent
    ['${aws:TagKeys}', '${aws:TagKeys}', ['${aws:TagKeys}']], // multivalued keys cannot be variables
    ['${aws:userid}', '${aws:userid}', ['${aws:userid}']],
    ['a${*}b', 'a${*}b', []], // escapes stay literal in pattern syntax
  ])('%s → %s', (value, pattern, unresolved) => {
    const s = substitute(value, context);
    expect(s.pattern).toBe(pattern);
    expect(s.unresolved).toEqual(unresolved);
  });
});

describe('variables in conditions', () => {
  it.each([
    ['StringLike', 'sts:RoleSessionName', '${aws:username}', true],
    ['StringEquals', 'sts:RoleSessionName', '${aws:PrincipalTag/team}', false],
    ['StringEquals', 'sts:RoleSessionName', "${aws:nothing, 'Alice'}", true],
    ['StringEquals', 'sts:RoleSessionName', '${aws:userid}', false], // unresolved: never matches
    ['StringNotEquals', 'sts:RoleSessionName', '${aws:userid}', false], // unresolved: negated cannot hold
    ['NumericEquals', 'k:n', '${aws:username}', false], // Numeric takes no variables: literal text
  ])('%s %s %s → %s', (op, key, value, expected) => {
    const c = new Map(context);
    c.set('k:n', { key: 'k:n', values: ['Alice'], multi: false });
    expect(check(op, key, value, c).matched).toBe(expected);
  });

  it('escapes `${*}` `${?}` `${$}` are literal characters, not wildcards', () => {
    const lit = ctx({ 'k:v': 'a*b?c$' });
    expect(check('StringLike', 'k:v', 'a${*}b${?}c${$}', lit).matched).toBe(true);
    expect(check('StringLike', 'k:v', 'a${*}b${?}c${$}', ctx({ 'k:v': 'axxbyc$' })).matched).toBe(false);
    expect(check('StringEquals', 'k:v', 'a${*}b${?}c${$}', lit).matched).toBe(true);
  });

  it('notes an unresolved variable', () => {
    const r = check('StringEquals', 'sts:RoleSessionName', '${aws:userid}', context);
    expect([r.reason, r.unresolved]).toEqual(['unresolved', ['${aws:userid}']]);
  });
});

// The operators page says, per family, whether policy variables are substituted: String*, Arn* and Bool
// yes; Numeric*, Date*, IpAddress/NotIpAddress and BinaryEquals no (the value is taken literally).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
describe('which operators substitute policy variables (condition_operators, one row per operator)', () => {
  const vars = ctx({
    'v:text': 'Alice',
    'v:arn': 'arn:aws:iam::111122223333:role/Alice',
    'v:bool': 'true',
    'v:num': '5',
    'v:date': '2024-06-15T12:00:00Z',
    'v:ip': '203.0.113.7',
    'v:bin': 'QQ==',
  });
  const withRequest = (key: string, value: string) => {
    const c = new Map(vars);
    c.set(key, { key, values: [value], multi: false });
    return c;
  };
  // [operator, request value, policy value with a variable, matched]
  it.each<[string, string, string, boolean]>([
    ['StringEquals', 'Alice', '${v:text}', true],
    ['StringNotEquals', 'Alice', '${v:text}', false],
    ['StringEqualsIgnoreCase', 'ALICE', '${v:text}', true],
    ['StringNotEqualsIgnoreCase', 'ALICE', '${v:text}', false],
    ['StringLike', 'Alice-1', '${v:text}-*', true],
    ['StringNotLike', 'Alice-1', '${v:text}-*', false],
    ['ArnEquals', 'arn:aws:iam::111122223333:role/Alice', '${v:arn}', true],
    ['ArnLike', 'arn:aws:iam::111122223333:role/Alice', 'arn:aws:iam::*:role/${v:text}', true],
    ['ArnNotEquals', 'arn:aws:iam::111122223333:role/Alice', '${v:arn}', false],
    ['ArnNotLike', 'arn:aws:iam::111122223333:role/Alice', 'arn:aws:iam::*:role/${v:text}', false],
    ['Bool', 'true', '${v:bool}', true],
    // no substitution: `${…}` is compared as written, so these never match
    ['NumericEquals', '5', '${v:num}', false],
    ['NumericNotEquals', '5', '${v:num}', true],
    ['DateEquals', '2024-06-15T12:00:00Z', '${v:date}', false],
    ['IpAddress', '203.0.113.7', '${v:ip}', false],
    ['NotIpAddress', '203.0.113.7', '${v:ip}', true],
    ['BinaryEquals', 'QQ==', '${v:bin}', false],
    ['BinaryEquals', '${v:bin}', '${v:bin}', true], // the literal text on both sides
  ])('%s %j vs %j → %s', (op, request, value, expected) => {
    const r = check(op, 'k:req', value, withRequest('k:req', request));
    expect(r.matched).toBe(expected);
  });

  it.each([
    ['StringEquals', ['Alice']],
    ['ArnLike', ['arn:aws:iam::*:role/Alice']],
    ['NumericEquals', ['${v:text}']],
  ])('%s shows the policy values after substitution', (op, shown) => {
    const value = op === 'ArnLike' ? 'arn:aws:iam::*:role/${v:text}' : '${v:text}';
    expect(check(op, 'k:req', value, withRequest('k:req', 'x')).policyValues).toEqual(shown);
  });
});

describe('escapes stay literal for the wildcard operators, plain text for the others (reference_policies_variables)', () => {
  const lit = (v: string) => ctx({ 'k:v': v });
  it.each<[string, string, string, boolean]>([
    ['StringLike', 'a*b', 'a${*}b', true],
    ['StringLike', 'axxb', 'a${*}b', false],
    ['StringNotLike', 'axxb', 'a${*}b', true],
    ['StringNotLike', 'a*b', 'a${*}b', false],
    ['StringLike', 'a?b', 'a${?}b', true],
    ['StringLike', 'axb', 'a${?}b', false],
    ['StringLike', 'a$b', 'a${$}b', true],
    ['StringEquals', 'a*b', 'a${*}b', true],
    ['StringEqualsIgnoreCase', 'A?B', 'a${?}b', true],
    ['ArnLike', 'arn:aws:s3:::bucket/a*b', 'arn:aws:s3:::bucket/a${*}b', true],
    ['ArnLike', 'arn:aws:s3:::bucket/axxb', 'arn:aws:s3:::bucket/a${*}b', false],
    ['ArnEquals', 'arn:aws:s3:::bucket/axxb', 'arn:aws:s3:::bucket/a${*}b', false],
    ['ArnNotLike', 'arn:aws:s3:::bucket/axxb', 'arn:aws:s3:::bucket/a${*}b', true],
    ['ArnNotEquals', 'arn:aws:s3:::bucket/axxb', 'arn:aws:s3:::bucket/a${*}b', true],
  ])('%s %j vs %j → %s', (op, request, value, expected) => {
    expect(check(op, 'k:v', value, lit(request)).matched).toBe(expected);
  });
});
