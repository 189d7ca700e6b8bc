// One table of malformed policies: what the engine finds in each (a code with its values, asserted in
// test/engine/policy/normalize.test.ts) and the words a reader sees for it (asserted in
// test/content/problem-text.test.ts), so the two stay about the same documents.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import type { PolicyKind, PolicyProblemDetail, SkipReason } from '../../../src/engine/policy/types.js';
import { stmt } from './helpers.js';

export const trust = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' };
export const ident = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' };

export interface ProblemCase {
  name: string;
  doc: unknown;
  kind: PolicyKind;
  /** The problem the engine reports (its code and values; other problems may come with it). */
  problem: PolicyProblemDetail;
  /** The one statement's skip reason; false: kept; undefined: the policy has no statement. */
  skipped: SkipReason | false | undefined;
  /** The reader's words for it. */
  message: string;
  hint?: string;
}

export const PROBLEM_CASES: ProblemCase[] = [
  {
    name: 'missing Statement',
    doc: { Version: '2012-10-17' },
    kind: 'identity',
    problem: { code: 'missing-statement' },
    skipped: undefined,
    message: 'missing `Statement`',
  },
  {
    name: 'not an object',
    doc: 'x',
    kind: 'identity',
    problem: { code: 'policy-not-object' },
    skipped: undefined,
    message: 'a policy must be an object with a `Statement`',
  },
  {
    name: 'statement not an object',
    doc: { Statement: [5] },
    kind: 'identity',
    problem: { code: 'statement-not-object' },
    skipped: 'not-an-object',
    message: 'statement 1: a statement must be an object',
  },
  {
    name: 'missing Effect',
    doc: stmt({ Action: 'sts:AssumeRole', Resource: '*' }),
    kind: 'identity',
    problem: { code: 'missing-effect' },
    skipped: 'missing-effect',
    message: 'statement 1: missing `Effect`',
    hint: 'use `Allow` or `Deny`',
  },
  {
    name: 'bad Effect',
    doc: stmt({ ...ident, Effect: 'allow' }),
    kind: 'identity',
    problem: { code: 'invalid-effect', effect: 'allow', suggestion: 'Allow' },
    skipped: 'invalid-effect',
    message: 'statement 1: `Effect` must be `Allow` or `Deny`, not `allow`',
    hint: 'did you mean `Allow`?',
  },
  {
    name: 'far-off Effect',
    doc: stmt({ ...ident, Effect: 'Permit' }),
    kind: 'identity',
    problem: { code: 'invalid-effect', effect: 'Permit' },
    skipped: 'invalid-effect',
    message: 'statement 1: `Effect` must be `Allow` or `Deny`, not `Permit`',
    hint: 'use `Allow` or `Deny`',
  },
  {
    name: 'missing Action',
    doc: stmt({ Effect: 'Allow', Resource: '*' }),
    kind: 'identity',
    problem: { code: 'missing-action' },
    skipped: 'missing-action',
    message: 'statement 1: missing `Action`',
  },
  {
    name: 'Action and NotAction',
    doc: stmt({ ...ident, NotAction: 's3:*' }),
    kind: 'identity',
    problem: { code: 'both-elements', element: 'Action' },
    skipped: 'invalid-action',
    message: 'statement 1: a statement cannot have both `Action` and `NotAction`',
  },
  {
    name: 'Resource and NotResource',
    doc: stmt({ ...ident, NotResource: 'arn:aws:s3:::b' }),
    kind: 'identity',
    problem: { code: 'both-elements', element: 'Resource' },
    skipped: 'invalid-resource',
    message: 'statement 1: a statement cannot have both `Resource` and `NotResource`',
  },
  {
    name: 'Principal and NotPrincipal',
    doc: stmt({ ...trust, NotPrincipal: { AWS: '111122223333' } }),
    kind: 'resource',
    problem: { code: 'both-elements', element: 'Principal' },
    skipped: 'principal-and-not-principal',
    message: 'statement 1: a statement cannot have both `Principal` and `NotPrincipal`',
  },
  {
    name: 'Action not a string',
    doc: stmt({ ...ident, Action: [5] }),
    kind: 'identity',
    problem: { code: 'not-string-list', element: 'Action' },
    skipped: 'invalid-action',
    message: 'statement 1: `Action` must be a string or a list of strings',
  },
  {
    name: 'empty Resource',
    doc: stmt({ ...ident, Resource: [] }),
    kind: 'identity',
    problem: { code: 'empty-list', element: 'Resource' },
    skipped: 'invalid-resource',
    message: 'statement 1: `Resource` is empty',
  },
  {
    name: 'unknown operator',
    doc: stmt({ ...ident, Condition: { StringEqual: { 'aws:username': 'a' } } }),
    kind: 'identity',
    problem: { code: 'unknown-operator', operator: 'StringEqual', suggestion: 'StringEquals' },
    skipped: 'invalid-condition',
    message: 'statement 1: unknown condition operator `StringEqual`',
    hint: 'did you mean `StringEquals`?',
  },
  {
    name: 'unknown set operator',
    doc: stmt({ ...ident, Condition: { 'ForAnyValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
    kind: 'identity',
    problem: { code: 'unknown-set-operator', prefix: 'ForAnyValues', suggestion: 'ForAnyValue' },
    skipped: 'invalid-condition',
    message: 'statement 1: unknown set operator `ForAnyValues`',
    hint: 'did you mean `ForAnyValue`?',
  },
  {
    name: 'NullIfExists',
    doc: stmt({ ...ident, Condition: { NullIfExists: { 'aws:username': 'true' } } }),
    kind: 'identity',
    problem: { code: 'null-if-exists', operator: 'NullIfExists' },
    skipped: 'invalid-condition',
    message: 'statement 1: `NullIfExists`: the Null operator cannot take IfExists',
    hint: 'use `Null`',
  },
  {
    name: 'Condition not an object',
    doc: stmt({ ...ident, Condition: 'x' }),
    kind: 'identity',
    problem: { code: 'condition-not-object' },
    skipped: 'invalid-condition',
    message: 'statement 1: `Condition` must be an object of operators',
  },
  {
    name: 'operator block not an object',
    doc: stmt({ ...ident, Condition: { StringEquals: 'x' } }),
    kind: 'identity',
    problem: { code: 'condition-block-not-object', operator: 'StringEquals' },
    skipped: 'invalid-condition',
    message: 'statement 1: `StringEquals` must map condition keys to values',
  },
  {
    name: 'condition value of the wrong type',
    doc: stmt({ ...ident, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
    kind: 'identity',
    problem: { code: 'condition-value-type', key: 'aws:username' },
    skipped: 'invalid-condition',
    message: 'statement 1: `aws:username`: condition values must be strings, numbers or booleans',
  },
  {
    name: 'unknown statement field',
    doc: stmt({ ...ident, Efect: 'Allow' }),
    kind: 'identity',
    problem: { code: 'unknown-statement-field', field: 'Efect', suggestion: 'Effect' },
    skipped: false,
    message: 'statement 1: unknown statement field `Efect`',
    hint: 'did you mean `Effect`?',
  },
  {
    name: 'unknown top-level field',
    doc: { Statment: [], Statement: [ident] },
    kind: 'identity',
    problem: { code: 'unknown-policy-field', field: 'Statment', suggestion: 'Statement' },
    skipped: false,
    message: 'unknown policy field `Statment`',
    hint: 'did you mean `Statement`?',
  },
  {
    name: 'Resource in trust',
    doc: stmt({ ...trust, Resource: '*' }),
    kind: 'trust',
    problem: { code: 'trust-resource' },
    skipped: false,
    message:
      'statement 1: has prohibited field Resource: a trust policy has no `Resource` (the role is the resource)',
    hint: 'remove `Resource`',
  },
  {
    name: 'NotPrincipal in trust',
    doc: stmt({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
    kind: 'trust',
    problem: { code: 'trust-not-principal' },
    skipped: false,
    message: 'statement 1: a trust policy cannot use `NotPrincipal`',
    hint: 'name the principals in `Principal`',
  },
  {
    name: 'missing Principal in trust',
    doc: stmt({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    kind: 'trust',
    problem: { code: 'missing-principal', kind: 'trust' },
    skipped: 'missing-principal',
    message: 'statement 1: missing `Principal`: a trust policy must name who it applies to',
  },
  {
    name: 'Principal neither "*" nor an object',
    doc: stmt({ ...trust, Principal: 'arn:aws:iam::111122223333:root' }),
    kind: 'trust',
    problem: { code: 'principal-shape', element: 'Principal' },
    skipped: 'invalid-principal',
    message:
      'statement 1: `Principal` must be `"*"` or an object with `AWS`, `Service`, `Federated` or `CanonicalUser`',
  },
  {
    name: 'NotPrincipal neither "*" nor an object',
    doc: stmt({ Effect: 'Deny', NotPrincipal: 'x', Action: 's3:*', Resource: '*' }),
    kind: 'resource',
    problem: { code: 'principal-shape', element: 'NotPrincipal' },
    skipped: 'invalid-not-principal',
    message:
      'statement 1: `NotPrincipal` must be `"*"` or an object with `AWS`, `Service`, `Federated` or `CanonicalUser`',
  },
  {
    name: 'Principal in identity',
    doc: stmt({ ...ident, Principal: '*' }),
    kind: 'identity',
    problem: { code: 'principal-ignored', kind: 'identity', element: 'Principal' },
    skipped: false,
    message: 'statement 1: an identity policy cannot have a `Principal` element (it is ignored here)',
    hint: 'remove `Principal`',
  },
  {
    name: 'Principal in SCP',
    doc: stmt({ ...ident, Principal: '*' }),
    kind: 'scp',
    problem: { code: 'principal-ignored', kind: 'scp', element: 'Principal' },
    skipped: false,
    message: 'statement 1: an SCP cannot have a `Principal` element (it is ignored here)',
    hint: 'remove `Principal`',
  },
  {
    name: 'missing Resource in identity',
    doc: stmt({ Effect: 'Allow', Action: 's3:*' }),
    kind: 'identity',
    problem: { code: 'missing-resource' },
    skipped: 'missing-resource',
    message: 'statement 1: missing `Resource`',
    hint: 'use `"Resource": "*"` for every resource',
  },
  {
    name: 'partial wildcard principal',
    doc: stmt({ ...trust, Principal: { AWS: 'arn:aws:iam::111122223333:role/*' } }),
    kind: 'trust',
    problem: { code: 'principal-wildcard', value: 'arn:aws:iam::111122223333:role/*' },
    skipped: false,
    message:
      'statement 1: `arn:aws:iam::111122223333:role/*`: a principal cannot contain wildcards (it matches nobody)',
    hint: 'use `"*"` with an `ArnLike` condition on `aws:PrincipalArn`',
  },
  {
    name: 'unknown principal type',
    doc: stmt({ ...trust, Principal: { Services: 'ec2.amazonaws.com' } }),
    kind: 'trust',
    problem: { code: 'unknown-principal-type', type: 'Services', suggestion: 'Service' },
    skipped: 'invalid-principal',
    message: 'statement 1: unknown principal type `Services`',
    hint: 'did you mean `Service`?',
  },
];
