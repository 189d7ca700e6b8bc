// Date operators: either side may be ISO-8601 (W3C profile: date, optional time, fraction and offset)
// or epoch seconds; compared as instants. No wildcards, no policy variables. Parsed by hand because the
// engine never touches the global Date (pure engine, simulated clock).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
import type { ConditionOperator } from './types.js';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH = /^\d+(\.\d+)?$/;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Milliseconds since the epoch, or undefined when the value is not a date. */
export function parseDate(value: string): number | undefined {
  const v = value.trim();
  if (EPOCH.test(v)) return Math.round(Number(v) * 1000);
  const m = ISO.exec(v);
  if (!m) return undefined;
  const num = (group: string | undefined): number => Number(group ?? 0);
  const [y, mo, d, h, mi, s] = [num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  let offsetMin = 0;
  const tz = m[8];
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const days = daysFromCivil(y, mo, d);
  return ((days * 24 + h) * 60 + mi - offsetMin) * 60_000 + s * 1000 + ms;
}

function date(test: (r: number, p: number) => boolean): (r: string, p: string) => boolean {
  return (r, p) => {
    const a = parseDate(r);
    const b = parseDate(p);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

export const dateOperators: ConditionOperator[] = [
  { name: 'DateEquals', compare: date((a, b) => a === b), negated: false, variables: false },
  { name: 'DateNotEquals', compare: date((a, b) => a === b), negated: true, variables: false },
  { name: 'DateLessThan', compare: date((a, b) => a < b), negated: false, variables: false },
  { name: 'DateLessThanEquals', compare: date((a, b) => a <= b), negated: false, variables: false },
  { name: 'DateGreaterThan', compare: date((a, b) => a > b), negated: false, variables: false },
  { name: 'DateGreaterThanEquals', compare: date((a, b) => a >= b), negated: false, variables: false },
];
