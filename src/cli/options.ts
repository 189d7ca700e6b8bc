/**
 * Parsers for option values, shared by every command: a bad value is a usage error (exit 2) with
 * the allowed range in one line, before the command runs. Commander reports an
 * `InvalidArgumentError` as `error: option '--count <n>' argument 'abc' is invalid. <message>`.
 *
 * Use: `.addOption(new Option('--count <n>', 'number of questions').argParser(integer({ min: 1, max: 200 })))`
 * or `.option('--count <n>', 'number of questions', integer({ min: 1, max: 200 }))`.
 * For a fixed set of words use commander's own `.choices([...])`.
 */
import { InvalidArgumentError } from 'commander';
import { EXAM_CODES, isCurrentExam, retiredExam, type ExamCode } from '../content/exam-versions.js';

export interface IntegerRange {
  min: number;
  max?: number;
  /** What the number counts, for the message: `minutes`, `seconds`. */
  unit?: string;
}

function range({ min, max, unit }: IntegerRange): string {
  const u = unit ? ` ${unit}` : '';
  return max === undefined ? `${min} or more${u}` : `from ${min} to ${max}${u}`;
}

/** A whole number in `[min, max]` (digits only: no `2.5`, `1e3`, `0x10` or `-3`). */
export function integer(r: IntegerRange): (value: string) => number {
  return (value: string) => {
    const n = /^\+?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < r.min || (r.max !== undefined && n > r.max)) {
      throw new InvalidArgumentError(`Expected a whole number ${range(r)}.`);
    }
    return n;
  };
}

/** A number in `[min, max]`, fractions allowed (`--time-limit 0.5` is 30 seconds). */
export function decimal(r: IntegerRange): (value: string) => number {
  return (value: string) => {
    const n = /^\+?(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isFinite(n) || n < r.min || (r.max !== undefined && n > r.max)) {
      throw new InvalidArgumentError(`Expected a number ${range(r)}.`);
    }
    return n;
  };
}

/** Appends each use of a repeatable option (`--topic a --topic b`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Help text for an option with a default that commander cannot show (computed, or per mode). */
export const withDefault = (description: string, fallback: string) => `${description} (default: ${fallback})`;

/**
 * `--mock`'s exam: a current exam code. A retired version (`SCS-C02`) is refused with the version that
 * replaced it, since AWS no longer gives it (quiz/exams.ts).
 */
export function mockExam(value: string): ExamCode {
  if (isCurrentExam(value)) return value;
  const retired = retiredExam(value);
  if (retired)
    throw new InvalidArgumentError(
      `AWS retired ${value} after ${retired.lastDay}: its successor is ${retired.successor} (--mock ${retired.successor}).`,
    );
  throw new InvalidArgumentError(`Allowed choices are ${EXAM_CODES.join(', ')}.`);
}
