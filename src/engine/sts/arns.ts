/**
 * Role and provider ARNs in requests: the syntax STS checks after the model constraints, and a role
 * ARN's parts. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
import { ValidationError, type AwsError } from './errors.js';
import type { Trace } from './trace.js';

/**
 * ARN syntax checks STS runs after the model constraints (docs/decisions.md#validation-messages):
 * six colon-separated parts with a partition, a service and a resource; the message is `<arn> is invalid`.
 */
export function arnIsValid(arn: string): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const resource = parts.slice(5).join(':');
  return Boolean(parts[1]) && Boolean(parts[2]) && resource.length > 0;
}

/** The ValidationError for a RoleArn that is not a well-formed ARN (traced), or undefined. */
export function roleArnFailure(roleArn: string, trace: Trace, ref: string): AwsError | undefined {
  if (arnIsValid(roleArn)) return undefined;
  trace.fail({
    id: 'validate.roleArn',
    phase: 'validate',
    values: { roleArn },
    ref,
  });
  return ValidationError(`${roleArn} is invalid`);
}

/** Splits a role ARN into account and role name (the last path segment). */
export function parseRoleArn(arn: string): { account: string; name: string; path: string } | undefined {
  const match = /^arn:aws[\w-]*:iam::(?<account>\d{12}):role(?<path>\/.*\/|\/)?(?<name>[^/]+)$/.exec(arn);
  const groups = match?.groups;
  if (!groups?.account || !groups.name) return undefined;
  return { account: groups.account, path: groups.path ?? '/', name: groups.name };
}
