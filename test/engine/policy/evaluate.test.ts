// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/engine/policy/evaluate.js';
import type { RequestPrincipal } from '../../../src/engine/policy/types.js';
import { ACCT, OTHER, ctx, policy, principals as P, req, stmt } from './helpers.js';

const trustFor = (Principal: unknown) =>
  policy(stmt({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' }), 'trust');

describe('Principal forms (reference_policies_elements_principal)', () => {
  const rows: [string, unknown, RequestPrincipal, boolean, string | undefined][] = [
    ['"*" matches anyone', '*', P.anonymous, true, 'wildcard'],
    ['{AWS:"*"}', { AWS: '*' }, P.alice, true, 'wildcard'],
    ['account id → users of the account', { AWS: ACCT }, P.alice, true, 'account'],
    [
      'account root ARN → role sessions of the account',
      { AWS: `arn:aws:iam::${ACCT}:root` },
      P.session,
      true,
      'account',
    ],
    ['account id does not match another account', { AWS: OTHER }, P.alice, false, undefined],
    ['user ARN', { AWS: P.alice.arn }, P.alice, true, 'user'],
    ['user ARN is case-sensitive', { AWS: `arn:aws:iam::${ACCT}:user/alice` }, P.alice, false, undefined],
    ['role ARN → its sessions', { AWS: P.session.roleArn }, P.session, true, 'role'],
    ['session ARN → exactly that session', { AWS: P.session.arn }, P.session, true, 'session'],
    [
      'other session of the role',
      { AWS: `arn:aws:sts::${ACCT}:assumed-role/Dev/s2` },
      P.session,
      false,
      undefined,
    ],
    ['federated-user ARN', { AWS: P.fed.arn }, P.fed, true, 'federated-user'],
    ['Service', { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, P.ec2, true, 'service'],
    ['Service does not match a user', { Service: 'ec2.amazonaws.com' }, P.alice, false, undefined],
    ['Federated provider ARN', { Federated: P.github.arn }, P.github, true, 'federated'],
    ['most specific match is reported', { AWS: [ACCT, P.alice.arn] }, P.alice, true, 'user'],
  ];
  it.each(rows)('%s', (_name, principal, who, matched, via) => {
    const e = evaluatePolicy(trustFor(principal), req(who));
    expect(e.statements[0]?.principal?.matched).toBe(matched);
    expect(e.statements[0]?.principal?.via).toBe(via);
    expect(e.result).toBe(matched ? 'Allow' : 'NoMatch');
  });
  it('NotPrincipal matches principals that are not listed (resource policies)', () => {
    const p = policy(
      stmt({ Effect: 'Deny', NotPrincipal: { AWS: P.alice.arn }, Action: 's3:*', Resource: '*' }),
      'resource',
    );
    expect(evaluatePolicy(p, req(P.alice, ctx(), 's3:GetObject', 'arn:aws:s3:::b/k')).result).toBe('NoMatch');
    expect(evaluatePolicy(p, req(P.bobOther, ctx(), 's3:GetObject', 'arn:aws:s3:::b/k')).result).toBe('Deny');
  });
});

describe('Action / NotAction (reference_policies_elements_action, …_notaction)', () => {
  it.each([
    [{ Action: 'sts:AssumeRole' }, 'STS:assumerole', true],
    [{ Action: 'sts:Assume*' }, 'sts:AssumeRoleWithSAML', true],
    [{ Action: 'sts:AssumeRol?' }, 'sts:AssumeRole', true],
    [{ Action: 'sts:Get*' }, 'sts:AssumeRole', false],
    [{ NotAction: 'iam:*' }, 'sts:AssumeRole', true],
    [{ NotAction: 'sts:*' }, 'sts:AssumeRole', false],
  ])('%j on %s → %s', (element, action, expected) => {
    const p = policy(stmt({ Effect: 'Allow', ...element, Resource: '*' }));
    expect(evaluatePolicy(p, req(P.alice, ctx(), action)).result).toBe(expected ? 'Allow' : 'NoMatch');
  });
});

describe('Resource / NotResource with wildcards and variables (reference_policies_elements_resource)', () => {
  const bucket = (k: string) => `arn:aws:s3:::bucket/${k}`;
  it.each([
    [{ Resource: 'arn:aws:s3:::bucket/*' }, bucket('a'), true],
    [{ Resource: 'arn:aws:s3:::Bucket/*' }, bucket('a'), false], // case-sensitive
    [{ Resource: 'arn:aws:s3:::bucket/home/${aws:username}/*' }, bucket('home/Alice/x'), true],
    [{ Resource: 'arn:aws:s3:::bucket/home/${aws:username}/*' }, bucket('home/Bob/x'), false],
    [{ Resource: 'arn:aws:s3:::bucket/${aws:userid}' }, bucket('x'), false], // unresolved
    [{ NotResource: 'arn:aws:s3:::secret/*' }, bucket('a'), true],
    [{ NotResource: 'arn:aws:s3:::bucket/*' }, bucket('a'), false],
  ])('%j on %s → %s', (element, resource, expected) => {
    const p = policy(stmt({ Effect: 'Allow', Action: 's3:GetObject', ...element }));
    const e = evaluatePolicy(p, req(P.alice, ctx({ 'aws:username': 'Alice' }), 's3:GetObject', resource));
    expect(e.result).toBe(expected ? 'Allow' : 'NoMatch');
  });
});

describe('statements and conditions (evaluation-logic, condition element)', () => {
  const doc = {
    Statement: [
      { Sid: 'A', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      {
        Sid: 'D',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' },
          StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] },
        },
      },
    ],
  };
  it.each([
    [{ 'aws:MultiFactorAuthPresent': 'false', 'aws:RequestedRegion': 'us-east-1' }, 'Deny'], // a matching Deny wins
    [{ 'aws:MultiFactorAuthPresent': 'true', 'aws:RequestedRegion': 'us-east-1' }, 'Allow'], // operators AND
    [{ 'aws:RequestedRegion': 'ap-south-1' }, 'Allow'], // values OR: none listed
    [{ 'aws:RequestedRegion': 'eu-west-1' }, 'Deny'],
  ])('%j → %s', (context, result) => {
    const e = evaluatePolicy(policy(doc), req(P.alice, ctx(context)));
    expect(e.result).toBe(result);
    expect(e.statements[1]?.conditions).toHaveLength(2); // every condition evaluated, no short-circuit
  });
  it('a skipped statement never matches', () => {
    const { policy: p } = { policy: policy({ Statement: [] }) };
    p.statements.push({
      index: 0,
      effect: 'Allow',
      action: { not: false, patterns: ['*'] },
      resource: { not: false, patterns: ['*'] },
      conditions: [],
      skipped: 'x',
    });
    expect(evaluatePolicy(p, req(P.alice)).result).toBe('NoMatch');
  });
});
