/**
 * One request's parameters, read against the STS service model's constraints (field-constraints.ts)
 * and refused with AWS's own `ValidationError` wording (docs/decisions.md#validation-messages).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
 */
import { asText, notNull, textViolations } from './constraint-clauses.js';
import { ValidationError, validationMessage, type AwsError, type ConstraintViolation } from './errors.js';
import type { FieldSpec } from './field-constraints.js';
import {
  readDuration,
  readPolicyArns,
  readPolicyText,
  readTags,
  readTransitiveTagKeys,
} from './param-readers.js';
import type { Trace } from './trace.js';

export type Params = Record<string, unknown>;

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
    this.violations.push(notNull(spec.member));
    return '';
  }

  /** An optional string parameter, checked against the model when present. */
  optional(spec: FieldSpec): string | undefined {
    const raw = this.params[spec.param];
    if (raw === undefined || raw === null) return undefined;
    const value = asText(raw);
    this.violations.push(...textViolations(value, spec.member, spec));
    return value;
  }

  /** A required parameter STS parses itself (SAMLAssertion, WebIdentityToken), as sent. */
  present(param: string, member: string): unknown {
    const raw = this.params[param];
    if (raw === undefined) this.violations.push(notNull(member));
    return raw;
  }

  /** DurationSeconds within the model's range for this API. */
  duration(min: number, max: number): number | undefined {
    return readDuration(this.params.DurationSeconds, min, max, this.violations);
  }

  /** The inline session policy as text, at most `max` characters. */
  policyText(max: number): string | undefined {
    return readPolicyText(this.params.Policy, max, this.violations);
  }

  tags(): { key: string; value: string }[] | undefined {
    return readTags(this.params.Tags, this.violations);
  }

  transitiveTagKeys(): string[] | undefined {
    return readTransitiveTagKeys(this.params.TransitiveTagKeys, this.violations);
  }

  policyArns(): string[] | undefined {
    return readPolicyArns(this.params.PolicyArns, this.violations);
  }
}
