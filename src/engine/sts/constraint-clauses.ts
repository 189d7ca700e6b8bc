/**
 * Checking a value against a model constraint, in AWS's own wording of each clause
 * (`Member must have length less than or equal to 64`, …): the violations that
 * `validationMessage` joins into a ValidationError (docs/decisions.md#validation-messages).
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import type { ConstraintViolation } from './errors.js';
import type { TextLimits } from './field-constraints.js';

/**
 * A parameter as text, the way a Query request carries every value. Only a scenario file or `call`
 * can send a list or a mapping where text belongs: it reads as its JSON (`String` would throw on a
 * mapping like `{ toString: x }`), and so fails the member's constraints instead of the engine.
 */
export function asText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw !== 'object' || raw === null) return String(raw);
  try {
    return JSON.stringify(raw);
  } catch {
    return '[unreadable value]';
  }
}

/** A required member that was not sent. */
export const notNull = (member: string): ConstraintViolation => ({
  value: null,
  member,
  constraint: 'Member must not be null',
});

/** The length in Unicode code points (as `[...text].length`, without building the array). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A string member against its pattern and length limits; lengths count code points. */
export function textViolations(value: string, member: string, limits: TextLimits): ConstraintViolation[] {
  const { min, max, pattern } = limits;
  const out: ConstraintViolation[] = [];
  // The pattern clause comes before the length clause (docs/decisions.md#validation-messages).
  if (pattern && !pattern.re.test(value)) {
    out.push({
      value,
      member,
      constraint: `Member must satisfy regular expression pattern: ${pattern.text}`,
    });
  }
  const len = codePoints(value);
  if (max !== undefined && len > max) {
    out.push({ value, member, constraint: `Member must have length less than or equal to ${max}` });
  }
  if (min !== undefined && len < min) {
    out.push({ value, member, constraint: `Member must have length greater than or equal to ${min}` });
  }
  return out;
}

/** A number member: an integer within `min`–`max`. */
export function integerViolation(
  raw: unknown,
  n: number,
  member: string,
  min: number,
  max: number,
): ConstraintViolation | undefined {
  if (!Number.isInteger(n)) return { value: asText(raw), member, constraint: 'Member must be an integer' };
  if (n < min) {
    return { value: String(n), member, constraint: `Member must have value greater than or equal to ${min}` };
  }
  if (n > max) {
    return { value: String(n), member, constraint: `Member must have value less than or equal to ${max}` };
  }
  return undefined;
}

/** A list member with at most `max` entries; the value quoted is the list as JSON. */
export function countViolation(
  list: readonly unknown[],
  member: string,
  max: number,
): ConstraintViolation | undefined {
  if (list.length <= max) return undefined;
  return {
    value: JSON.stringify(list),
    member,
    constraint: `Member must have length less than or equal to ${max}`,
  };
}
