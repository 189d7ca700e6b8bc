/** A what-if's `advance` presents a token late: relative token times are fixed before the clock moves. */
import { describe, expect, it } from 'vitest';
import { pinRelativeTimes } from '../../src/content/run.js';
import type { Call } from '../../src/content/schema.js';

const call = (exp: string | number | undefined, notOnOrAfter?: string | number): Call => ({
  api: 'AssumeRoleWithWebIdentity',
  as: 'anonymous',
  params: {
    RoleArn: 'arn:aws:iam::111111111111:role/R',
    WebIdentityToken: { iss: 'https://x', exp },
    ...(notOnOrAfter === undefined ? {} : { SAMLAssertion: { notOnOrAfter } }),
  },
});

describe('pinRelativeTimes', () => {
  it('turns +/- offsets into ISO times as of the given moment', () => {
    const pinned = pinRelativeTimes(call('+10m', '-1h'), '2026-01-15T09:00:00.000Z');
    expect((pinned.params!.WebIdentityToken as { exp: string }).exp).toBe('2026-01-15T09:10:00.000Z');
    expect((pinned.params!.SAMLAssertion as { notOnOrAfter: string }).notOnOrAfter).toBe(
      '2026-01-15T08:00:00.000Z',
    );
  });

  it('leaves absolute times, numbers and the original call alone', () => {
    const original = call('2026-02-01T00:00:00Z');
    expect(pinRelativeTimes(original, '2026-01-15T09:00:00.000Z')).toBe(original);
    expect(pinRelativeTimes(call(1768467600), '2026-01-15T09:00:00.000Z').params!.WebIdentityToken).toEqual({
      iss: 'https://x',
      exp: 1768467600,
    });
  });
});
