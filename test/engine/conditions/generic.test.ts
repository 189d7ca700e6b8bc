// Generic condition rules: missing and empty keys, IfExists, Null, set operators, key-name case.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import { describe, expect, it } from 'vitest';
import { operatorRegistry, parseOperator } from '../../../src/engine/conditions/registry.js';
import type { OperatorProblem } from '../../../src/engine/conditions/types.js';
import type { ConditionReason, RequestContext } from '../../../src/engine/policy/types.js';
import { ctx } from '../policy/helpers.js';
import { check } from './harness.js';
import { conditionNote } from '../../../src/learn/authorize-notes.js';

const none = ctx();
const mfa = ctx({ 'aws:MultiFactorAuthPresent': 'false' });
const tags = ctx({ 'aws:TagKeys': ['Project', 'Team'] });
const empty: RequestContext = new Map([['aws:tagkeys', { key: 'aws:TagKeys', values: [], multi: true }]]);

// A key that is absent and a key whose value list is empty are both "not present"
// (multi-value-conditions: "the key values resolve to a null data set").
describe.each([
  ['absent', none, null],
  ['empty', empty, []],
] as const)(
  'a %s key, for every set operator with and without IfExists (condition_operators#Conditions_IfExists, multi-value-conditions)',
  (_name, context, requestValues) => {
    it.each<[string, boolean, ConditionReason]>([
      ['StringEquals', false, 'positive-absent'],
      ['StringNotEquals', true, 'negated-absent'],
      ['StringEqualsIfExists', true, 'if-exists-absent'],
      ['StringNotEqualsIfExists', true, 'if-exists-absent'],
      ['ForAnyValue:StringEquals', false, 'any-value-absent'],
      ['ForAnyValue:StringNotEquals', false, 'any-value-absent'],
      ['ForAnyValue:StringLikeIfExists', true, 'if-exists-absent'],
      ['ForAnyValue:StringNotLikeIfExists', true, 'if-exists-absent'],
      ['ForAllValues:StringEquals', true, 'all-values-absent'],
      ['ForAllValues:StringNotEquals', true, 'all-values-absent'],
      ['ForAllValues:StringLikeIfExists', true, 'if-exists-absent'],
      ['ForAllValues:StringNotLikeIfExists', true, 'if-exists-absent'],
      ['ArnNotLike', true, 'negated-absent'],
      ['NotIpAddress', true, 'negated-absent'],
      ['NumericLessThan', false, 'positive-absent'],
      ['DateGreaterThanIfExists', true, 'if-exists-absent'],
    ])('%s → %s', (op, matched, note) => {
      const r = check(op, 'aws:TagKeys', ['Project'], context);
      expect(r).toEqual({
        operator: op,
        key: 'aws:TagKeys',
        policyValues: ['Project'],
        requestValues,
        matched,
        absent: true,
        perValue: [{ value: 'Project', matched: false }],
        reason: note,
      });
    });
    it.each([
      ['true', true],
      ['false', false],
      ['TRUE', true], // values are case-insensitive
      ['maybe', false], // neither: never matches
    ])('Null %s → %s', (value, matched) => {
      expect(check('Null', 'aws:TagKeys', value, context).matched).toBe(matched);
    });
  },
);

describe('what a condition reports: operator and key as written, both value lists, and a note only when there is one', () => {
  it.each([
    ['StringEquals', ctx({ 'aws:username': 'Alice' }), ['Alice', 'Bob'], ['Alice'], true, [true, false]],
    ['stringequalsifexists', ctx({ 'aws:username': 'Bob' }), ['Alice'], ['Bob'], false, [false]],
    ['Null', ctx({ 'aws:username': 'Alice' }), ['false'], ['Alice'], true, [true]],
    ['Null', none, ['true'], null, true, [true]],
  ])('%s', (operator, context, policyValues, requestValues, matched, perValue) => {
    expect(check(operator, 'AWS:UserName', policyValues, context)).toStrictEqual({
      operator,
      key: 'AWS:UserName',
      policyValues,
      requestValues,
      matched,
      absent: requestValues === null,
      perValue: policyValues.map((value, i) => ({ value, matched: perValue[i] })),
    });
  });

  it('a policy value of a multivalued key matched when any request value equals it', () => {
    // aws:TagKeys [Project, Team] against ForAnyValue:StringEquals [Team, Cost]: Team is in the
    // request, Cost is not (reference_policies_multi-value-conditions.html)
    const r = check('ForAnyValue:StringEquals', 'aws:TagKeys', ['Team', 'Cost'], tags);
    expect(r.matched).toBe(true);
    expect(r.perValue).toStrictEqual([
      { value: 'Team', matched: true },
      { value: 'Cost', matched: false },
    ]);
  });
});

describe('a present key: IfExists is an ordinary test (Conditions_IfExists)', () => {
  it.each([
    [mfa, 'true', false],
    [mfa, 'false', true],
    [ctx({ 'aws:MultiFactorAuthPresent': 'true' }), 'true', true],
  ])('BoolIfExists %#', (context, value, expected) => {
    const r = check('BoolIfExists', 'aws:MultiFactorAuthPresent', value, context);
    expect(r.matched).toBe(expected);
    expect(r.reason).toBeUndefined();
  });
  it.each([
    ['ForAnyValue:StringEqualsIfExists', ['Cost'], false],
    ['ForAllValues:StringEqualsIfExists', ['Project'], false],
    ['ForAllValues:StringEqualsIfExists', ['Project', 'Team'], true],
  ])('%s %j → %s', (op, policy, expected) => {
    expect(check(op, 'aws:TagKeys', policy, tags).matched).toBe(expected);
  });
});

describe('Null: true ⇔ key absent, false ⇔ present; several values OR (Conditions_Null)', () => {
  it.each([
    [mfa, 'true', false],
    [mfa, 'false', true],
    [mfa, 'FALSE', true],
    [mfa, 'maybe', false],
    [mfa, ['true', 'false'], true],
    [none, ['false', 'true'], true],
    [tags, 'false', true],
  ])('%#: Null %j', (context, value, expected) => {
    const key = context === tags ? 'aws:TagKeys' : 'aws:MultiFactorAuthPresent';
    const r = check('Null', key, value, context);
    expect(r.matched).toBe(expected);
    expect(r.policyValues).toEqual(Array.isArray(value) ? value : [value]);
  });
  it('rejects NullIfExists', () => {
    expect(parseOperator('NullIfExists').ok).toBe(false);
  });
});

describe('condition key names are case-insensitive, values are not (reference_policies_elements_condition)', () => {
  const context = ctx({ 'aws:SourceIp': '10.1.1.1', 'aws:PrincipalTag/Team': 'blue' });
  it.each([
    ['IpAddress', 'AWS:SourceIP', '10.0.0.0/8', true, ['10.1.1.1']],
    ['StringEquals', 'aws:principaltag/TEAM', 'blue', true, ['blue']], // the key is found in any case
    ['StringEquals', 'aws:principaltag/TEAM', 'BLUE', false, ['blue']], // its value is compared exactly
    ['StringEquals', 'aws:PrincipalTag/Other', 'blue', false, null],
  ])('%s %s %s → %s', (op, key, value, expected, requestValues) => {
    const r = check(op, key, value, context);
    expect(r.matched).toBe(expected);
    expect(r.requestValues).toEqual(requestValues);
    expect(r.key).toBe(key); // reported as written
  });
});

// aws:TagKeys = [Project, Team]. Each row gives the result with ForAnyValue:, ForAllValues: and no
// prefix, so a row can only pass when the prefix is applied (multi-value-conditions).
describe('set operators on a multivalued key, against the same operator without a prefix', () => {
  it.each<[string, string[], boolean, boolean, boolean]>([
    // [operator, policy values, ForAnyValue, ForAllValues, no prefix]
    ['StringEquals', ['Project'], true, false, true],
    ['StringEquals', ['Project', 'Team', 'Cost'], true, true, true],
    ['StringEquals', ['Cost'], false, false, false],
    ['StringNotEquals', ['Project'], true, false, true],
    ['StringNotEquals', ['Cost'], true, true, true],
    ['StringNotEquals', ['Project', 'Team'], false, false, false],
    ['StringLike', ['P*'], true, false, true],
    ['StringLike', ['*'], true, true, true],
    ['StringNotLike', ['P*'], true, false, true],
    ['StringNotLike', ['*'], false, false, false],
  ])('%s %j → any %s, all %s, none %s', (op, policy, any, all, plain) => {
    expect(check(`ForAnyValue:${op}`, 'aws:TagKeys', policy, tags).matched).toBe(any);
    expect(check(`ForAllValues:${op}`, 'aws:TagKeys', policy, tags).matched).toBe(all);
    expect(check(op, 'aws:TagKeys', policy, tags).matched).toBe(plain);
  });
  it('ForAnyValue:StringLike on a Cognito amr', () => {
    const amr = ctx({ 'cognito-identity.amazonaws.com:amr': ['authenticated', 'graph.facebook.com'] });
    const key = 'cognito-identity.amazonaws.com:amr';
    expect(check('ForAnyValue:StringLike', key, 'authenticated', amr).matched).toBe(true);
    expect(check('ForAnyValue:StringLike', key, 'unauth*', amr).matched).toBe(false);
  });
});

describe('a multivalued key without a set prefix: any request value decides, and the note says so (documented choice)', () => {
  it.each([
    [tags, ['Project'], true, 'multi-no-set'],
    [tags, ['Cost'], false, 'multi-no-set'],
    [ctx({ 'aws:TagKeys': ['Project'] }), ['Project'], true, undefined], // one value: nothing to say
    [ctx({ 'aws:TagKeys': 'Project' }), ['Project'], true, undefined], // single-valued key
  ])('%#: StringEquals %j → %s', (context, policy, expected, note) => {
    const r = check('StringEquals', 'aws:TagKeys', policy, context);
    expect(r.matched).toBe(expected);
    expect(r.reason).toBe(note);
  });
  it('no note with a set prefix', () => {
    expect(check('ForAnyValue:StringEquals', 'aws:TagKeys', ['Project'], tags).reason).toBeUndefined();
  });
  it('no note for a key not marked multivalued, whatever it holds', () => {
    const odd: RequestContext = new Map([['k:v', { key: 'k:v', values: ['a', 'b'], multi: false }]]);
    expect(check('StringEquals', 'k:v', ['a'], odd).reason).toBeUndefined();
  });
});

describe('an unresolvable policy variable (reference_policies_variables)', () => {
  const context = ctx({ 'sts:RoleSessionName': 'Alice', 'aws:username': 'Alice' });
  it.each<[string, string[], boolean, [ConditionReason, string[]]]>([
    // only that value fails to match; the others still count
    ['StringEquals', ['${aws:userid}', 'Alice'], true, ['unresolved', ['${aws:userid}']]],
    ['StringEquals', ['${aws:userid}', '${aws:username}'], true, ['unresolved', ['${aws:userid}']]],
    ['StringEquals', ['${aws:userid}'], false, ['unresolved', ['${aws:userid}']]],
    ['StringLike', ['${aws:userid}*', '${x:y}'], false, ['unresolved', ['${aws:userid}', '${x:y}']]],
    // a negated operator cannot hold
    ['StringNotEquals', ['${aws:userid}', 'Bob'], false, ['unresolved-negated', ['${aws:userid}']]],
    ['StringNotLike', ['${aws:userid}'], false, ['unresolved-negated', ['${aws:userid}']]],
  ])('%s %j → %s', (op, values, matched, note) => {
    const r = check(op, 'sts:RoleSessionName', values, context);
    expect(r.matched).toBe(matched);
    expect([r.reason, r.unresolved]).toEqual(note);
  });
  it('each policy value is shown after substitution, with whether it matched', () => {
    const r = check(
      'StringEquals',
      'sts:RoleSessionName',
      ['${aws:userid}', 'Bob', '${aws:username}'],
      context,
    );
    expect(r.perValue).toEqual([
      { value: '${aws:userid}', matched: false },
      { value: 'Bob', matched: false },
      { value: 'Alice', matched: true },
    ]);
  });
  it('the note wins over the multivalued-key note', () => {
    const multi = ctx({ 'aws:TagKeys': ['a', 'b'] });
    const r = check('StringEquals', 'aws:TagKeys', ['${aws:userid}', 'a'], multi);
    expect([r.reason, r.unresolved]).toEqual(['unresolved', ['${aws:userid}']]);
  });
});

describe('operator parsing: registry, prefixes, suffix, hints (condition_operators)', () => {
  it.each<[string, string, 'ForAnyValue' | 'ForAllValues' | undefined, boolean]>([
    // [written, operator, set, ifExists]
    ['StringEquals', 'StringEquals', undefined, false],
    ['stringequals', 'StringEquals', undefined, false], // operator names are case-insensitive
    [' StringEquals ', 'StringEquals', undefined, false],
    ['StringEqualsIfExists', 'StringEquals', undefined, true],
    ['stringequalsIFEXISTS', 'StringEquals', undefined, true],
    ['ForAnyValue:StringEquals', 'StringEquals', 'ForAnyValue', false],
    ['foranyvalue:StringEquals', 'StringEquals', 'ForAnyValue', false],
    ['ForAllValues:StringLikeIfExists', 'StringLike', 'ForAllValues', true],
    ['FORALLVALUES:ArnLike', 'ArnLike', 'ForAllValues', false],
    ['NotIpAddressIfExists', 'NotIpAddress', undefined, true],
    ['Null', 'Null', undefined, false],
  ])('%j → %s', (written, name, set, ifExists) => {
    const r = parseOperator(written);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parsed).toStrictEqual({
      written,
      op: operatorRegistry.get(name.toLowerCase()),
      ifExists,
      ...(set && { set }),
    });
    expect(r.parsed.op.name).toBe(name);
  });
  it.each<[string, OperatorProblem]>([
    // [written, the problem: its code, what it quotes, the closest known name]
    ['StringEqual', { code: 'unknown-operator', operator: 'StringEqual', suggestion: 'StringEquals' }],
    [
      'ForAnyValues:StringEquals',
      { code: 'unknown-set-operator', prefix: 'ForAnyValues', suggestion: 'ForAnyValue' },
    ],
    [
      'ForAllValue:StringEquals',
      { code: 'unknown-set-operator', prefix: 'ForAllValue', suggestion: 'ForAllValues' },
    ],
    ['Sometimes:StringEquals', { code: 'unknown-set-operator', prefix: 'Sometimes' }],
    ['IfExists', { code: 'unknown-operator', operator: 'IfExists' }],
    ['ForAnyValue:Bogus', { code: 'unknown-operator', operator: 'ForAnyValue:Bogus' }],
    // eight characters after a real name are not `IfExists`: only that suffix is stripped
    ['StringEqualsIfExistz', { code: 'unknown-operator', operator: 'StringEqualsIfExistz' }],
    [':StringEquals', { code: 'unknown-set-operator', prefix: '' }], // an empty set prefix
    ['NullIfExists', { code: 'null-if-exists', operator: 'NullIfExists' }],
    ['ForAnyValue:NullIfExists', { code: 'null-if-exists', operator: 'ForAnyValue:NullIfExists' }],
  ])('%j is rejected', (written, problem) => {
    const r = parseOperator(written);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toStrictEqual(problem);
  });
});

// The notes are what the explanation shows a learner next to a condition (worded in src/learn from the
// engine's reason codes): their words are asserted here once, as written, so a note that lies or goes
// missing fails.
describe('the note each situation prints, word for word', () => {
  const multi = ctx({ 'aws:TagKeys': ['a', 'b'], 'aws:username': 'Alice' });
  it.each<[string, string, string[], RequestContext, string]>([
    ['StringEqualsIfExists', 'k:absent', ['x'], none, 'key absent: …IfExists is true'],
    ['ForAnyValue:StringEquals', 'k:absent', ['x'], none, 'key absent or empty: ForAnyValue is false'],
    ['ForAllValues:StringEquals', 'k:absent', ['x'], none, 'key absent or empty: ForAllValues is true'],
    ['StringNotEquals', 'k:absent', ['x'], none, 'key absent: a negated operator is true'],
    ['StringEquals', 'k:absent', ['x'], none, 'key absent: the condition is false'],
    [
      'StringEquals',
      'aws:TagKeys',
      ['${aws:userid}', '${x:y}'],
      multi,
      'unresolved ${aws:userid}, ${x:y}: that value never matches',
    ],
    [
      'StringNotEquals',
      'aws:TagKeys',
      ['${aws:userid}'],
      multi,
      'unresolved ${aws:userid}: the negated condition cannot hold',
    ],
    [
      'StringEquals',
      'aws:TagKeys',
      ['a'],
      multi,
      'multivalued key without ForAnyValue/ForAllValues: true if any request value matches',
    ],
  ])('%s on %s %j', (op, key, values, context, note) => {
    expect(conditionNote(check(op, key, values, context))).toBe(note);
  });
});
