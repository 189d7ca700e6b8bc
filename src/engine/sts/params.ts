/**
 * Request parameter validation against the STS service model's constraints,
 * with AWS's own `ValidationError` wording (docs/decisions.md#validation-messages).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
 */
import { ValidationError, validationMessage, type AwsError, type ConstraintViolation } from './errors.js';
import type { Trace } from './trace.js';

export type Params = Record<string, unknown>;

interface FieldSpec {
  /** AWS's PascalCase parameter name. */
  param: string;
  /** lowerCamel member name used in messages. */
  member: string;
  min?: number;
  max?: number;
  pattern?: { re: RegExp; text: string };
}

const p = (text: string, re: RegExp) => ({ re, text });
const SESSION_NAME = p('[\\w+=,.@-]*', /^[\w+=,.@-]*$/);

export const FIELDS = {
  RoleArn: { param: 'RoleArn', member: 'roleArn', min: 20, max: 2048 },
  PrincipalArn: { param: 'PrincipalArn', member: 'principalArn', min: 20, max: 2048 },
  RoleSessionName: {
    param: 'RoleSessionName',
    member: 'roleSessionName',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
  },
  ExternalId: {
    param: 'ExternalId',
    member: 'externalId',
    min: 2,
    max: 1224,
    pattern: p('[\\w+=,.@:\\/-]*', /^[\w+=,.@:/-]*$/),
  },
  SerialNumber: {
    param: 'SerialNumber',
    member: 'serialNumber',
    min: 9,
    max: 256,
    pattern: p('[\\w+=/:,.@-]*', /^[\w+=/:,.@-]*$/),
  },
  TokenCode: { param: 'TokenCode', member: 'tokenCode', min: 6, max: 6, pattern: p('[\\d]*', /^\d*$/) },
  SourceIdentity: {
    param: 'SourceIdentity',
    member: 'sourceIdentity',
    min: 2,
    max: 64,
    pattern: SESSION_NAME,
  },
  Name: { param: 'Name', member: 'name', min: 2, max: 32, pattern: SESSION_NAME },
  AccessKeyId: {
    param: 'AccessKeyId',
    member: 'accessKeyId',
    min: 16,
    max: 128,
    pattern: p('[\\w]*', /^\w*$/),
  },
  EncodedMessage: { param: 'EncodedMessage', member: 'encodedMessage', min: 1, max: 10240 },
} satisfies Record<string, FieldSpec>;

const TAG_KEY = p('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u);
const TAG_VALUE = p('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u);

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

/**
 * Parses one request's parameters against the model's constraints. Each API reads its parameters
 * through one Validator, then `result` hands back the typed request only when every constraint
 * holds, so a required parameter is a plain `string` in the request.
 */
export class Validator {
  private readonly violations: ConstraintViolation[] = [];
  constructor(private readonly params: Params) {}

  /** The typed request when every constraint holds; otherwise the traced ValidationError. */
  result<T>(request: T, trace: Trace, ref: string): { request: T } | { error: AwsError } {
    if (this.violations.length === 0) return { request };
    trace.fail({
      id: 'validate.params',
      phase: 'validate',
      values: { violations: this.violations.map(({ member, constraint }) => ({ member, constraint })) },
      ref,
    });
    return { error: ValidationError(validationMessage(this.violations)) };
  }

  /** The ValidationError message for the violations found, or undefined when there are none. */
  problem(): string | undefined {
    return this.violations.length === 0 ? undefined : validationMessage(this.violations);
  }

  /**
   * A required string parameter. A missing one is a violation, and `''` stands in for it: `result`
   * then refuses the request, so the stand-in never reaches a rule.
   */
  required(spec: FieldSpec): string {
    const value = this.optional(spec);
    if (value !== undefined) return value;
    this.missing(spec.member);
    return '';
  }

  /** An optional string parameter, checked against the model when present. */
  optional(spec: FieldSpec): string | undefined {
    const raw = this.params[spec.param];
    if (raw === undefined || raw === null) return undefined;
    const value = String(raw);
    this.text(value, spec.member, spec.min, spec.max, spec.pattern);
    return value;
  }

  /** A required parameter STS parses itself (SAMLAssertion, WebIdentityToken), as sent. */
  present(param: string, member: string): unknown {
    const raw = this.params[param];
    if (raw === undefined) this.missing(member);
    return raw;
  }

  private missing(member: string): void {
    this.violations.push({ value: null, member, constraint: 'Member must not be null' });
  }

  private text(
    value: string,
    member: string,
    min?: number,
    max?: number,
    pattern?: FieldSpec['pattern'],
  ): void {
    // The pattern clause comes before the length clause (docs/decisions.md#validation-messages).
    if (pattern && !pattern.re.test(value)) {
      this.violations.push({
        value,
        member,
        constraint: `Member must satisfy regular expression pattern: ${pattern.text}`,
      });
    }
    const len = codePoints(value);
    if (max !== undefined && len > max) {
      this.violations.push({
        value,
        member,
        constraint: `Member must have length less than or equal to ${max}`,
      });
    }
    if (min !== undefined && len < min) {
      this.violations.push({
        value,
        member,
        constraint: `Member must have length greater than or equal to ${min}`,
      });
    }
  }

  /** DurationSeconds within the model's range for this API. */
  duration(min: number, max: number): number | undefined {
    const raw = this.params.DurationSeconds;
    if (raw === undefined || raw === null) return undefined;
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isInteger(n)) {
      this.violations.push({
        value: String(raw),
        member: 'durationSeconds',
        constraint: 'Member must be an integer',
      });
      return undefined;
    }
    if (n < min) {
      this.violations.push({
        value: String(n),
        member: 'durationSeconds',
        constraint: `Member must have value greater than or equal to ${min}`,
      });
    } else if (n > max) {
      this.violations.push({
        value: String(n),
        member: 'durationSeconds',
        constraint: `Member must have value less than or equal to ${max}`,
      });
    }
    return n;
  }

  /** The inline session policy: at most `max` characters of JSON (docs/decisions.md#session-policy-limits: 2048 for every API). */
  policyText(max: number): string | undefined {
    const raw = this.params.Policy;
    if (raw === undefined || raw === null) return undefined;
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    this.text(text, 'policy', 1, max);
    return text;
  }

  /** Tags: at most 50, each key 1–128 and value 0–256 from the tag character class. */
  tags(): { key: string; value: string }[] | undefined {
    const raw = this.params.Tags;
    if (raw === undefined || raw === null) return undefined;
    const list = Array.isArray(raw) ? raw : [];
    if (list.length > 50) {
      this.violations.push({
        value: JSON.stringify(list),
        member: 'tags',
        constraint: 'Member must have length less than or equal to 50',
      });
    }
    return list.map((t: unknown, i) => {
      const o = (t ?? {}) as { Key?: unknown; Value?: unknown };
      const key = o.Key === undefined ? '' : String(o.Key);
      const value = o.Value === undefined ? '' : String(o.Value);
      this.text(key, `tags.${i + 1}.member.key`, 1, 128, TAG_KEY);
      this.text(value, `tags.${i + 1}.member.value`, 0, 256, TAG_VALUE);
      return { key, value };
    });
  }

  transitiveTagKeys(): string[] | undefined {
    const raw = this.params.TransitiveTagKeys;
    if (raw === undefined || raw === null) return undefined;
    const list = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (list.length > 50) {
      this.violations.push({
        value: JSON.stringify(list),
        member: 'transitiveTagKeys',
        constraint: 'Member must have length less than or equal to 50',
      });
    }
    return list;
  }

  /** PolicyArns as `[{arn}]` (AWS's shape) or plain strings; the documented limit is 10 (docs/decisions.md#session-policy-limits). */
  policyArns(): string[] | undefined {
    const raw = this.params.PolicyArns;
    if (raw === undefined || raw === null) return undefined;
    const list = (Array.isArray(raw) ? raw : [raw]).map((x) =>
      typeof x === 'object' && x !== null ? String((x as { arn?: unknown }).arn ?? '') : String(x),
    );
    if (list.length > 10) {
      this.violations.push({
        value: JSON.stringify(list),
        member: 'policyArns',
        constraint: 'Member must have length less than or equal to 10',
      });
    }
    return list;
  }
}
