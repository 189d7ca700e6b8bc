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

/** A small deterministic generator (mulberry32: the same cases on every run, every residue reachable;
 * a power-of-two LCG's low bits would only ever pick even indices). */
function prng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const pick = (rand: (n: number) => number, alphabet: string[], max: number) =>
  Array.from({ length: rand(max + 1) }, () => alphabet[rand(alphabet.length)]).join('');

/** A value the pattern matches (`*` → a random run, `?` → one character, an escape → its
 * character), with each letter's case flipped at random and, now and then, one character dropped. */
function instantiate(rand: (n: number) => number, pattern: string, alphabet: string[]): string {
  const escapes: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
  let out = '';
  for (const token of pattern.match(/\$\{[*?$]\}|./gu) ?? []) {
    if (token === '*') out += pick(rand, alphabet, 3);
    else if (token === '?') out += pick(rand, alphabet, 1) || 'a';
    else {
      const c = escapes[token] ?? token;
      out += rand(2) ? c : rand(2) ? c.toUpperCase() : c.toLowerCase();
    }
  }
  const drop = rand(out.length * 4 + 1);
  return drop < out.length ? out.slice(0, drop) + out.slice(drop + 1) : out;
}

describe('wildcard matching without backtracking', () => {
  it('matches `*a*a*a*a*a*a*a*a*a*a*b` against a 10,000-character value', () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*a*b';
    expect(wildcardMatch('a'.repeat(10_000), pattern)).toBe(false);
    expect(wildcardMatch(`${'a'.repeat(9_999)}b`, pattern)).toBe(true);
    expect(wildcardMatch('A'.repeat(10_000), pattern, true)).toBe(false);
    expect(arnMatch(`arn:aws:s3:::${'a'.repeat(10_000)}`, `arn:aws:s3:::${pattern}`)).toBe(false);
    expect(compilePattern('*a*a*a*a*a*a*a*a*a*a*b', true).test('a'.repeat(10_000))).toBe(false);
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

  // Non-ASCII letters whose upper case is ASCII (ı, ſ) or two letters (ß) test the case folding; the
  // regex metacharacters test patternSource's escaping.
  const patternAlphabet = [
    ...['a', 'b', 'A', 's', 'I', ':', '*', '?', '*', '${*}', '${?}', '${$}', '$', '.', 'é', 'ı', 'ſ', 'ß'],
    ...['😀', '+', '(', '\\', '{', '|'],
  ];
  const valueAlphabet = [
    ...['a', 'b', 'A', 'B', 'S', 'i', 'I', ':', '*', '?', '$', '.', 'é', 'É', 'ı', 'ſ', 'ß', '😀'],
    ...['+', '(', '\\', '{', '|'],
  ];
  // Half the values are built from the pattern (so that many cases match), half are random.
  const valueFor = (rand: (n: number) => number, pattern: string) =>
    rand(2) ? instantiate(rand, pattern, valueAlphabet) : pick(rand, valueAlphabet, 9);

  it.each([
    ['plain', false],
    ['ignoring case', true],
  ])('agrees with the equivalent RegExp on 3,000 generated cases (%s)', (_what, ignoreCase) => {
    const rand = prng(ignoreCase ? 7 : 3);
    let matches = 0;
    for (let i = 0; i < 3_000; i++) {
      const pattern = pick(rand, patternAlphabet, 7);
      const value = valueFor(rand, pattern);
      const want = new RegExp(`^${patternSource(pattern)}$`, ignoreCase ? 'i' : '').test(value);
      const got = [
        compilePattern(pattern, ignoreCase).test(value),
        wildcardMatch(value, pattern, ignoreCase),
      ];
      matches += want ? 1 : 0;
      if (got[0] !== want || got[1] !== want)
        expect({ pattern, value, got }).toEqual({ pattern, value, got: [want, want] });
    }
    // The cases are not all misses: a matcher that said false to everything would fail here.
    expect(matches).toBeGreaterThan(750);
  });

  it('ArnLike agrees with a per-segment RegExp (wildcards never span `:` before the resource) on 3,000 generated cases', () => {
    const rand = prng(11);
    const noColon = patternAlphabet.filter((c) => c !== ':');
    const segment = (i: number, pattern: string) =>
      i < 5 ? patternSource(pattern).replaceAll('[\\s\\S]', '[^:]') : patternSource(pattern);
    let matches = 0;
    for (let i = 0; i < 3_000; i++) {
      // The first five parts hold no `:`; the resource may.
      const parts = Array.from({ length: 6 }, (_, k) => pick(rand, k < 5 ? noColon : patternAlphabet, 2));
      const pattern = parts.join(':');
      const value = rand(2)
        ? parts.map((p) => instantiate(rand, p, valueAlphabet)).join(':')
        : valueFor(rand, pattern);
      const oracle = new RegExp(`^${parts.map((p, k) => segment(k, p)).join(':')}$`);
      const want = oracle.test(value);
      const got = arnMatch(value, pattern);
      matches += want ? 1 : 0;
      if (got !== want) expect({ pattern, value, got }).toEqual({ pattern, value, got: want });
    }
    expect(matches).toBeGreaterThan(300);
  });

  it('the matcher cache keeps a pattern compiled with and without case folding apart', () => {
    // Keys that a careless cache would share: `-A` folded and `A` exact, `ia` exact and `a` folded.
    expect(compilePattern('-A', true).test('-a')).toBe(true);
    expect(compilePattern('A').test('A')).toBe(true);
    expect(compilePattern('A').test('a')).toBe(false);
    expect(compilePattern('ia').test('ia')).toBe(true);
    expect(compilePattern('a', true).test('A')).toBe(true);
  });

  it('patternSource escapes every regular-expression metacharacter', () => {
    const literal = 'x.+^$(){}|[]\\/-';
    expect(new RegExp(`^${patternSource(literal)}$`).test(literal)).toBe(true);
    expect(patternSource('a*b?')).toBe('a[\\s\\S]*b[\\s\\S]');
  });

  it.each([
    ['ß', 'SS', false], // ß upper-cases to two letters: a RegExp's `i` keeps it as it is
    ['ß', 'ß', true],
    ['*ß', 'xSS', false],
    ['ŉ', 'ʼN', false],
    ['ı', 'I', false], // dotless ı upper-cases to ASCII I: kept apart
    ['ı', 'i', false],
    ['ſ', 'S', false],
    ['é*', 'É!', true],
    ['\u212a', 'k', false], // the Kelvin sign lower-cases to k, but upper-cases to itself
  ])('ignoring case, %j against %j → %s (as a RegExp with the i flag)', (pattern, value, expected) => {
    expect(new RegExp(`^${patternSource(pattern)}$`, 'i').test(value)).toBe(expected);
    expect(compilePattern(pattern, true).test(value)).toBe(expected);
    expect(wildcardMatch(value, pattern, true)).toBe(expected);
  });
});
