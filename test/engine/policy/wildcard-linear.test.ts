/**
 * IAM wildcards from an untrusted content pack must not hang the program: the matcher never
 * backtracks. Its answers are those of the equivalent regular expression (`patternSource`), checked
 * on many small generated cases, and a pattern that makes a backtracking RegExp run for ages returns.
 */
import { describe, expect, it } from 'vitest';
import {
  arnMatch,
  compilePattern,
  patternSource,
  wildcardMatch,
} from '../../../src/engine/policy/wildcard.js';
import { evaluatePolicy } from '../../../src/engine/policy/evaluate.js';
import { check } from '../conditions/harness.js';
import { ctx, policy, principals, req, stmt } from './helpers.js';

/** A small deterministic generator (the same cases on every run). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const pick = (rand: (n: number) => number, alphabet: string[], max: number) =>
  Array.from({ length: rand(max + 1) }, () => alphabet[rand(alphabet.length)]).join('');

describe('wildcard matching without backtracking', () => {
  it('matches `*a*a*a*a*a*a*a*a*a*a*b` against a 10,000-character value', () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*a*b';
    expect(wildcardMatch('a'.repeat(10_000), pattern)).toBe(false);
    expect(wildcardMatch(`${'a'.repeat(9_999)}b`, pattern)).toBe(true);
    expect(wildcardMatch('A'.repeat(10_000), pattern, true)).toBe(false);
    expect(arnMatch(`arn:aws:s3:::${'a'.repeat(10_000)}`, `arn:aws:s3:::${pattern}`)).toBe(false);
    expect(compilePattern('*a*a*a*a*a*a*a*a*a*a*b', false, true).test('a'.repeat(10_000))).toBe(false);
  });

  it('every operator family and element that takes wildcards returns on it', () => {
    const evil = '*a*a*a*a*a*a*a*a*a*a*b';
    const long = 'a'.repeat(10_000);
    const context = ctx({ 'sts:ExternalId': long, 'aws:SourceArn': `arn:aws:s3:::${long}` });
    const conditions = [
      check('StringLike', 'sts:ExternalId', evil, context).matched,
      check('StringNotLike', 'sts:ExternalId', evil, context).matched,
      check('ArnLike', 'aws:SourceArn', `arn:aws:s3:::${evil}`, context).matched,
      check('ArnNotLike', 'aws:SourceArn', `arn:aws:s3:::${evil}`, context).matched,
    ];
    expect(conditions).toEqual([false, true, false, true]);
    const doc = stmt({ Effect: 'Allow', Action: `s3:${evil}`, Resource: `arn:aws:s3:::${evil}` });
    const r = evaluatePolicy(policy(doc), req(principals.alice, ctx(), `s3:${long}`, `arn:aws:s3:::${long}`));
    expect(r.result).toBe('NoMatch');
  });

  it.each([
    ['plain', false, false],
    ['ignoring case', true, false],
    ['without spanning colons', false, true],
  ])('agrees with the equivalent RegExp on 20,000 generated cases (%s)', (_what, ignoreCase, noColon) => {
    const rand = lcg(ignoreCase ? 7 : noColon ? 11 : 3);
    const patternAlphabet = ['a', 'b', 'A', ':', '*', '?', '*', '${*}', '${?}', '${$}', '$', '.', 'é', '😀'];
    const valueAlphabet = ['a', 'b', 'A', 'B', ':', '*', '?', '$', '.', 'é', 'É', '😀'];
    for (let i = 0; i < 20_000; i++) {
      const pattern = pick(rand, patternAlphabet, 7);
      const value = pick(rand, valueAlphabet, 9);
      const oracle = new RegExp(`^${patternSource(pattern, noColon)}$`, ignoreCase ? 'i' : '');
      const got = compilePattern(pattern, ignoreCase, noColon).test(value);
      if (got !== oracle.test(value)) expect({ pattern, value, got }).toEqual({ pattern, value, got: !got });
    }
  });
});
