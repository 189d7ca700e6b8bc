import { describe, expect, it } from 'vitest';
import {
  EXTEND_MS,
  extend,
  formatRemaining,
  isExpired,
  isPaused,
  remaining,
  startCountdown,
  togglePause,
} from '../../src/group/countdown.js';

describe('countdown (injected clock)', () => {
  it('runs down with the clock and expires at zero', () => {
    const c = startCountdown(30, 1_000);
    expect(remaining(c, 1_000)).toBe(30_000);
    expect(remaining(c, 21_000)).toBe(10_000);
    expect(isExpired(c, 30_999)).toBe(false);
    expect(isExpired(c, 31_000)).toBe(true);
    expect(remaining(c, 99_000)).toBe(0);
  });

  it('stands still while paused and never expires paused', () => {
    // Given 30 s started at t=0, paused at t=10 s
    const paused = togglePause(startCountdown(30, 0), 10_000);
    expect(isPaused(paused)).toBe(true);
    // When a minute passes
    expect(remaining(paused, 70_000)).toBe(20_000);
    expect(isExpired(paused, 1_000_000)).toBe(false);
    // Then it resumes from 20 s
    const running = togglePause(paused, 70_000);
    expect(remaining(running, 75_000)).toBe(15_000);
    expect(isExpired(running, 90_000)).toBe(true);
  });

  it('extends by 15 s, also after running out', () => {
    const c = startCountdown(10, 0);
    expect(remaining(extend(c), 5_000)).toBe(5_000 + EXTEND_MS);
    expect(isExpired(extend(c), 20_000)).toBe(false);
  });

  it.each([
    [30_000, '0:30'],
    [29_001, '0:30'],
    [61_000, '1:01'],
    [0, '0:00'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
