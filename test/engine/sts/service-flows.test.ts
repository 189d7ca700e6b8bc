// Requests services make for a principal or as themselves, instance credentials, and service
// principals that pass session tags (issue 10's new scenarios), through the engine's public API.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call } from '../../../src/engine/index.js';
import { allow, assume, deny, DEV, last, policy, req, role, roleArn, trusts, user, world } from './worlds.js';

const BUCKET = 'arn:aws:s3:::data';
const OBJ = `${BUCKET}/a.csv`;
const APP = roleArn(DEV, 'App');

describe('aws:ViaAWSService and aws:CalledVia — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-viaawsservice', () => {
  const w = (statements: Record<string, unknown>[]) =>
    world({ users: [user('ana', DEV, { policies: [policy(...statements)] })] });
  const via = (services?: string[]): Call => ({
    ...req('user/ana', 's3:GetObject', OBJ),
    ...(services ? { via: services } : {}),
  });
  it.each([
    ['Bool ViaAWSService false denies a direct request', 'false', undefined, 'AccessDenied'],
    [
      'Bool ViaAWSService false lets a request Athena makes through',
      'false',
      ['athena.amazonaws.com'],
      undefined,
    ],
    [
      'Bool ViaAWSService true denies a request a service makes',
      'true',
      ['athena.amazonaws.com'],
      'AccessDenied',
    ],
    ['Bool ViaAWSService true lets a direct request through', 'true', undefined, undefined],
  ])('%s', (_t, value, services, code) => {
    const r = last(
      w([allow('s3:GetObject'), deny('*', '*', { Condition: { Bool: { 'aws:ViaAWSService': value } } })]),
      [via(services)],
    );
    expect(r.code).toBe(code);
  });
  it.each([
    ['Athena only', ['athena.amazonaws.com'], 'success'],
    ['CloudFormation then Athena', ['cloudformation.amazonaws.com', 'athena.amazonaws.com'], 'success'],
    ['Glue', ['glue.amazonaws.com'], 'error'],
    ['no service', undefined, 'error'],
  ])('ForAnyValue:StringEquals aws:CalledVia athena: %s', (_t, services, outcome) => {
    const only = allow('s3:GetObject', '*', {
      Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' } },
    });
    expect(last(w([only]), [via(services)]).outcome).toBe(outcome);
  });
  it('aws:CalledViaFirst and aws:CalledViaLast name the two ends of the chain', () => {
    const both = allow('s3:GetObject', '*', {
      Condition: {
        StringEquals: {
          'aws:CalledViaFirst': 'cloudformation.amazonaws.com',
          'aws:CalledViaLast': 'athena.amazonaws.com',
        },
      },
    });
    expect(last(w([both]), [via(['cloudformation.amazonaws.com', 'athena.amazonaws.com'])]).outcome).toBe(
      'success',
    );
    expect(last(w([both]), [via(['athena.amazonaws.com', 'cloudformation.amazonaws.com'])]).outcome).toBe(
      'error',
    );
  });
});

describe('a service principal acting as itself: aws:PrincipalIsAWSService, only the resource policy allows — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice', () => {
  const bucketWorld = (statements: Record<string, unknown>[]) =>
    world({
      accounts: [{ id: DEV }],
      resources: [{ arn: BUCKET, account: DEV, policy: policy(...statements) as never }],
    });
  const put = (as: string): Call =>
    req(as, 's3:PutObject', `${BUCKET}/AWSLogs/x.gz`, { 'aws:SourceAccount': DEV });
  const trail = allow('s3:PutObject', `${BUCKET}/*`, { Principal: { Service: 'cloudtrail.amazonaws.com' } });
  it.each([
    ['the bucket policy names the service', [trail], 'service/cloudtrail.amazonaws.com', 'success'],
    ['the bucket policy names another service', [trail], 'service/config.amazonaws.com', 'error'],
    [
      'a perimeter deny exempts services with BoolIfExists PrincipalIsAWSService false',
      [
        trail,
        deny('s3:*', `${BUCKET}/*`, {
          Principal: '*',
          Condition: {
            StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-x1y2z3a4b5' },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
        }),
      ],
      'service/cloudtrail.amazonaws.com',
      'success',
    ],
    [
      'the same deny without the exemption blocks the service',
      [
        trail,
        deny('s3:*', `${BUCKET}/*`, {
          Principal: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-x1y2z3a4b5' } },
        }),
      ],
      'service/cloudtrail.amazonaws.com',
      'error',
    ],
  ])('%s', (_t, statements, as, outcome) => {
    expect(last(bucketWorld(statements as Record<string, unknown>[]), [put(as)]).outcome).toBe(outcome);
  });
  it('a service principal still cannot call STS APIs other than AssumeRole', () => {
    expect(
      last(bucketWorld([trail]), [{ api: 'GetCallerIdentity', as: 'service/cloudtrail.amazonaws.com' }]).code,
    ).toBe('InvalidClientTokenId');
  });
});

describe('EC2 instance credentials carry aws:EC2InstanceSourceVPC / aws:EC2InstanceSourcePrivateIPv4 — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-ec2instancesourcevpc', () => {
  const INSTANCE = {
    'aws:EC2InstanceSourceVPC': 'vpc-0a1b2c3d',
    'aws:EC2InstanceSourcePrivateIPv4': '10.0.1.5',
    'ec2:SourceInstanceARN': `arn:aws:ec2:us-east-1:${DEV}:instance/i-0abc`,
  };
  const stayHome = deny('*', '*', {
    Condition: {
      StringNotEquals: { 'aws:SourceVpc': '${aws:EC2InstanceSourceVPC}' },
      Null: { 'ec2:SourceInstanceARN': 'false' },
    },
  });
  const w = world({
    users: [user('ana', DEV, { policies: [policy(allow('*'))] })],
    roles: [
      role(
        'App',
        DEV,
        [
          trusts({ Service: 'ec2.amazonaws.com' }),
          trusts({ AWS: DEV }),
          trusts({ Service: 'ecs-tasks.amazonaws.com' }),
        ],
        {
          policies: [policy(allow('*'), stayHome)],
        },
      ),
      role('Next', DEV, [trusts({ AWS: DEV })], { policies: [policy(allow('*'), stayHome)] }),
    ],
  });
  const ec2 = (service = 'ec2.amazonaws.com'): [string, Call] => [
    'i',
    assume(`service/${service}`, APP, { RoleSessionName: 'i-0abc' }, { context: INSTANCE }),
  ];
  it.each([
    ['through its own VPC endpoint', ec2(), { 'aws:SourceVpc': 'vpc-0a1b2c3d' }, 'success'],
    ['from another VPC', ec2(), { 'aws:SourceVpc': 'vpc-99999999' }, 'error'],
    ['from the internet (no aws:SourceVpc)', ec2(), { 'aws:SourceIp': '203.0.113.9' }, 'error'],
    [
      'sessions other services assume carry no instance keys',
      ec2('ecs-tasks.amazonaws.com'),
      { 'aws:SourceIp': '203.0.113.9' },
      'success',
    ],
  ])('%s', (_t, mint, context, outcome) => {
    expect(last(w, [mint as [string, Call], req('$i', 's3:GetObject', OBJ, context)]).outcome).toBe(outcome);
  });
  it('the keys are not in the trust evaluation of the AssumeRole call itself', () => {
    const needsKey = world({
      roles: [
        role('App', DEV, [
          trusts({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole', {
            Null: { 'aws:EC2InstanceSourceVPC': 'false' },
          }),
        ]),
      ],
    });
    expect(last(needsKey, [ec2()[1]]).code).toBe('AccessDenied');
  });
  it('a role chained from instance credentials does not inherit them', () => {
    const r = last(w, [
      ec2(),
      ['n', assume('$i', roleArn(DEV, 'Next'), {}, { context: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } })],
      req('$n', 's3:GetObject', OBJ, { 'aws:SourceIp': '203.0.113.9' }),
    ]);
    expect(r.outcome).toBe('success');
  });
});

describe('services that pass session tags: Roles Anywhere tags are principal tags in the trust policy — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html', () => {
  const CN = 'aws:PrincipalTag/x509Subject/CN';
  const w = (principal: Record<string, string>) =>
    world({
      users: [user('ana', DEV, { policies: [policy(allow(['sts:AssumeRole', 'sts:TagSession']))] })],
      roles: [
        role('App', DEV, [
          trusts(principal, ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], {
            StringEquals: { [CN]: 'host-1' },
          }),
        ]),
      ],
    });
  const tags = (cn: string) => ({ Tags: [{ Key: 'x509Subject/CN', Value: cn }], SourceIdentity: cn });
  it.each([
    [
      'Roles Anywhere with the right CN',
      { Service: 'rolesanywhere.amazonaws.com' },
      'service/rolesanywhere.amazonaws.com',
      'host-1',
      'success',
    ],
    [
      'Roles Anywhere with another CN',
      { Service: 'rolesanywhere.amazonaws.com' },
      'service/rolesanywhere.amazonaws.com',
      'host-2',
      'error',
    ],
    [
      'EKS Pod Identity: its tags are request tags, not principal tags',
      { Service: 'pods.eks.amazonaws.com' },
      'service/pods.eks.amazonaws.com',
      'host-1',
      'error',
    ],
    ['an IAM user passing the same tags: they are request tags', { AWS: DEV }, 'user/ana', 'host-1', 'error'],
  ])('%s', (_t, principal, as, cn, outcome) => {
    expect(last(w(principal), [assume(as, APP, tags(cn))]).outcome).toBe(outcome);
  });
  it('the session keeps the tags and the source identity', () => {
    const r = last(w({ Service: 'rolesanywhere.amazonaws.com' }), [
      assume('service/rolesanywhere.amazonaws.com', APP, tags('host-1')),
    ]);
    expect(r.view).toMatchObject({ tags: { 'x509Subject/CN': 'host-1' }, sourceIdentity: 'host-1' });
  });
});

describe('revoking sessions: iam:PutRolePolicy adds a deny on aws:TokenIssueTime — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html', () => {
  const w = world({
    users: [
      user('ci', DEV, { policies: [policy(allow('sts:AssumeRole'))] }),
      user('sec', DEV, { policies: [policy(allow('iam:PutRolePolicy', `arn:aws:iam::${DEV}:role/*`))] }),
    ],
    roles: [role('App', DEV, [trusts({ AWS: DEV })], { policies: [policy(allow('s3:*'))] })],
  });
  const revoke = (as: string, at: string, roleName = 'App'): Call => ({
    api: 'Request',
    as,
    action: 'iam:PutRolePolicy',
    resource: roleArn(DEV, roleName),
    params: {
      PolicyName: 'AWSRevokeOlderSessions',
      PolicyDocument: policy(deny('*', '*', { Condition: { DateLessThan: { 'aws:TokenIssueTime': at } } })),
    },
  });
  const AT = '2026-01-15T09:30:00Z';
  it.each([
    ['a session issued before the revocation is denied', 'old', 'AccessDenied'],
    ['a session issued after the revocation works', 'new', undefined],
  ])('%s', (_t, which, code) => {
    const e = createEngine(w);
    e.call(assume('user/ci', APP), { id: 'old' });
    e.advance(1800);
    expect(e.call(revoke('user/sec', AT)).outcome).toBe('success');
    e.advance(60);
    e.call(assume('user/ci', APP), { id: 'new' });
    expect(e.call(req(`$${which}`, 's3:GetObject', OBJ)).code).toBe(code);
  });
  it('needs iam:PutRolePolicy, and the role must exist', () => {
    expect(last(w, [revoke('user/ci', AT)]).code).toBe('AccessDenied');
    expect(last(w, [revoke('user/sec', AT, 'Nope')])).toMatchObject({
      code: 'NoSuchEntity',
      message: 'The role with name Nope cannot be found.',
    });
  });
  it('a fork taken before the revocation is not affected by it', () => {
    const e = createEngine(w);
    e.call(assume('user/ci', APP), { id: 'old' });
    const before = e.fork();
    e.advance(1800);
    e.call(revoke('user/sec', AT));
    expect(e.call(req('$old', 's3:GetObject', OBJ)).outcome).toBe('error');
    expect(before.call(req('$old', 's3:GetObject', OBJ)).outcome).toBe('success');
  });
});
