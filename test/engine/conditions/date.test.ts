// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
// Dates are W3C ISO-8601 (date, optional time, fraction and UTC offset) or epoch seconds, compared as
// instants. The expected instants come from the JavaScript Date (an independent oracle): the engine
// parses by hand because it never touches the global Date.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/engine/conditions/date.js';
import { run, type Row } from './harness.js';

const T = '2024-06-15T12:00:00Z';
const BEFORE = '2024-06-15T11:59:59Z';
const AFTER = '2024-06-15T12:00:01Z';

/** Each operator: earlier, equal (the boundary) and later request values against T. */
const boundaries: Record<string, [before: boolean, equal: boolean, after: boolean]> = {
  DateEquals: [false, true, false],
  DateNotEquals: [true, false, true],
  DateLessThan: [true, false, false],
  DateLessThanEquals: [true, true, false],
  DateGreaterThan: [false, false, true],
  DateGreaterThanEquals: [false, true, true],
};

describe.each(Object.entries(boundaries))('%s: before, at and after the policy instant', (op, want) => {
  it.each<Row>([
    [BEFORE, T, want[0]],
    [T, T, want[1]],
    [AFTER, T, want[2]],
    // the same instants written with another offset and as epoch seconds
    ['2024-06-15T14:00:00+02:00', T, want[1]],
    ['2024-06-15T06:29:59-05:30', T, want[0]],
    [String(Date.parse(AFTER) / 1000), T, want[2]],
    [T, String(Date.parse(T) / 1000), want[1]],
  ])('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(op, [request, policy, expected])).toBe(expected);
  });
});

describe('a value that is not a date never compares (either side)', () => {
  it.each([
    ['DateEquals', 'not a date', T, false],
    ['DateEquals', T, 'not a date', false],
    ['DateLessThan', '2024-06-15T25:00:00Z', '2030-01-01T00:00:00Z', false],
    ['DateGreaterThan', '2030-01-01T00:00:00Z', '2024-02-30x', false],
  ] as const)('%s %j vs %j → %s', (op, request, policy, expected) => {
    expect(run(op, [request, policy, expected])).toBe(expected);
  });
});

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('parseDate: every month, leap years and centuries', () => {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  it.each(months.flatMap((m) => [[2024, m, 1] as const, [2023, m, 28] as const, [1999, m, 15] as const]))(
    '%i-%i-%i',
    (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      expect(parseDate(text)).toBe(utc(y, m, d));
      expect(parseDate(`${text}T23:59:59Z`)).toBe(utc(y, m, d, 23, 59, 59));
    },
  );
  it.each([
    ['2024-02-29', utc(2024, 2, 29)],
    ['2024-03-01', utc(2024, 3, 1)],
    ['2000-02-29', utc(2000, 2, 29)],
    ['2100-03-01', utc(2100, 3, 1)],
    ['1900-03-01', utc(1900, 3, 1)],
    ['1969-12-31T23:59:59Z', -1000],
    ['1600-01-01', utc(1600, 1, 1)],
    ['2024-12-31', utc(2024, 12, 31)],
    ['2024-01-31', utc(2024, 1, 31)],
  ])('%s', (text, ms) => {
    expect(parseDate(text)).toBe(ms);
  });
});

describe('parseDate: times, fractions and every UTC-offset form', () => {
  it.each([
    ['2024-06-15T12:34:56Z', utc(2024, 6, 15, 12, 34, 56)],
    ['2024-06-15T12:34:56z', utc(2024, 6, 15, 12, 34, 56)],
    ['2024-06-15t12:34:56Z', utc(2024, 6, 15, 12, 34, 56)],
    ['2024-06-15 12:34:56Z', utc(2024, 6, 15, 12, 34, 56)],
    ['2024-06-15T12:34:56', utc(2024, 6, 15, 12, 34, 56)], // no offset: UTC
    ['2024-06-15T12:34Z', utc(2024, 6, 15, 12, 34)], // no seconds
    ['2024-06-15T00:00:01Z', utc(2024, 6, 15, 0, 0, 1)], // the seconds' weight
    ['2024-06-15T00:01:00Z', utc(2024, 6, 15, 0, 1)],
    ['2024-06-15T01:00:00Z', utc(2024, 6, 15, 1)],
    ['2024-06-15T12:34:56.5Z', utc(2024, 6, 15, 12, 34, 56, 500)],
    ['2024-06-15T12:34:56.05Z', utc(2024, 6, 15, 12, 34, 56, 50)],
    ['2024-06-15T12:34:56.123456789Z', utc(2024, 6, 15, 12, 34, 56, 123)],
    ['2024-06-15T12:34:56+02:00', utc(2024, 6, 15, 10, 34, 56)],
    ['2024-06-15T12:34:56-02:00', utc(2024, 6, 15, 14, 34, 56)],
    ['2024-06-15T12:34:56+0530', utc(2024, 6, 15, 7, 4, 56)], // half-hour offset, no colon
    ['2024-06-15T12:34:56+05:30', utc(2024, 6, 15, 7, 4, 56)],
    ['2024-06-15T12:34:56-03:30', utc(2024, 6, 15, 16, 4, 56)],
    ['2024-06-15T12:34:56+05:45', utc(2024, 6, 15, 6, 49, 56)],
    ['2024-06-15T12:34:56-09', utc(2024, 6, 15, 21, 34, 56)], // hours only
    ['2024-06-15T12:34:56+14:00', utc(2024, 6, 14, 22, 34, 56)],
    ['2024-01-01T00:30:00+01:00', utc(2023, 12, 31, 23, 30)], // crosses the year back
    ['2024-12-31T23:30:00-01:00', utc(2025, 1, 1, 0, 30)], // and forward
    ['2024-06-30T23:59:60Z', utc(2024, 7, 1)], // a leap second is the next minute's start
    ['2024-06-15T23:00:00Z', utc(2024, 6, 15, 23)],
    ['2024-06-15T00:59:00Z', utc(2024, 6, 15, 0, 59)],
    ['  2024-06-15  ', utc(2024, 6, 15)], // surrounding space is ignored
    ['1718452800', utc(2024, 6, 15, 12)], // epoch seconds
    ['1718452800.25', utc(2024, 6, 15, 12, 0, 0, 250)],
    ['0', 0],
  ])('%s', (text, ms) => {
    expect(parseDate(text)).toBe(ms);
  });
});

describe('parseDate: invalid dates and times are not dates', () => {
  it.each([
    '2024-06-15T25:00:00Z',
    '2024-06-15T24:00:00Z',
    '2024-06-15T12:60:00Z',
    '2024-06-15T12:00:61Z',
    '2024-13-01',
    '2024-00-10',
    '2024-06-00',
    '2024-06-32',
    '2024-6-15',
    '24-06-15',
    '2024-06-15T12',
    '2024-06-15T12:00:00+2',
    '2024-06-15T12:00:00Zx',
    'x2024-06-15',
    '-1718452800',
    '1718452800.',
    '1e9',
    'yesterday',
    '',
  ])('%j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});
