// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/engine/conditions/date.js';
import { run, type Row } from './harness.js';

const table: Record<string, Row[]> = {
  DateEquals: [
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', true],
    ['2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z', true], // offsets
    ['1704067200', '2024-01-01T00:00:00Z', true], // epoch seconds on either side
    ['2024-01-01T00:00:01Z', '2024-01-01T00:00:00Z', false],
    ['not a date', '2024-01-01', false],
  ],
  DateNotEquals: [
    ['2024-01-02', '2024-01-01', true],
    ['2024-01-01', '2024-01-01', false],
  ],
  DateLessThan: [
    ['2023-12-31T23:59:59Z', '2024-01-01T00:00:00Z', true],
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', false],
  ],
  DateLessThanEquals: [
    ['2024-01-01T00:00:00Z', '1704067200', true],
    ['2024-01-01T00:00:00.001Z', '1704067200', false],
  ],
  DateGreaterThan: [
    ['2030-06-01T12:00:00Z', '2024-01-01T00:00:00Z', true],
    ['2020-06-01T12:00:00Z', '2024-01-01T00:00:00Z', false],
  ],
  DateGreaterThanEquals: [
    ['2024-01-01', '2024-01-01T00:00:00Z', true],
    ['2023-12-31', '2024-01-01T00:00:00Z', false],
  ],
};

describe.each(Object.entries(table))('%s', (operator, rows) => {
  it.each(rows)('request %j vs policy %j → %s', (request, policy, expected) => {
    expect(run(operator, [request, policy, expected])).toBe(expected);
  });
});

describe('parseDate (ISO-8601 or epoch seconds)', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['2000-02-29T12:30:00Z', 951827400000],
    ['1704067200', 1704067200000],
    ['2024-13-01', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (text, ms) => {
    expect(parseDate(text)).toBe(ms);
  });
});
