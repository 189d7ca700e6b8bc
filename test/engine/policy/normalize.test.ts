// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { describe, expect, it } from 'vitest';
import { normalizePolicy } from '../../../src/engine/policy/normalize.js';
import type { PolicyKind } from '../../../src/engine/policy/types.js';
import { stmt } from './helpers.js';

const trust = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' };
const ident = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' };

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
      'p',
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
      't',
      'trust',
    );
    expect(problems).toEqual([]);
    expect(policy.statements[0]?.principal?.entries).toHaveLength(3);
    expect(
      normalizePolicy(stmt({ ...trust, Principal: '*' }), 't', 'trust').policy.statements[0]?.principal
        ?.entries,
    ).toEqual([{ type: 'AWS', value: '*' }]);
  });
});

describe('problems are data (house style: lowercase, backticks, hint)', () => {
  const cases: [string, unknown, PolicyKind, RegExp, string | undefined, boolean | undefined][] = [
    // [name, doc, kind, message, hint, statement skipped (undefined: no statement)]
    ['missing Statement', { Version: '2012-10-17' }, 'identity', /missing `Statement`/, undefined, undefined],
    [
      'missing Effect',
      stmt({ Action: 'sts:AssumeRole', Resource: '*' }),
      'identity',
      /missing `Effect`/,
      'use `Allow` or `Deny`',
      true,
    ],
    [
      'bad Effect',
      stmt({ ...ident, Effect: 'allow' }),
      'identity',
      /`Effect` must be `Allow` or `Deny`, not `allow`/,
      'did you mean `Allow`?',
      true,
    ],
    [
      'missing Action',
      stmt({ Effect: 'Allow', Resource: '*' }),
      'identity',
      /missing `Action`/,
      undefined,
      true,
    ],
    [
      'Action and NotAction',
      stmt({ ...ident, NotAction: 's3:*' }),
      'identity',
      /both `Action` and `NotAction`/,
      undefined,
      true,
    ],
    [
      'unknown operator',
      stmt({ ...ident, Condition: { StringEqual: { 'aws:username': 'a' } } }),
      'identity',
      /unknown condition operator `StringEqual`/,
      'did you mean `StringEquals`?',
      true,
    ],
    [
      'NullIfExists',
      stmt({ ...ident, Condition: { NullIfExists: { 'aws:username': 'true' } } }),
      'identity',
      /Null operator cannot take IfExists/,
      'use `Null`',
      true,
    ],
    [
      'unknown statement field',
      stmt({ ...ident, Efect: 'Allow' }),
      'identity',
      /unknown statement field `Efect`/,
      'did you mean `Effect`?',
      false,
    ],
    [
      'unknown top-level field',
      { Statment: [], Statement: [ident] },
      'identity',
      /unknown policy field `Statment`/,
      'did you mean `Statement`?',
      false,
    ],
    [
      'Resource in trust',
      stmt({ ...trust, Resource: '*' }),
      'trust',
      /has prohibited field Resource/,
      'remove `Resource`',
      false,
    ],
    [
      'NotPrincipal in trust',
      stmt({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
      'trust',
      /trust policy cannot use `NotPrincipal`/,
      'name the principals in `Principal`',
      false,
    ],
    [
      'missing Principal in trust',
      stmt({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      'trust',
      /missing `Principal`/,
      undefined,
      true,
    ],
    [
      'Principal in identity',
      stmt({ ...ident, Principal: '*' }),
      'identity',
      /identity policy cannot have a `Principal`/,
      'remove `Principal`',
      false,
    ],
    [
      'Principal in SCP',
      stmt({ ...ident, Principal: '*' }),
      'scp',
      /scp policy cannot have a `Principal`/,
      'remove `Principal`',
      false,
    ],
    [
      'missing Resource in identity',
      stmt({ Effect: 'Allow', Action: 's3:*' }),
      'identity',
      /missing `Resource`/,
      'use `"Resource": "*"` for every resource',
      true,
    ],
    [
      'partial wildcard principal',
      stmt({ ...trust, Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }),
      'trust',
      /cannot contain wildcards/,
      'use `"*"` with an `ArnLike` condition on `aws:PrincipalArn`',
      false,
    ],
    [
      'unknown principal type',
      stmt({ ...trust, Principal: { Services: 'ec2.amazonaws.com' } }),
      'trust',
      /unknown principal type `Services`/,
      'did you mean `Service`?',
      true,
    ],
  ];
  it.each(cases)('%s', (_name, doc, kind, message, hint, skipped) => {
    const { policy, problems } = normalizePolicy(doc, 'p', kind);
    const problem = problems.find((p) => message.test(p.message));
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem?.hint).toBe(hint);
    expect(problem?.message).toMatch(/^[a-z]/);
    // the one statement is skipped (never matches) or kept; a policy without statements has none
    expect(policy.statements.map((st) => st.skipped !== undefined)).toEqual(
      skipped === undefined ? [] : [skipped],
    );
  });
  it('points at the offending operator', () => {
    const { problems } = normalizePolicy(
      stmt({ ...ident, Condition: { StringEqual: { 'aws:username': 'a' } } }),
      'p',
      'identity',
    );
    expect(problems[0]?.path).toEqual(['Statement', 0, 'Condition', 'StringEqual']);
    expect(problems[0]?.message).toBe('statement 1: unknown condition operator `StringEqual`');
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
      expect(() => normalizePolicy(doc, 'p', 'identity')).not.toThrow();
    }
  });
});
