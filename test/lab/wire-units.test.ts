// The lab's wire pieces on their own: Query flattening, SigV4 canonical forms, token round trips, loopback.
import { describe, expect, it } from 'vitest';
import { parseForm, queryParams, unflatten } from '../../src/lab/query.js';
import { isLoopback } from '../../src/lab/server.js';
import { serviceCall, type ServiceRequest } from '../../src/lab/services.js';
import {
  canonicalPath,
  canonicalQuery,
  parseAuthorization,
  MalformedAuthorization,
} from '../../src/lab/sigv4.js';
import { IdpKeys, mintSaml, readSaml } from '../../src/lab/tokens.js';
import { escapeXml } from '../../src/lab/xml.js';

describe('Query parameters', () => {
  it('rebuilds flattened lists in member order', () => {
    const form = parseForm(
      'Action=AssumeRole&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1' +
        '&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess&TransitiveTagKeys.member.1=a' +
        '&RoleSessionName=a+b',
    );
    expect(queryParams(form)).toEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      TransitiveTagKeys: ['a'],
      RoleSessionName: 'a b',
    });
  });

  it('never lets a parameter name reach a prototype, and keeps malformed escapes as sent', () => {
    const params = unflatten(parseForm('__proto__.polluted=1&a.constructor.prototype.x=1&Name=%E0%A4%A'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(params.Name).toBe('%E0%A4%A');
  });

  it('drops a name with a prototype part whole: it cannot land on a real parameter', () => {
    // Given a smuggled constructor.RoleSessionName after the real one, When read, Then the real one stays
    const params = unflatten(
      parseForm('RoleSessionName=good-name&constructor.RoleSessionName=smuggled&prototype.x.Name=y'),
    );
    expect(params).toEqual({ RoleSessionName: 'good-name' });
  });

  it('flat parameters (no list, no nesting) come out as unflatten gives them, prototype names dropped', () => {
    const form = parseForm('Action=GetCallerIdentity&__proto__=1&constructor=2&RoleSessionName=a+b&member=m');
    const params = queryParams(form);
    expect(params).toEqual(unflatten(new Map([...form].filter(([k]) => k !== 'Action'))));
    expect(params).toEqual({ RoleSessionName: 'a b', member: 'm' });
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});

describe('SigV4 canonical forms', () => {
  it('sorts and re-encodes the query; other services double-encode the path, S3 does not', () => {
    expect(canonicalQuery('b=2&a=x%20y&a=1&X-Amz-Signature=zz')).toBe('a=1&a=x%20y&b=2');
    expect(canonicalPath('/a%20b/c', 'ecs')).toBe('/a%2520b/c');
    expect(canonicalPath('/a%20b/c', 's3')).toBe('/a%20b/c');
  });

  it('reads the Authorization header and refuses broken ones', () => {
    expect(
      parseAuthorization(
        'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260302/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc',
      ),
    ).toEqual({
      accessKeyId: 'AKIAEXAMPLE',
      date: '20260302',
      region: 'us-east-1',
      service: 'sts',
      signedHeaders: ['host', 'x-amz-date'],
      signature: 'abc',
    });
    expect(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=A/B')).toThrow(MalformedAuthorization);
    expect(() => parseAuthorization('Basic dXNlcg==')).toThrow(/Unsupported AWS 'algorithm'/);
    // a space in the access key leaves a fragment without `=`: AWS names it (IncompleteSignature)
    const spaced =
      'AWS4-HMAC-SHA256 Credential=AKIA X/20261203/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=abc';
    expect(() => parseAuthorization(spaced)).toThrow(
      `'X/20261203/us-east-1/sts/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '${spaced}'.`,
    );
  });
});

describe('SAML responses minted by the lab', () => {
  const keys = new IdpKeys();
  const assertion = {
    issuer: 'http://www.okta.com/exk1',
    signedBy: 'Okta',
    subject: 'priya@example.com',
    audience: 'https://signin.aws.amazon.com/saml',
    roles: ['arn:aws:iam::333333333333:role/R,arn:aws:iam::333333333333:saml-provider/Okta'],
    sessionDuration: 7200,
    notOnOrAfter: '+5m',
    tags: { team: 'finance & ops' },
  };
  const now = Date.parse('2026-03-02T09:00:00Z');

  it('round-trips into the engine’s assertion shape, signed by the IdP', () => {
    const read = readSaml(mintSaml(assertion, now, keys), keys);
    expect(read).toEqual({
      ...assertion,
      subjectType: 'persistent',
      recipient: 'https://signin.aws.amazon.com/saml',
      notOnOrAfter: '2026-03-02T09:05:00.000Z',
    });
  });

  it('carries the Recipient a step (or a what-if) gives, under the signature', () => {
    const payroll = { ...assertion, recipient: 'https://payroll.example/saml/acs?a="b"' };
    const minted = mintSaml(payroll, now, keys);
    const read = readSaml(minted, keys);
    expect(read?.recipient).toBe(payroll.recipient);
    expect(read?.signedBy).toBe('Okta');
    const xml = Buffer.from(minted, 'base64').toString();
    expect(xml).toContain('Recipient="https://payroll.example/saml/acs?a=&quot;b&quot;"');
    const edited = xml.replace('https://payroll.example/', 'https://signin.aws.amazon.com/');
    expect(readSaml(Buffer.from(edited).toString('base64'), keys)?.signedBy).toBe(
      '(signature does not verify)',
    );
  });

  it('an edited assertion no longer verifies; text that is not SAML is not read', () => {
    const xml = Buffer.from(mintSaml(assertion, now, keys), 'base64').toString();
    const edited = Buffer.from(xml.replace('priya@example.com', 'admin@example.com')).toString('base64');
    expect(readSaml(edited, keys)?.signedBy).toBe('(signature does not verify)');
    expect(readSaml('not base64 at all!', keys)).toBeUndefined();
  });
});

it.each([
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['::1', true],
  ['localhost', true],
  ['0.0.0.0', false],
  ['192.168.1.5', false],
  ['::', false],
  ['example.com', false],
])('isLoopback(%s) is %s', (host, expected) => {
  expect(isLoopback(host)).toBe(expected);
});

describe('requests to other services as IAM actions', () => {
  const json = (service: string, target: string, body: object): ServiceRequest => ({
    method: 'POST',
    path: '/',
    host: '127.0.0.1:1',
    query: new Map(),
    body: JSON.stringify(body),
    contentType: 'application/x-amz-json-1.1',
    target,
    service,
    region: 'eu-north-1',
    account: '343434343434',
  });
  const mapped = (req: ServiceRequest) => {
    const c = serviceCall(req, new Map());
    return typeof c === 'string' ? c : `${c.action} ${c.resource}`;
  };

  it('names the resource a JSON request is about: an ECS service, a DynamoDB table, a CloudTrail trail', () => {
    expect(
      mapped(
        json('ecs', 'AmazonEC2ContainerServiceV20141113.UpdateService', { cluster: 'prod', service: 'api' }),
      ),
    ).toBe('ecs:UpdateService arn:aws:ecs:eu-north-1:343434343434:service/prod/api');
    expect(mapped(json('dynamodb', 'DynamoDB_20120810.Scan', { TableName: 'Orders' }))).toBe(
      'dynamodb:Scan arn:aws:dynamodb:eu-north-1:343434343434:table/Orders',
    );
    const trail = 'arn:aws:cloudtrail:eu-north-1:343434343434:trail/org-trail';
    expect(mapped(json('cloudtrail', 'CloudTrail_20131101.StopLogging', { Name: trail }))).toBe(
      `cloudtrail:StopLogging ${trail}`,
    );
    expect(mapped(json('cloudtrail', 'CloudTrail_20131101.StopLogging', { Name: 'org-trail' }))).toBe(
      `cloudtrail:StopLogging ${trail}`,
    );
    expect(mapped(json('cloudtrail', 'CloudTrail_20131101.LookupEvents', {}))).toBe(
      'cloudtrail:LookupEvents *',
    );
  });

  it("answers a denial in each protocol's own words, as learn shows it (content/service-error.ts)", () => {
    const why = 'User: arn:aws:iam::343434343434:user/lena is not authorized to perform: x on resource: *';
    const denied = (req: ServiceRequest, form = new Map<string, string>()) => {
      const c = serviceCall(req, form);
      if (typeof c === 'string') throw new Error(c);
      return c.denied('AccessDenied', why, 403, 'req-1');
    };
    const dynamo = denied(json('dynamodb', 'DynamoDB_20120810.Scan', { TableName: 'Orders' }));
    expect(dynamo.status).toBe(400);
    expect(JSON.parse(dynamo.body)).toEqual({ __type: 'AccessDeniedException', message: why });

    const query = (service: string, form: Record<string, string>) =>
      denied(
        { ...json(service, '', {}), target: undefined, contentType: 'application/x-www-form-urlencoded' },
        new Map(Object.entries(form)),
      );
    const ec2 = query('ec2', { Action: 'StopInstances', Version: '2016-11-15', 'InstanceId.1': 'i-1' });
    expect(ec2.status).toBe(403);
    expect(ec2.body).toContain(
      `<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. ${why}</Message>`,
    );
    const iam = query('iam', { Action: 'CreateUser', Version: '2010-05-08', UserName: 'x' });
    expect(iam.status).toBe(403);
    expect(iam.body).toContain(`<Code>AccessDenied</Code><Message>${why}</Message>`);
  });
});

describe('XML text', () => {
  it('escapes markup, keeps CR as a reference, and writes what XML cannot carry as text', () => {
    // Given characters XML 1.0 forbids even as references, When escaped, Then a parser can read the result
    expect(escapeXml('a<b>&c\rd')).toBe('a&lt;b&gt;&amp;c&#13;d');
    expect(escapeXml('sub\u001b]0;x\u0007\u0001\ufffe\uffff')).toBe('sub\\e]0;x\\a\\u0001\\ufffe\\uffff');
    expect(escapeXml('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
  });
});
