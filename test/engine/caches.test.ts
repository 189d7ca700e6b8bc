// The engine's memo tables hold results of pure functions: they must give the function's answer
// every time, and must not grow past their bound (keys can come from requests).
import { describe, expect, it } from 'vitest';
import { clearEngineCaches, memoize } from '../../src/engine/caches.js';

describe('memoize', () => {
  it('computes each key once while it is remembered, and again after the table was emptied', () => {
    const seen: string[] = [];
    const f = memoize((key: string) => {
      seen.push(key);
      return key.length === 0 ? undefined : key.toUpperCase();
    }, 3);
    expect([f('a'), f('b'), f('a'), f(''), f('')]).toEqual(['A', 'B', 'A', undefined, undefined]);
    expect(seen).toEqual(['a', 'b', '']);
    clearEngineCaches();
    expect(f('a')).toBe('A');
    expect(seen).toEqual(['a', 'b', '', 'a']);
  });

  it('keeps at most `max` entries: a full table is emptied before the next key is added', () => {
    const seen: string[] = [];
    const f = memoize((key: string) => (seen.push(key), key + key), 2);
    expect([f('a'), f('b'), f('c'), f('c'), f('a'), f('b')]).toEqual(['aa', 'bb', 'cc', 'cc', 'aa', 'bb']);
    // a and b fill the table; c empties it; a joins c; b empties it again.
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect([f('a'), f('b')]).toEqual(['aa', 'bb']);
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'a']);
  });
});
