// The wire protocol as the lab speaks it, with raw HTTP: Query bodies, GET, errors, limits, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY } from '../../src/lab/server.js';
import { signedHeaders, startLab, type Running } from './helpers.js';

let r: Running;
beforeAll(async () => {
  r = await startLab('cross-account-assume-role');
});
afterAll(() => r.server.close());

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

/** A SigV4-signed POST (or unsigned when `as` is undefined). */
async function post(body: string, as?: string, extra: Record<string, string> = {}) {
  const headers = as
    ? signedHeaders({ url: r.server.url, method: 'POST', path: '/', body, service: 'sts' }, r.key(as), {
        'content-type': FORM,
        ...extra,
      })
    : { 'content-type': FORM, ...extra };
  const res = await fetch(r.server.url, { method: 'POST', headers, body });
  return { status: res.status, requestId: res.headers.get('x-amzn-requestid'), text: await res.text() };
}

describe('Query requests', () => {
  it('answers a signed POST with the AWS response shape and a request id header', async () => {
    const res = await post('Action=GetCallerIdentity&Version=2011-06-15', 'user/dana');
    expect(res.status).toBe(200);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        '  <GetCallerIdentityResult>\n' +
        `    <UserId>${r.lab.engine.call({ api: 'GetCallerIdentity', as: 'user/dana' }).view!.userId}</UserId>\n` +
        '    <Account>111111111111</Account>\n' +
        '    <Arn>arn:aws:iam::111111111111:user/dana</Arn>\n' +
        '  </GetCallerIdentityResult>\n' +
        `  <ResponseMetadata>\n    <RequestId>${res.requestId}</RequestId>\n  </ResponseMetadata>\n` +
        '</GetCallerIdentityResponse>\n',
    );
  });

  it('answers a request whose headers are called constructor and __proto__ like any other', async () => {
    // Given headers whose names are Object.prototype's, When GetCallerIdentity is sent, Then it succeeds
    const res = await post('Action=GetCallerIdentity&Version=2011-06-15', 'user/dana', {
      constructor: 'x',
      ['__proto__']: 'y',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Arn>arn:aws:iam::111111111111:user/dana</Arn>');
  });

  it('reads flattened lists: Tags.member.N.Key (the trust policy lacks sts:TagSession, so the call says so)', async () => {
    const res = await post(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FReportReader' +
        '&RoleSessionName=tagged&Tags.member.1.Key=team&Tags.member.1.Value=red',
      'user/dana',
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain(
      '<Message>User: arn:aws:iam::111111111111:user/dana is not authorized to perform: sts:TagSession on resource: arn:aws:iam::222222222222:role/ReportReader</Message>',
    );
  });

  it('writes errors as ErrorResponse with Type Sender, the code, the message and the request id', async () => {
    const res = await post(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FReportReader',
      'user/dana',
    );
    expect(res.status).toBe(400);
    expect(res.text).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        '  <Error>\n    <Type>Sender</Type>\n    <Code>ValidationError</Code>\n' +
        "    <Message>1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null</Message>\n" +
        `  </Error>\n  <RequestId>${res.requestId}</RequestId>\n</ErrorResponse>\n`,
    );
  });

  it('answers GET with a query string too', async () => {
    const res = await fetch(`${r.server.url}/?Action=GetCallerIdentity&Version=2011-06-15`);
    // Unsigned: GetCallerIdentity needs a signature (docs/decisions.md#error-messages).
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it.each([
    ['an unknown action', 'Action=ListBuckets&Version=2011-06-15', 400, 'InvalidAction'],
    ['another version', 'Action=GetCallerIdentity&Version=2010-01-01', 400, 'InvalidAction'],
    ['no action at all', 'Version=2011-06-15', 400, 'MissingAction'],
    ['a malformed body', '%%%&&==&Action=%E0%A4%A', 400, 'InvalidAction'],
    ['binary garbage', '\u0000\u00ff\u0001<xml>', 400, 'MissingAction'],
  ])('refuses %s without crashing', async (_what, body, status, code) => {
    const res = await post(body, 'user/dana');
    expect(res.status).toBe(status);
    expect(res.text).toContain(`<Code>${code}</Code>`);
    // …and keeps serving.
    expect((await post('Action=GetCallerIdentity&Version=2011-06-15', 'user/dana')).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post(
      `Action=GetCallerIdentity&Version=2011-06-15&Policy=${'x'.repeat(MAX_BODY)}`,
      'user/dana',
    );
    expect(res.status).toBe(413);
    expect((await post('Action=GetCallerIdentity&Version=2011-06-15', 'user/dana')).status).toBe(200);
  });

  it('refuses a malformed Authorization header with IncompleteSignature (400)', async () => {
    const res = await post('Action=GetCallerIdentity&Version=2011-06-15', undefined, {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIA EXAMPLE/20260101/us-east-1/sts/aws4_request',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<Code>IncompleteSignature</Code>');
  });

  it('refuses session credentials sent without their session token', async () => {
    const assumed = await post(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FReportReader&RoleSessionName=s1',
      'user/dana',
    );
    const id = /<AccessKeyId>(.*)<\/AccessKeyId>/.exec(assumed.text)![1]!;
    const key = r.lab.keys.get(id)!;
    expect(key.sessionToken).toBeTruthy();
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const headers = signedHeaders(
      { url: r.server.url, method: 'POST', path: '/', body, service: 'sts' },
      { accessKeyId: id, secretAccessKey: key.secretAccessKey },
      { 'content-type': FORM },
    );
    const res = await fetch(r.server.url, { method: 'POST', headers, body });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      '<Message>The security token included in the request is invalid.</Message>',
    );
  });
});

describe('other services (lab env --all)', () => {
  it('answers an S3 GetObject as the engine decides: the role session may read the report', async () => {
    const assumed = await post(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FReportReader&RoleSessionName=dana-q1-report',
      'user/dana',
    );
    const id = /<AccessKeyId>(.*)<\/AccessKeyId>/.exec(assumed.text)![1]!;
    const key = r.lab.keys.get(id)!;
    const get = async (path: string) => {
      const headers = signedHeaders({ url: r.server.url, method: 'GET', path, service: 's3' }, key, {
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        'x-amz-security-token': key.sessionToken!,
      });
      const res = await fetch(`${r.server.url}${path}`, { headers });
      return { status: res.status, text: await res.text() };
    };
    expect((await get('/brightwave-prod-reports/2026/q1-revenue.csv')).status).toBe(200);
    expect(r.lab.done.has('read-report')).toBe(true);
    const denied = await get('/brightwave-dev-data/secret.csv');
    expect(denied.status).toBe(403);
    expect(denied.text).toContain('<Code>AccessDenied</Code>');
    expect(denied.text).toContain(
      'is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::brightwave-dev-data/secret.csv',
    );
    // an hour on, the session has expired: S3 says so in its own words, HTTP 400
    r.lab.advance(3601);
    const expired = await get('/brightwave-prod-reports/2026/q1-revenue.csv');
    expect(expired.status).toBe(400);
    expect(expired.text).toContain(
      '<Code>ExpiredToken</Code><Message>The provided token has expired.</Message>',
    );
  });
});

describe('S3 Signature Version 2 is refused as S3 refuses it today (400 InvalidRequest)', () => {
  const INVALID_REQUEST =
    '<Code>InvalidRequest</Code><Message>The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.</Message>';

  it.each([
    [
      'a presigned URL (AWSAccessKeyId, Signature, Expires)',
      (id: string) => ({
        path: `/reports/q1.csv?AWSAccessKeyId=${id}&Signature=abc%3D&Expires=1900000000`,
        headers: {},
      }),
    ],
    [
      'an Authorization: AWS header',
      (id: string) => ({ path: '/reports/q1.csv', headers: { authorization: `AWS ${id}:abc=` } }),
    ],
  ])('%s: S3’s error shape, and the call line says why', async (_how, request) => {
    const { path, headers } = request(r.key('user/dana').accessKeyId);
    const res = await fetch(`${r.server.url}${path}`, { headers });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(INVALID_REQUEST);
    expect(r.events.at(-1)).toMatchObject({
      api: 's3:GetObject',
      caller: 'dana',
      outcome: 'error',
      code: 'InvalidRequest',
      deciding: expect.stringContaining('Signature Version 2'),
    });
  });

  it('negative: a query string that only mentions Signature= is not SigV2 (an unsigned STS GET)', async () => {
    const res = await fetch(`${r.server.url}/?Action=GetCallerIdentity&Version=2011-06-15&Signature=x`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});
