// The bounded store behind the lab's temporary keys, through its module API: many more keys than its caps.
import { describe, expect, it } from 'vitest';
import { EXPIRED_GRACE_MS, TemporaryKeys, type TemporaryKey } from '../../src/lab/temporary-keys.js';

const key = (n: number, expiresMs: number): TemporaryKey => ({
  as: `$lab${n}`,
  accessKeyId: `ASIA${n}`,
  secretAccessKey: 's',
  sessionToken: 't',
  account: '111111111111',
  label: `k${n}`,
  steps: [],
  expiresMs,
});

describe('TemporaryKeys', () => {
  it('keeps the newest keys past its cap and drops the others oldest first, each once', () => {
    const dropped: string[] = [];
    const keys = new TemporaryKeys({ maxLive: 100, maxForgotten: 250 }, (k) => dropped.push(k.as));
    for (let n = 1; n <= 5000; n++) keys.add(key(n, 3_600_000));
    expect(keys.size).toBe(100);
    expect(dropped).toEqual(Array.from({ length: 4900 }, (_, i) => `$lab${i + 1}`));
    expect(keys.get('ASIA4901')?.label).toBe('k4901');
    expect(keys.get('ASIA4900')).toBeUndefined();
    // The tombstones are the 250 most recently dropped.
    expect(keys.forgottenExpiry('ASIA4900')).toBe(3_600_000);
    expect(keys.forgottenExpiry('ASIA4651')).toBe(3_600_000);
    expect(keys.forgottenExpiry('ASIA4650')).toBeUndefined();
  });

  it('drops a key only once it expired more than the grace window ago', () => {
    const dropped: string[] = [];
    const keys = new TemporaryKeys({ maxLive: 10, maxForgotten: 10, sweepAbove: 0 }, (k) =>
      dropped.push(k.as),
    );
    keys.add(key(1, 1000));
    keys.add(key(2, 5000));
    keys.prune(1000 + EXPIRED_GRACE_MS - 1);
    expect(dropped).toEqual([]);
    keys.prune(1000 + EXPIRED_GRACE_MS);
    expect(dropped).toEqual(['$lab1']);
    expect(keys.size).toBe(1);
    // Sweeps are at most a minute apart: the second key, due 4 s later, goes at the next sweep.
    keys.prune(5000 + EXPIRED_GRACE_MS);
    expect(dropped).toEqual(['$lab1']);
    keys.prune(1000 + EXPIRED_GRACE_MS + 60_000);
    expect(dropped).toEqual(['$lab1', '$lab2']);
    expect(keys.size).toBe(0);
  });

  it('a key pruned for expiry and then its slot reused: the cap counts only live keys', () => {
    const keys = new TemporaryKeys({ maxLive: 2, maxForgotten: 10, sweepAbove: 0 }, () => undefined);
    keys.add(key(1, 0));
    keys.add(key(2, 10 * EXPIRED_GRACE_MS));
    keys.prune(EXPIRED_GRACE_MS);
    keys.add(key(3, 10 * EXPIRED_GRACE_MS));
    expect([keys.get('ASIA2')?.as, keys.get('ASIA3')?.as]).toEqual(['$lab2', '$lab3']);
    keys.add(key(4, 10 * EXPIRED_GRACE_MS));
    expect(keys.get('ASIA2')).toBeUndefined();
    expect(keys.size).toBe(2);
  });

  it('sweeps expired keys only while more than `sweepAbove` are live (a learner keeps every key)', () => {
    const dropped: string[] = [];
    const keys = new TemporaryKeys({ maxLive: 10, maxForgotten: 10, sweepAbove: 2 }, (k) =>
      dropped.push(k.as),
    );
    keys.add(key(1, 0));
    keys.add(key(2, 0));
    keys.prune(10 * EXPIRED_GRACE_MS);
    expect(dropped).toEqual([]);
    keys.add(key(3, 0));
    keys.prune(10 * EXPIRED_GRACE_MS);
    expect(dropped).toEqual(['$lab1', '$lab2', '$lab3']);
  });
});
