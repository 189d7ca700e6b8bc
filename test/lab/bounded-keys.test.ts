// The lab's temporary keys stay bounded (src/lab/temporary-keys.ts): a key is dropped 15 minutes after
// its credentials expire, and past a cap the oldest goes first, while clients still get AWS's answers.
// Through the server with @aws-sdk/client-sts, unmodified.
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, startLab, type Running } from './helpers.js';
import { MAX_TEMPORARY_KEYS } from '../../src/lab/temporary-keys.js';

const REPORT_READER = 'arn:aws:iam::222222222222:role/ReportReader';
const EXPIRED = {
  name: 'ExpiredToken',
  message: 'The security token included in the request is expired',
  status: 403,
};
const UNKNOWN = {
  name: 'InvalidClientTokenId',
  message: 'The security token included in the request is invalid.',
  status: 403,
};

let r: Running | undefined;
afterEach(() => r?.server.close());

/** One AssumeRole session of dana's (one hour), as SDK credentials. */
async function session(lab: Running, name: string) {
  const out = await lab
    .sts(lab.key('user/dana'))
    .send(new AssumeRoleCommand({ RoleArn: REPORT_READER, RoleSessionName: name }));
  const c = out.Credentials!;
  return {
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
    expiration: c.Expiration!,
  };
}

const whoami = (lab: Running, creds: Awaited<ReturnType<typeof session>>) =>
  lab.sts(creds).send(new GetCallerIdentityCommand({}));

describe('expired temporary keys are dropped after the 15-minute skew window under load', () => {
  it('until then the engine answers ExpiredToken with its trace; after, the lab does, holding no secret', async () => {
    r = await startLab('cross-account-assume-role', undefined, {
      maxLive: MAX_TEMPORARY_KEYS,
      maxForgotten: MAX_TEMPORARY_KEYS,
      sweepAbove: 0,
    });
    const creds = await session(r, 'q1');
    expect(r.lab.keys.temporary.size).toBe(1);

    r.lab.advance(3600 + 60);
    expect(await failure(whoami(r, creds))).toEqual(EXPIRED);
    expect(r.events.at(-1)?.result?.code).toBe('ExpiredToken');
    expect(r.lab.keys.temporary.size).toBe(1);

    r.lab.advance(15 * 60);
    expect(r.lab.keys.temporary.size).toBe(0);
    expect(r.lab.keys.get(creds.accessKeyId)).toBeUndefined();
    expect(await failure(whoami(r, creds))).toEqual(EXPIRED);
    const event = r.events.at(-1)!;
    expect(event.result).toBeUndefined();
    expect(event.deciding).toBe(
      `temporary key ${creds.accessKeyId} expired at ${creds.expiration.toISOString().replace('.000', '')}`,
    );
  });

  it("a learner's lab keeps an expired key: hours later the engine still answers, with its trace", async () => {
    r = await startLab('cross-account-assume-role');
    const creds = await session(r, 'q1');
    r.lab.advance(5 * 3600);
    expect(await failure(whoami(r, creds))).toEqual(EXPIRED);
    expect(r.events.at(-1)?.result?.code).toBe('ExpiredToken');
    expect(r.lab.keys.temporary.size).toBe(1);
  });

  it('negative: a key still within its hour is kept', async () => {
    r = await startLab('cross-account-assume-role');
    const creds = await session(r, 'q1');
    r.lab.advance(3000);
    expect(r.lab.keys.temporary.size).toBe(1);
    expect((await whoami(r, creds)).Arn).toBe('arn:aws:sts::222222222222:assumed-role/ReportReader/q1');
  });
});

describe('past the cap the oldest temporary key goes first (README, "Hands-on lab")', () => {
  it('a key dropped before it expired is unknown: InvalidClientTokenId; the engine forgot its session too', async () => {
    r = await startLab('cross-account-assume-role', undefined, { maxLive: 2, maxForgotten: 10 });
    const first = await session(r, 'one');
    const as = r.lab.keys.get(first.accessKeyId)!.as;
    const second = await session(r, 'two');
    const third = await session(r, 'three');
    expect(r.lab.keys.temporary.size).toBe(2);

    expect(await failure(whoami(r, first))).toEqual(UNKNOWN);
    expect(r.events.at(-1)?.deciding).toBe(
      `the lab dropped temporary key ${first.accessKeyId} before it expired: it keeps the newest 2 temporary keys`,
    );
    expect(r.lab.engine.call({ api: 'GetCallerIdentity', as }).code).toBe('InvalidClientTokenId');
    expect((await whoami(r, second)).Arn).toMatch(/\/two$/);
    expect((await whoami(r, third)).Arn).toMatch(/\/three$/);

    // Once its hour is over, the dropped key is expired like any other: ExpiredToken.
    r.lab.advance(3601);
    expect(await failure(whoami(r, first))).toEqual(EXPIRED);
  });

  it('the dropped keys remembered are bounded too: past that, a key is one the lab never knew', async () => {
    r = await startLab('cross-account-assume-role', undefined, { maxLive: 1, maxForgotten: 1 });
    const first = await session(r, 'one');
    const second = await session(r, 'two');
    await session(r, 'three');
    r.lab.advance(3601);
    expect(await failure(whoami(r, second))).toEqual(EXPIRED);
    expect(await failure(whoami(r, first))).toEqual(UNKNOWN);
    expect(r.events.at(-1)?.deciding).toBe(`access key ${first.accessKeyId} is not one this lab knows`);
  });

  it('a dropped key sent without its session token is refused as AWS refuses an ASIA key alone', async () => {
    r = await startLab('cross-account-assume-role', undefined, { maxLive: 1, maxForgotten: 10 });
    const first = await session(r, 'one');
    await session(r, 'two');
    const { sessionToken: _, ...alone } = first;
    const err = await failure(r.sts(alone).send(new GetCallerIdentityCommand({})));
    expect(err).toEqual(UNKNOWN);
    expect(r.events.at(-1)?.deciding).toBe(
      `temporary key ${first.accessKeyId} was sent without its session token`,
    );
  });
});
