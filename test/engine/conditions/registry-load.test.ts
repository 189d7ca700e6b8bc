// The condition-operator registry is built when its module loads. This file imports nothing from the
// engine at its top: the import happens inside a test, so an engine that fails to load (a broken
// registry table, a bad module-level pattern) fails this test instead of only failing to collect the
// other files (which mutation testing would not count as a failure).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it, vi } from 'vitest';

const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

describe('the engine loads inside a test', () => {
  it('the condition-operator registry holds every documented operator, each under its own name', async () => {
    vi.resetModules();
    const { operatorNames, parseOperator } = await import('../../../src/engine/conditions/registry.js');
    expect([...operatorNames].sort()).toEqual([...OPERATORS].sort());
    for (const name of OPERATORS) {
      const parsed = parseOperator(name.toUpperCase());
      expect(parsed.ok && parsed.parsed.op.name).toBe(name);
    }
  });

  it('an engine built after a fresh load decides a request', async () => {
    vi.resetModules();
    const { basicWorld, last, req } = await import('../sts/worlds.js');
    const s3 = (as: string) => last(basicWorld(), [req(as, 's3:GetObject', 'arn:aws:s3:::b/k')]).outcome;
    expect([s3('user/alice'), s3('user/bob')]).toEqual(['success', 'error']);
  });
});
