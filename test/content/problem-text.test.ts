/**
 * The words for the engine's problem codes (src/content/*-text.ts): every code has a sentence in the
 * house style, and each engine-found problem reads as it always has.
 */
import { describe, expect, it } from 'vitest';
import { policyProblemText } from '../../src/content/policy-problem-text.js';
import { policyRefText } from '../../src/content/policy-ref-text.js';
import { worldProblemText } from '../../src/content/world-problem-text.js';
import { createEngine } from '../../src/engine/index.js';
import type {
  PolicyProblemCode,
  PolicyProblemDetail,
  PolicyRef,
  WorldProblemCode,
  WorldProblemDetail,
} from '../../src/engine/index.js';
import { normalizePolicy } from '../../src/engine/policy/normalize.js';
import { PROBLEM_CASES } from '../engine/policy/problem-cases.js';
import { WORLD_PROBLEM_CASES } from '../engine/sts/world-problem-cases.js';

const P = { kind: 'named', name: 'p' } as const;

describe('a policy problem reads as the engine found it', () => {
  it.each(PROBLEM_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { problems } = normalizePolicy(c.doc, P, c.kind);
    const found = problems.find((p) => p.code === c.problem.code);
    expect(found && policyProblemText(found)).toStrictEqual({
      message: c.message,
      ...(c.hint !== undefined && { hint: c.hint }),
    });
  });
});

describe('a world problem reads as the engine found it', () => {
  it.each(WORLD_PROBLEM_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const [problem] = createEngine(c.world).problems;
    expect(problem && worldProblemText(problem)).toStrictEqual({
      message: c.message,
      ...(c.hint !== undefined && { hint: c.hint }),
    });
  });
});

// One sample of each code: `satisfies` makes a new code without a sample fail to compile, so every
// code is shown to have a sentence.
const POLICY_SAMPLES = {
  'policy-not-object': { code: 'policy-not-object' },
  'unknown-policy-field': { code: 'unknown-policy-field', field: 'Id2' },
  'missing-statement': { code: 'missing-statement' },
  'statement-not-object': { code: 'statement-not-object' },
  'unknown-statement-field': { code: 'unknown-statement-field', field: 'Sid2', suggestion: 'Sid' },
  'missing-effect': { code: 'missing-effect' },
  'invalid-effect': { code: 'invalid-effect', effect: '5' },
  'trust-not-principal': { code: 'trust-not-principal' },
  'both-elements': { code: 'both-elements', element: 'Resource' },
  'missing-principal': { code: 'missing-principal', kind: 'resource' },
  'principal-ignored': { code: 'principal-ignored', kind: 'session', element: 'NotPrincipal' },
  'missing-action': { code: 'missing-action' },
  'missing-resource': { code: 'missing-resource' },
  'trust-resource': { code: 'trust-resource' },
  'not-string-list': { code: 'not-string-list', element: 'Principal.AWS' },
  'empty-list': { code: 'empty-list', element: 'Action' },
  'principal-shape': { code: 'principal-shape', element: 'Principal' },
  'unknown-principal-type': { code: 'unknown-principal-type', type: 'Human' },
  'principal-wildcard': { code: 'principal-wildcard', value: 'arn:aws:iam::*:root' },
  'condition-not-object': { code: 'condition-not-object' },
  'condition-block-not-object': { code: 'condition-block-not-object', operator: 'Bool' },
  'condition-value-type': { code: 'condition-value-type', key: 'aws:MultiFactorAuthPresent' },
  'unknown-set-operator': { code: 'unknown-set-operator', prefix: 'Some' },
  'unknown-operator': { code: 'unknown-operator', operator: 'Like' },
  'null-if-exists': { code: 'null-if-exists', operator: 'NullIfExists' },
} satisfies { [K in PolicyProblemCode]: Extract<PolicyProblemDetail, { code: K }> };

const WORLD_SAMPLES = {
  'open-trust': { code: 'open-trust', policy: { kind: 'trust', role: 'R' }, statement: 0 },
  'invalid-start': { code: 'invalid-start', start: 'x' },
  'scp-management': { code: 'scp-management', scp: 'S', account: '999999999999' },
  'duplicate-user': { code: 'duplicate-user', name: 'u' },
  'duplicate-role': { code: 'duplicate-role', name: 'r' },
  'unknown-sso-user': { code: 'unknown-sso-user', user: 'u' },
  'unknown-permission-set': { code: 'unknown-permission-set', permissionSet: 'p' },
  'policy-size': {
    code: 'policy-size',
    subject: { kind: 'role-policy', role: 'R', index: 2 },
    limit: 'role-inline',
    size: 10241,
    max: 10240,
  },
} satisfies { [K in Exclude<WorldProblemCode, PolicyProblemCode>]: Extract<WorldProblemDetail, { code: K }> };

/** Cedar's style for a message: lowercase (or a name), no trailing period; a hint says what to do. */
function houseStyle(words: { message: string; hint?: string }) {
  expect(words.message).toMatch(/^([a-z`]|SCP |statement )/);
  expect(words.message).not.toMatch(/[.\s]$/);
  expect(words.message).not.toContain('undefined');
  if (words.hint !== undefined) expect(words.hint).not.toMatch(/^\s*$|undefined/);
}

describe('every code has words in the house style', () => {
  it.each(Object.entries(POLICY_SAMPLES))('policy problem %s', (_code, detail: PolicyProblemDetail) => {
    houseStyle(policyProblemText({ ...detail, path: [] }));
  });
  it.each(Object.entries(WORLD_SAMPLES))('world problem %s', (_code, detail: WorldProblemDetail) => {
    houseStyle(worldProblemText(detail));
  });
  it('a policy problem in a world names its policy, then its statement', () => {
    expect(
      worldProblemText({
        ...POLICY_SAMPLES['missing-action'],
        policy: { kind: 'scp', name: 'S' },
        statement: 2,
      }),
    ).toStrictEqual({ message: 'SCP S: statement 3: missing `Action`' });
  });
  it('a suggestion becomes the did-you-mean hint', () => {
    expect(policyProblemText({ ...POLICY_SAMPLES['unknown-statement-field'], path: [] }).hint).toBe(
      'did you mean `Sid`?',
    );
    expect(policyProblemText({ ...POLICY_SAMPLES['unknown-policy-field'], path: [] })).not.toHaveProperty(
      'hint',
    );
  });
  it('a size problem says which part of which principal, the size and the quota', () => {
    expect(worldProblemText(WORLD_SAMPLES['policy-size'])).toStrictEqual({
      message: 'role R: policy 3 is 10,241 characters; a role policy holds at most 10,240',
      hint: 'split it into smaller policies',
    });
  });
});

describe('a policy is named by where it comes from', () => {
  it.each<[PolicyRef, string]>([
    [{ kind: 'trust', role: 'Ops' }, 'trust policy of role Ops'],
    [{ kind: 'role-policy', role: 'Ops', index: 0 }, 'role Ops policy 1'],
    [{ kind: 'role-boundary', role: 'Ops' }, 'permissions boundary of role Ops'],
    [{ kind: 'user-policy', user: 'ana', index: 1 }, 'user ana policy 2'],
    [{ kind: 'user-boundary', user: 'ana' }, 'permissions boundary of user ana'],
    [{ kind: 'permission-set-policy', permissionSet: 'Admin', index: 0 }, 'permission set Admin policy 1'],
    [{ kind: 'permission-set-boundary', permissionSet: 'Admin' }, 'permissions boundary of Admin'],
    [{ kind: 'scp', name: 'DenyLeave' }, 'SCP DenyLeave'],
    [{ kind: 'managed', name: 'ReadOnly' }, 'managed policy ReadOnly'],
    [{ kind: 'aws-managed', name: 'ReadOnlyAccess' }, 'AWS managed policy ReadOnlyAccess'],
    [{ kind: 'resource', arn: 'arn:aws:s3:::b' }, 'resource policy of arn:aws:s3:::b'],
    [{ kind: 'session' }, 'session policy'],
    [{ kind: 'managed-session', name: 'ReadOnlyAccess' }, 'managed session policy ReadOnlyAccess'],
    [{ kind: 'inline', name: 'p1', role: 'Ops' }, 'inline policy p1 of role Ops'],
    [{ kind: 'named', name: 'mine' }, 'mine'],
  ])('%j → %s', (ref, text) => {
    expect(policyRefText(ref)).toBe(text);
  });
});
