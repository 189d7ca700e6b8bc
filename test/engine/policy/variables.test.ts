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
    expect(check('StringEquals', 'sts:RoleSessionName', '${aws:userid}', context).note).toMatch(
      /unresolved \$\{aws:userid\}/,
    );
  });
});
