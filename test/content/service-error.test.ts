import { describe, expect, it } from 'vitest';
import {
  operationName,
  protocolOf,
  serviceDenial,
  wireError,
  type ServiceProtocol,
  type WireError,
} from '../../src/content/service-error.js';

const MSG = 'User: arn:aws:iam::111111111111:user/dana is not authorized to perform: x:Y on resource: *';

describe('a request to another service, as the service answers it', () => {
  it('knows EC2, the JSON services and leaves the rest to AccessDenied', () => {
    expect(protocolOf('ec2')).toBe('ec2');
    expect(protocolOf('EC2')).toBe('ec2');
    for (const s of ['dynamodb', 'ecs', 'cloudtrail', 'kms', 'logs', 'secretsmanager', 'ssm'])
      expect(protocolOf(s)).toBe('json');
    expect(protocolOf('s3')).toBe('s3');
    // A pack's action is untrusted: names on every object's prototype are not services.
    for (const s of ['iam', 'sns', 'lambda', '', 'constructor', '__proto__', 'toString'])
      expect(protocolOf(s)).toBe('other');
  });

  const EXPIRED = 'The security token included in the request is expired';
  it.each<[ServiceProtocol, string, string, WireError]>([
    [
      'ec2',
      'AccessDenied',
      MSG,
      {
        code: 'UnauthorizedOperation',
        message: `You are not authorized to perform this operation. ${MSG}`,
        status: 403,
      },
    ],
    ['json', 'AccessDenied', MSG, { code: 'AccessDeniedException', message: MSG, status: 400 }],
    ['other', 'AccessDenied', MSG, { code: 'AccessDenied', message: MSG, status: 403 }],
    ['s3', 'AccessDenied', MSG, { code: 'AccessDenied', message: MSG, status: 403 }],
    [
      'ec2',
      'ExpiredToken',
      EXPIRED,
      { code: 'RequestExpired', message: 'Request has expired.', status: 400 },
    ],
    [
      's3',
      'ExpiredToken',
      EXPIRED,
      { code: 'ExpiredToken', message: 'The provided token has expired.', status: 400 },
    ],
    ['json', 'ExpiredToken', EXPIRED, { code: 'ExpiredTokenException', message: EXPIRED, status: 400 }],
    // the Query services word it as STS does; other errors keep the engine's words everywhere
    ['other', 'ExpiredToken', EXPIRED, { code: 'ExpiredToken', message: EXPIRED, status: 403 }],
    ['ec2', 'InvalidClientTokenId', 'x', { code: 'InvalidClientTokenId', message: 'x', status: 403 }],
    ['json', 'InvalidClientTokenId', 'x', { code: 'InvalidClientTokenId', message: 'x', status: 403 }],
    ['s3', 'InvalidClientTokenId', 'x', { code: 'InvalidClientTokenId', message: 'x', status: 403 }],
  ])('%s words %s as the service sends it', (protocol, code, message, wire) => {
    expect(wireError(protocol, code, message, 403)).toEqual(wire);
  });

  it("names the CLI's operation: the action's name, or S3's where its API differs", () => {
    expect(operationName('s3:GetObject')).toBe('GetObject');
    expect(operationName('s3:ListBucket')).toBe('ListObjectsV2');
    expect(operationName('S3:listbucket')).toBe('ListObjectsV2');
    expect(operationName('s3:ListAllMyBuckets')).toBe('ListBuckets');
    expect(operationName('ec2:stopInstances')).toBe('StopInstances');
    expect(operationName('dynamodb:Scan')).toBe('Scan');
  });

  it('says which service renamed the denial, and only then', () => {
    expect(serviceDenial('ec2:StopInstances', 'AccessDenied', MSG, 403)).toMatchObject({
      code: 'UnauthorizedOperation',
      operation: 'StopInstances',
      renamedBy: 'EC2',
    });
    expect(serviceDenial('kms:Decrypt', 'AccessDenied', MSG, 403)).toMatchObject({
      code: 'AccessDeniedException',
      status: 400,
      operation: 'Decrypt',
      renamedBy: 'KMS',
    });
    const s3 = serviceDenial('s3:PutObject', 'AccessDenied', MSG, 403);
    expect(s3).toEqual({ code: 'AccessDenied', message: MSG, status: 403, operation: 'PutObject' });
    expect(serviceDenial('ec2:StopInstances', 'InvalidClientTokenId', 'x', 403)).not.toHaveProperty(
      'renamedBy',
    );
    expect(serviceDenial('iam:ListUsers', 'ExpiredToken', 'x', 403)).not.toHaveProperty('renamedBy');
    // S3 keeps the code but not the status or the words
    expect(serviceDenial('s3:GetObject', 'ExpiredToken', 'x', 403)).toMatchObject({
      code: 'ExpiredToken',
      status: 400,
      renamedBy: 'S3',
    });
    expect(serviceDenial('ecs:DescribeServices', 'ExpiredToken', 'x', 403)).toMatchObject({
      code: 'ExpiredTokenException',
      renamedBy: 'ECS',
    });
  });
});
