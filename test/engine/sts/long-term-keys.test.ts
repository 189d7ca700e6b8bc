// The world's long-term keys and their simulated secrets, for servers that verify SigV4 (the lab).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import { basicWorld, DEV, whoami } from './worlds.js';

describe('engine.longTermKeys', () => {
  const engine = createEngine(basicWorld());
  const keys = engine.longTermKeys();

  it('lists each IAM user and each account root, with AKIA keys and 40-character secrets', () => {
    expect(keys.map((k) => k.as)).toEqual(['user/alice', 'user/bob', `root/${DEV}`]);
    for (const k of keys) {
      expect(k.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(k.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    }
    expect(new Set(keys.map((k) => k.secretAccessKey)).size).toBe(keys.length);
  });

  it("gives the key id the engine itself reports for the caller, and the user's MFA device", () => {
    const alice = keys[0]!;
    expect(alice).toMatchObject({
      arn: `arn:aws:iam::${DEV}:user/alice`,
      mfaSerial: `arn:aws:iam::${DEV}:mfa/alice`,
      mfaCode: '123456',
    });
    expect(keys[1]!.mfaSerial).toBeUndefined();
    const info = engine.call({
      api: 'GetAccessKeyInfo',
      as: 'user/alice',
      params: { AccessKeyId: alice.accessKeyId },
    });
    expect(info.response).toMatchObject({ Account: DEV });
    expect(engine.call(whoami('user/alice')).view?.arn).toBe(alice.arn);
  });

  it('is deterministic: the same world gives the same secrets', () => {
    expect(createEngine(basicWorld()).longTermKeys()).toEqual(keys);
  });
});
