// SigV4 as the lab checks it beyond the happy path: the 15-minute clock-skew window (through the
// SDK's own systemClockOffset) and query-string authentication (presigned GET URLs), signed by
// @smithy/signature-v4, the signer inside the AWS SDK for JavaScript.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate, uriEncode } from '../../src/lab/sigv4.js';
import { skewError } from '../../src/lab/credentials.js';
import { failure, startLab, type Running } from './helpers.js';

const MIN = 60_000;

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string'
    ? d
    : d instanceof ArrayBuffer
      ? new Uint8Array(d)
      : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

/** The hash constructor @smithy/signature-v4 wants, on node:crypto. */
class Sha256 {
  private readonly h;
  constructor(secret?: Data) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data): void {
    this.h.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
}

describe('the 15-minute window', () => {
  it('names both times and the server’s clock, in AWS’s words, either way', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(skewError('20260302T094459Z', now)).toEqual({
      code: 'SignatureDoesNotMatch',
      message:
        'Signature expired: 20260302T094459Z is now earlier than 20260302T094500Z (20260302T100000Z - 15 min.)',
      httpStatus: 403,
    });
    expect(skewError('20260302T101501Z', now)?.message).toBe(
      'Signature not yet current: 20260302T101501Z is still later than 20260302T101500Z (20260302T100000Z + 15 min.)',
    );
    // Exactly 15 minutes either way is still inside the window.
    expect(skewError('20260302T094500Z', now)).toBeUndefined();
    expect(skewError('20260302T101500Z', now)).toBeUndefined();
    expect(parseAmzDate(formatAmzDate(now))).toBe(now);
    expect(parseAmzDate('2026-03-02T10:00:00Z')).toBeUndefined();
  });
});

describe('clock skew through @aws-sdk/client-sts', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
  });
  afterAll(() => r.server.close());

  it('a client clock 20 minutes slow gets SignatureDoesNotMatch “Signature expired”; the SDK then corrects itself from the Date header', async () => {
    const sts = r.sts(r.key('user/dana'));
    sts.config.systemClockOffset = -20 * MIN;
    const err = await failure(sts.send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.status).toBe(403);
    const m =
      /^Signature expired: (\d{8}T\d{6}Z) is now earlier than (\d{8}T\d{6}Z) \((\d{8}T\d{6}Z) - 15 min\.\)$/.exec(
        err.message,
      );
    expect(m).not.toBeNull();
    const [signed, limit, now] = [m![1]!, m![2]!, m![3]!].map((t) => parseAmzDate(t)!) as [
      number,
      number,
      number,
    ];
    expect(now - limit).toBe(15 * MIN);
    expect(signed).toBeLessThan(limit);
    expect(r.events.at(-1)).toMatchObject({
      caller: 'dana',
      outcome: 'error',
      code: 'SignatureDoesNotMatch',
    });
    expect(r.events.at(-1)?.deciding).toMatch(/more than 15 minutes from the lab's clock/);
    // The lab's Date header is the wall clock the lab follows: the SDK adopts it and the next call works.
    const ok = await sts.send(new GetCallerIdentityCommand({}));
    expect(ok.Arn).toBe('arn:aws:iam::111111111111:user/dana');
    expect(Math.abs(sts.config.systemClockOffset ?? 0)).toBeLessThan(5 * MIN);
  });

  it('a client clock 20 minutes fast gets “Signature not yet current”', async () => {
    const sts = r.sts(r.key('user/dana'));
    sts.config.systemClockOffset = 20 * MIN;
    const err = await failure(sts.send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/,
    );
  });

  it('`lab advance` moves the simulated clock, not the window: a correct client clock still signs fine', async () => {
    r.lab.advance(0.5 * 3600);
    const ok = await r.sts(r.key('user/dana')).send(new GetCallerIdentityCommand({}));
    expect(ok.Account).toBe('111111111111');
  });
});

describe('presigned (query-string) requests', () => {
  let r: Running;
  // The lab's clock is pinned so a URL signed "20 minutes ago" is exactly that.
  const now = Date.parse('2026-03-02T10:00:00Z');
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role', () => now);
  });
  afterAll(() => r.server.close());

  async function presigned(
    creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    signingDate: Date,
    action = 'GetCallerIdentity',
  ): Promise<string> {
    const url = new URL(r.server.url);
    const signer = new SignatureV4({
      credentials: creds,
      region: 'us-east-1',
      service: 'sts',
      sha256: Sha256,
    });
    const req = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        query: { Action: action, Version: '2011-06-15' },
        headers: { host: url.host },
      },
      { signingDate, expiresIn: 900 },
    );
    const query = Object.entries(req.query ?? {})
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(String(v))}`)
      .join('&');
    return `${r.server.url}/?${query}`;
  }

  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, text: await res.text() };
  };

  it('a presigned GetCallerIdentity URL answers like the POST, and the call line says who signed', async () => {
    const url = await presigned(r.key('user/dana'), new Date(now));
    expect(url).toMatch(/X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA/);
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Arn>arn:aws:iam::111111111111:user/dana</Arn>');
    expect(r.events.at(-1)).toMatchObject({ api: 'GetCallerIdentity', caller: 'dana', outcome: 'success' });
  });

  it('temporary credentials presign with X-Amz-Security-Token in the query', async () => {
    const sts = r.sts(r.key('user/dana'));
    sts.config.systemClockOffset = now - Date.now();
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/ReportReader',
        RoleSessionName: 'presign',
      }),
    );
    const c = out.Credentials!;
    const url = await presigned(
      { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
      new Date(now),
    );
    expect(url).toContain('X-Amz-Security-Token=');
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.text).toContain('assumed-role/ReportReader/presign');
    // Without its token the temporary key is not one STS accepts.
    const res2 = await get(url.replace(/&X-Amz-Security-Token=[^&]*/, ''));
    expect(res2.status).toBe(403);
    expect(res2.text).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('a URL used more than 15 minutes after it was signed is “Signature expired”, whatever X-Amz-Expires says', async () => {
    const url = await presigned(r.key('user/dana'), new Date(now - 20 * MIN));
    expect(url).toContain('X-Amz-Expires=900');
    const res = await get(url);
    expect(res.status).toBe(403);
    expect(res.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(res.text).toContain(
      `<Message>Signature expired: ${formatAmzDate(now - 20 * MIN)} is now earlier than 20260302T094500Z (20260302T100000Z - 15 min.)</Message>`,
    );
  });

  it('a changed parameter or signature is SignatureDoesNotMatch; a missing one is IncompleteSignature', async () => {
    const url = await presigned(r.key('user/dana'), new Date(now));
    const changed = await get(url.replace('Action=GetCallerIdentity', 'Action=GetSessionToken'));
    expect(changed.status).toBe(403);
    expect(changed.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(changed.text).toContain('The request signature we calculated does not match');
    const forged = await get(url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000'));
    expect(forged.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const missing = await get(url.replace(/&X-Amz-Date=[^&]*/, ''));
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('<Code>IncompleteSignature</Code>');
    expect(missing.text).toContain("AWS query-string parameters must include 'X-Amz-Date'.");
  });
});

describe('the credential scope’s Region (docs/decisions.md#credential-scope-region)', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
  });
  afterAll(async () => {
    await r.server.close();
  });
  const whoami = (region: string) =>
    new STSClient({ endpoint: r.server.url, region, credentials: r.key('user/dana'), maxAttempts: 1 }).send(
      new GetCallerIdentityCommand({}),
    );

  it('a Region that does not exist is SignatureDoesNotMatch, in AWS’s words', async () => {
    // Given a client configured for `mars-1`, When it signs a call (scope …/mars-1/sts/aws4_request)
    const err = await failure(whoami('mars-1'));
    // Then 403 with AWS's message, trailing space included, and the lab's line says why
    expect(err).toEqual({
      name: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to a valid region, not 'mars-1'. ",
      status: 403,
    });
    expect(r.events.at(-1)?.deciding).toBe(
      "the signature's credential scope names `mars-1`, which is not an AWS Region",
    );
  });

  it.each([
    'us-east-1',
    'eu-north-1',
    'ap-southeast-7',
    'mx-central-1',
    'us-gov-west-1',
    'cn-north-1',
    'eusc-de-east-1',
  ])('a real Region (%s) is accepted: the lab stands in for every Regional endpoint', async (region) => {
    expect((await whoami(region)).Arn).toBe('arn:aws:iam::111111111111:user/dana');
  });
});
