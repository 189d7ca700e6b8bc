// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/engine/policy/evaluate.js';
import type { NormalizedPolicy } from '../../../src/engine/policy/types.js';
import { ACCT, ctx, policy, principals as P, req, stmt } from './helpers.js';

// Principal matching has its own tables: principal.test.ts.

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
  it.each([
    [
      { Action: ['s3:*', 'sts:Assume*', 'sts:*'] },
      { element: 'Action', matched: true, value: 'sts:Assume*' },
    ],
    [{ Action: ['s3:*', 'iam:*'] }, { element: 'Action', matched: false }],
    [{ NotAction: ['s3:*', 'STS:*'] }, { element: 'NotAction', matched: false, value: 'STS:*' }],
    [{ NotAction: ['s3:*', 'iam:*'] }, { element: 'NotAction', matched: true }],
  ])('%j reports the pattern that decided: %j', (element, expected) => {
    const p = policy(stmt({ Effect: 'Allow', ...element, Resource: '*' }));
    expect(evaluatePolicy(p, req(P.alice)).statements[0]?.action).toEqual(expected);
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
  const HOME = 'arn:aws:s3:::bucket/home/${aws:username}/*';
  const UNRESOLVED = 'arn:aws:s3:::bucket/${aws:userid}/*';
  it.each([
    // the pattern is reported as written, before substitution
    [{ Resource: HOME }, bucket('home/Alice/x'), { element: 'Resource', matched: true, value: HOME }],
    // an unresolvable pattern matches nothing, the next pattern still can
    [
      { Resource: [UNRESOLVED, HOME] },
      bucket('home/Alice/x'),
      { element: 'Resource', matched: true, value: HOME },
    ],
    [{ Resource: [UNRESOLVED] }, bucket('x/y'), { element: 'Resource', matched: false }],
    [
      { Resource: ['arn:aws:s3:::other/*', 'arn:aws:s3:::bucket/*'] },
      bucket('k'),
      { element: 'Resource', matched: true, value: 'arn:aws:s3:::bucket/*' },
    ],
    [
      { NotResource: ['arn:aws:s3:::other/*', 'arn:aws:s3:::bucket/*'] },
      bucket('k'),
      { element: 'NotResource', matched: false, value: 'arn:aws:s3:::bucket/*' },
    ],
    [{ NotResource: 'arn:aws:s3:::other/*' }, bucket('k'), { element: 'NotResource', matched: true }],
    // an unresolvable variable in NotResource makes the statement not apply (it could name anything)
    [{ NotResource: UNRESOLVED }, bucket('k'), { element: 'NotResource', matched: false }],
    [
      { NotResource: [UNRESOLVED, 'arn:aws:s3:::other/*'] },
      bucket('k'),
      { element: 'NotResource', matched: false },
    ],
  ])('%j on %s → %j', (element, resource, expected) => {
    const p = policy(stmt({ Effect: 'Allow', Action: 's3:GetObject', ...element }));
    const e = evaluatePolicy(p, req(P.alice, ctx({ 'aws:username': 'Alice' }), 's3:GetObject', resource));
    expect(e.statements[0]?.resource).toStrictEqual(expected);
  });
  it('a Deny on NotResource with an unresolvable variable denies nothing', () => {
    const p = policy(stmt({ Effect: 'Deny', Action: '*', NotResource: UNRESOLVED }));
    expect(evaluatePolicy(p, req(P.alice, ctx(), 's3:GetObject', bucket('k'))).result).toBe('NoMatch');
  });
});

describe('several matching statements: Deny wins, the most specific Allow is reported (evaluation-logic)', () => {
  const allowS3 = (Sid: string, extra: Record<string, unknown> = {}) => ({
    Sid,
    Effect: 'Allow',
    Action: 's3:*',
    Resource: '*',
    ...extra,
  });
  const get = (p: NormalizedPolicy, who = P.alice) =>
    evaluatePolicy(p, req(who, ctx(), 's3:GetObject', 'arn:aws:s3:::b/k'));
  it('two matching Allows in one identity policy: Allow, and the first is reported', () => {
    const e = get(policy({ Statement: [allowS3('One'), allowS3('Two')] }));
    expect(e.result).toBe('Allow');
    expect(e.matchedAllow?.sid).toBe('One');
    expect(e.statements.map((s) => [s.sid, s.matched])).toEqual([
      ['One', true],
      ['Two', true],
    ]);
  });
  it('an Allow that does not match is never reported', () => {
    const e = get(policy({ Statement: [allowS3('No', { Action: 'iam:*' }), allowS3('Yes')] }));
    expect(e.matchedAllow?.sid).toBe('Yes');
  });
  it.each([
    ['account, then user', [ACCT, P.alice.arn], 'User'],
    ['user, then account', [P.alice.arn, ACCT], 'User'],
    ['wildcard, then account', ['*', ACCT], 'Account'],
    ['account, then account', [ACCT, ACCT], 'Account'],
  ])('resource policy, principals %s: the statement with the most specific principal', (_n, [a, b], sid) => {
    const e = get(
      policy(
        {
          Statement: [
            allowS3(a === P.alice.arn ? 'User' : a === ACCT ? 'Account' : 'Any', { Principal: { AWS: a } }),
            allowS3(b === P.alice.arn ? 'User' : 'Account', { Principal: { AWS: b } }),
          ],
        },
        'resource',
      ),
    );
    expect(e.result).toBe('Allow');
    expect(e.matchedAllow?.sid).toBe(sid);
    expect(e.matchedAllow?.index).toBe(e.statements.find((s) => s.sid === sid)?.index);
  });
  it.each([
    [['Allow', 'Deny'], 'Deny'],
    [['Deny', 'Allow'], 'Deny'],
    [['Allow', 'Allow'], 'Allow'],
    [['Deny', 'Deny'], 'Deny'],
  ])('%j → %s, and the matching Allow is still reported', (effects, result) => {
    const e = get(policy({ Statement: effects.map((Effect, i) => ({ ...allowS3(`S${i}`), Effect })) }));
    expect(e.result).toBe(result);
    const firstAllow = effects.indexOf('Allow');
    expect(e.matchedAllow?.index).toBe(firstAllow < 0 ? undefined : firstAllow);
  });
  it('an Allow that names the principal is reported over one that matches by NotPrincipal', () => {
    const e = get(
      policy(
        {
          Statement: [
            allowS3('AllButBob', { NotPrincipal: { AWS: P.bobOther.arn } }),
            allowS3('Account', { Principal: { AWS: ACCT } }),
          ],
        },
        'resource',
      ),
    );
    expect(e.matchedAllow?.sid).toBe('Account');
  });
  it('a Deny that does not match leaves the Allow', () => {
    const e = get(
      policy({ Statement: [allowS3('A'), { ...allowS3('D', { Action: 'iam:*' }), Effect: 'Deny' }] }),
    );
    expect(e.result).toBe('Allow');
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
  it.each([false, true])('a skipped statement never matches (NotAction: %s)', (not) => {
    const p = policy({ Statement: [] });
    p.statements.push({
      index: 0,
      sid: 'Broken',
      effect: 'Allow',
      action: { not, patterns: ['*'] },
      resource: { not: false, patterns: ['*'] },
      conditions: [],
      skipped: 'invalid-condition',
    });
    const e = evaluatePolicy(p, req(P.alice));
    expect(e.result).toBe('NoMatch');
    expect(e.statements).toEqual([
      {
        index: 0,
        sid: 'Broken',
        effect: 'Allow',
        action: { element: not ? 'NotAction' : 'Action', matched: false },
        conditions: [],
        matched: false,
        skipped: 'invalid-condition',
      },
    ]);
  });
  it('a condition whose operator is not known never matches', () => {
    const p = policy({ Statement: [] });
    p.statements.push({
      index: 0,
      effect: 'Allow',
      action: { not: false, patterns: ['*'] },
      resource: { not: false, patterns: ['*'] },
      conditions: [{ operator: 'StringEqual', key: 'aws:username', values: ['Alice'] }],
    });
    const e = evaluatePolicy(p, req(P.alice, ctx({ 'aws:username': 'Alice' })));
    expect(e.result).toBe('NoMatch');
    expect(e.statements[0]?.conditions).toEqual([
      {
        operator: 'StringEqual',
        key: 'aws:username',
        policyValues: ['Alice'],
        requestValues: null,
        matched: false,
        absent: true,
        perValue: [{ value: 'Alice', matched: false }],
        reason: 'unknown-operator',
      },
    ]);
  });
  it('a trust statement has no Resource element to report', () => {
    const e = evaluatePolicy(
      policy(stmt({ Effect: 'Allow', Principal: { AWS: ACCT }, Action: 'sts:AssumeRole' }), 'trust'),
      req(P.alice),
    );
    expect(e.statements).toStrictEqual([
      {
        index: 0,
        effect: 'Allow',
        principal: { element: 'Principal', matched: true, value: ACCT, via: 'account' },
        action: { element: 'Action', matched: true, value: 'sts:AssumeRole' },
        conditions: [],
        matched: true,
      },
    ]);
  });
  it('a statement reports its index, Sid and effect, and only the elements it has', () => {
    const e = evaluatePolicy(
      policy({
        Statement: [
          { Effect: 'Deny', Action: 's3:*', Resource: '*' },
          { Sid: 'T', Effect: 'Allow', Action: '*', Resource: '*' },
        ],
      }),
      req(P.alice),
    );
    expect(e.statements).toStrictEqual([
      {
        index: 0,
        effect: 'Deny',
        action: { element: 'Action', matched: false },
        resource: { element: 'Resource', matched: true, value: '*' },
        conditions: [],
        matched: false,
      },
      {
        index: 1,
        sid: 'T',
        effect: 'Allow',
        action: { element: 'Action', matched: true, value: '*' },
        resource: { element: 'Resource', matched: true, value: '*' },
        conditions: [],
        matched: true,
      },
    ]);
    expect(e).toMatchObject({
      ref: { kind: 'named', name: 'identity-policy' },
      kind: 'identity',
      result: 'Allow',
    });
  });
});
