/**
 * Reading the parameters that are not plain strings: DurationSeconds, the inline Policy, Tags,
 * TransitiveTagKeys and PolicyArns. Each reader takes the value as sent (absent is undefined),
 * adds what breaks the model to `found`, and returns the typed value.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
 */
import { asText, countViolation, integerViolation, textViolations } from './constraint-clauses.js';
import type { ConstraintViolation } from './errors.js';
import { LIST_MAX, TAG_KEY, TAG_VALUE } from './field-constraints.js';

const absent = (raw: unknown): raw is undefined | null => raw === undefined || raw === null;

/** DurationSeconds within the model's range for this API; not an integer reads as absent. */
export function readDuration(
  raw: unknown,
  min: number,
  max: number,
  found: ConstraintViolation[],
): number | undefined {
  if (absent(raw)) return undefined;
  const n = typeof raw === 'number' ? raw : Number(asText(raw));
  const violation = integerViolation(raw, n, 'durationSeconds', min, max);
  if (violation) found.push(violation);
  return Number.isInteger(n) ? n : undefined;
}

/** The inline session policy: at most `max` characters of JSON (docs/decisions.md#session-policy-limits: 2048 for every API). */
export function readPolicyText(raw: unknown, max: number, found: ConstraintViolation[]): string | undefined {
  if (absent(raw)) return undefined;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  found.push(...textViolations(text, 'policy', { min: 1, max }));
  return text;
}

/** Tags: at most 50, each key 1–128 and value 0–256 from the tag character class. */
export function readTags(
  raw: unknown,
  found: ConstraintViolation[],
): { key: string; value: string }[] | undefined {
  if (absent(raw)) return undefined;
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  const tooMany = countViolation(list, 'tags', LIST_MAX.Tags);
  if (tooMany) found.push(tooMany);
  return list.map((t, i) => {
    const o = (t ?? {}) as { Key?: unknown; Value?: unknown };
    const key = o.Key === undefined ? '' : asText(o.Key);
    const value = o.Value === undefined ? '' : asText(o.Value);
    found.push(...textViolations(key, `tags.${i + 1}.member.key`, TAG_KEY));
    found.push(...textViolations(value, `tags.${i + 1}.member.value`, TAG_VALUE));
    return { key, value };
  });
}

/** TransitiveTagKeys: a list (or one key) of at most 50 keys. */
export function readTransitiveTagKeys(raw: unknown, found: ConstraintViolation[]): string[] | undefined {
  if (absent(raw)) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).map(asText);
  const tooMany = countViolation(list, 'transitiveTagKeys', LIST_MAX.TransitiveTagKeys);
  if (tooMany) found.push(tooMany);
  return list;
}

/** PolicyArns as `[{arn}]` (AWS's shape) or plain strings; the documented limit is 10 (docs/decisions.md#session-policy-limits). */
export function readPolicyArns(raw: unknown, found: ConstraintViolation[]): string[] | undefined {
  if (absent(raw)) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).map((x) =>
    typeof x === 'object' && x !== null ? asText((x as { arn?: unknown }).arn ?? '') : asText(x),
  );
  const tooMany = countViolation(list, 'policyArns', LIST_MAX.PolicyArns);
  if (tooMany) found.push(tooMany);
  return list;
}
