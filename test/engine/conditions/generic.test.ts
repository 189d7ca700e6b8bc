// Generic condition rules: missing keys, IfExists, Null, set operators, key-name case-insensitivity.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import { describe, expect, it } from 'vitest';
import { parseOperator } from '../../../src/engine/conditions/registry.js';
import { ctx } from '../policy/helpers.js';
import { check } from './harness.js';

const none = ctx();
const mfa = ctx({ 'aws:MultiFactorAuthPresent': 'false' });

describe('missing key: positive operators false, negated true (condition_operators)', () => {
  it.each([
    ['StringEquals', false],
    ['StringNotEquals', true],
    ['ArnNotLike', true],
    ['NotIpAddress', true],
    ['NumericLessThan', false],
  ])('%s on an absent key → %s', (op, expected) => {
    const r = check(op, 'aws:SourceIp', '10.0.0.0/8', none);
    expect(r.matched).toBe(expected);
    expect(r.requestValues).toBeNull();
  });
});

describe('…IfExists: true when the key is absent, a normal test when present (Conditions_IfExists)', () => {
  it.each([
    [none, 'true', true],
    [mfa, 'true', false],
    [mfa, 'false', true],
  ])('BoolIfExists %#', (context, value, expected) => {
    expect(check('BoolIfExists', 'aws:MultiFactorAuthPresent', value, context).matched).toBe(expected);
  });
  it('notes why it matched', () => {
    expect(check('StringEqualsIfExists', 'x:y', 'a', none).note).toMatch(/IfExists/);
  });
});

describe('Null: true ⇔ key absent, false ⇔ present (Conditions_Null)', () => {
  it.each([
    [none, 'true', true],
    [none, 'false', false],
    [mfa, 'true', false],
    [mfa, 'false', true],
  ])('%#: Null %s', (context, value, expected) => {
    expect(check('Null', 'aws:MultiFactorAuthPresent', value, context).matched).toBe(expected);
  });
  it('rejects NullIfExists', () => {
    expect(parseOperator('NullIfExists').ok).toBe(false);
  });
});

describe('condition key names are case-insensitive, values are not (reference_policies_elements_condition)', () => {
  it.each([
    ['AWS:SourceIP', '10.1.1.1', true],
    ['aws:principaltag/TEAM', 'x', false],
    ['aws:PrincipalTag/team', 'blue', true],
  ])('%s', (key, value, expected) => {
    const context = ctx({ 'aws:SourceIp': '10.1.1.1', 'aws:PrincipalTag/Team': 'blue' });
    const op = key.toLowerCase() === 'aws:sourceip' ? 'IpAddress' : 'StringEquals';
    expect(
      check(op, key, op === 'IpAddress' ? '10.0.0.0/8' : value === 'x' ? 'BLUE' : value, context).matched,
    ).toBe(expected);
  });
});

const tags = ctx({ 'aws:TagKeys': ['Project', 'Team'] });
const empty = new Map([['aws:tagkeys', { key: 'aws:TagKeys', values: [], multi: true }]]);

describe('ForAnyValue: some request value matches some policy value; false when absent/empty (multi-value-conditions)', () => {
  it.each([
    [tags, ['Project'], true],
    [tags, ['Cost'], false],
    [none, ['Project'], false],
    [empty, ['Project'], false],
  ])('%# → %s', (context, policy, expected) => {
    expect(check('ForAnyValue:StringEquals', 'aws:TagKeys', policy, context).matched).toBe(expected);
  });
  it.each([
    [tags, ['Project'], true], // Team matches none
    [tags, ['Project', 'Team'], false],
  ])(
    'ForAnyValue:StringNotEquals %# → %s (some request value matches no policy value)',
    (context, policy, expected) => {
      expect(check('ForAnyValue:StringNotEquals', 'aws:TagKeys', policy, context).matched).toBe(expected);
    },
  );
});

describe('ForAllValues: every request value matches some policy value; TRUE when absent/empty (multi-value-conditions)', () => {
  it.each([
    [tags, ['Project', 'Team', 'Cost'], true],
    [tags, ['Project'], false],
    [none, ['Project'], true],
    [empty, ['Project'], true],
  ])('%# → %s', (context, policy, expected) => {
    expect(check('ForAllValues:StringEquals', 'aws:TagKeys', policy, context).matched).toBe(expected);
  });
  it.each([
    [tags, ['Cost'], true], // no request value is listed
    [tags, ['Team'], false],
  ])(
    'ForAllValues:StringNotEquals %# → %s (no request value matches any policy value)',
    (context, policy, expected) => {
      expect(check('ForAllValues:StringNotEquals', 'aws:TagKeys', policy, context).matched).toBe(expected);
    },
  );
  it('ForAnyValue:StringLike on a Cognito amr', () => {
    const amr = ctx({ 'cognito-identity.amazonaws.com:amr': ['authenticated', 'graph.facebook.com'] });
    expect(
      check('ForAnyValue:StringLike', 'cognito-identity.amazonaws.com:amr', 'authenticated', amr).matched,
    ).toBe(true);
    expect(
      check('ForAnyValue:StringLike', 'cognito-identity.amazonaws.com:amr', 'unauth*', amr).matched,
    ).toBe(false);
  });
});

describe('a multivalued key without a set prefix: any request value decides (documented choice)', () => {
  it.each([
    [['Project'], true],
    [['Cost'], false],
  ])('StringEquals %j → %s', (policy, expected) => {
    expect(check('StringEquals', 'aws:TagKeys', policy, tags).matched).toBe(expected);
  });
});

describe('operator parsing: registry, prefixes, suffix, hints', () => {
  it.each([
    ['StringEquals', true, undefined],
    ['ForAllValues:StringLikeIfExists', true, undefined],
    ['StringEqual', false, 'did you mean `StringEquals`?'],
    ['ForAnyValues:StringEquals', false, 'did you mean `ForAnyValue`?'],
  ])('%s', (written, ok, hint) => {
    const r = parseOperator(written);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.hint).toBe(hint);
  });
});
