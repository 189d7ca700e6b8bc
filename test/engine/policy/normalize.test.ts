// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../../src/engine/policy/normalize.js';
import { stmt } from './helpers.js';

import { ident, PROBLEM_CASES, trust } from './problem-cases.js';

const P = { kind: 'named', name: 'p' } as const;

describe('normalisation accepts IAM JSON as parsed YAML', () => {
  it('single Statement object, string elements, scalar condition values become strings', () => {
    const { policy, problems } = normalizePolicy(
      {
        Statement: {
          ...ident,
          Condition: {
            NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
            Bool: { 'aws:SecureTransport': true },
          },
        },
      },
      P,
      'identity',
    );
    expect(problems).toEqual([]);
    expect(policy.statements[0]?.conditions.map((c) => c.values)).toEqual([['3600'], ['true']]);
    expect(policy.statements[0]?.action).toEqual({ not: false, patterns: ['sts:AssumeRole'] });
  });
  it('principal forms: "*", AWS/Service/Federated as string or array', () => {
    const { policy, problems } = normalizePolicy(
      stmt({
        ...trust,
        Principal: {
          AWS: ['111122223333', 'arn:aws:iam::111122223333:user/A'],
          Service: 'ec2.amazonaws.com',
        },
      }),
      { kind: 'named', name: 't' },
      'trust',
    );
    expect(problems).toEqual([]);
    expect(policy.statements[0]?.principal?.entries).toHaveLength(3);
    expect(
      normalizePolicy(stmt({ ...trust, Principal: '*' }), P, 'trust').policy.statements[0]?.principal
        ?.entries,
    ).toEqual([{ type: 'AWS', value: '*' }]);
  });
});

describe('problems are data: a code with its values, a path, the statement they are in', () => {
  it.each(PROBLEM_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { policy, problems } = normalizePolicy(c.doc, P, c.kind);
    expect(problems, JSON.stringify(problems)).toContainEqual(expect.objectContaining(c.problem));
    // every problem carries no text: the code and its values are all there is
    for (const p of problems) expect(p).not.toHaveProperty('message');
    // the one statement is skipped (never matches) or kept; a policy without statements has none
    expect(policy.statements.map((st) => st.skipped ?? false)).toEqual(
      c.skipped === undefined ? [] : [c.skipped],
    );
  });
  it('a problem inside a statement names it (0-based); a top-level one does not', () => {
    const { problems } = normalizePolicy(
      { Statment: 1, Statement: [ident, { ...ident, Efect: 'x' }] },
      P,
      'identity',
    );
    expect(problems.map((p) => [p.code, p.statement])).toEqual([
      ['unknown-policy-field', undefined],
      ['unknown-statement-field', 1],
    ]);
    expect(problems[0]).not.toHaveProperty('statement');
  });
  it('a suggestion is given only when a known name is close', () => {
    const far = normalizePolicy(stmt({ ...ident, Condition: { Sometimes: { k: 'v' } } }), P, 'identity');
    expect(far.problems).toEqual([
      {
        code: 'unknown-operator',
        operator: 'Sometimes',
        path: ['Statement', 0, 'Condition', 'Sometimes'],
        statement: 0,
      },
    ]);
  });
  it('points at the offending operator', () => {
    const { problems } = normalizePolicy(
      stmt({ ...ident, Condition: { StringEqual: { 'aws:username': 'a' } } }),
      P,
      'identity',
    );
    expect(problems[0]?.path).toEqual(['Statement', 0, 'Condition', 'StringEqual']);
    expect(problems[0]).toMatchObject({ code: 'unknown-operator', operator: 'StringEqual', statement: 0 });
  });
  it('never throws on garbage', () => {
    for (const doc of [
      null,
      42,
      'x',
      [],
      { Statement: 'x' },
      { Statement: [null, { Effect: 'Allow', Action: 5 }] },
    ]) {
      expect(() => normalizePolicy(doc, P, 'identity')).not.toThrow();
    }
  });
});
