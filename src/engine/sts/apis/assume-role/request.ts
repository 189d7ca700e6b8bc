/**
 * AssumeRole's request: the model's constraints, then the RoleArn's syntax, both before any role
 * lookup (docs/decisions.md#validation-messages).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
 */
import type { AwsError } from '../../errors.js';
import { FIELDS } from '../../field-constraints.js';
import { Validator, type Params } from '../../params.js';
import { roleArnFailure } from '../../arns.js';
import { REF } from '../../refs.js';
import { DURATION } from '../../rules.js';
import type { Trace } from '../../trace.js';

/** AssumeRole's parameters, once they satisfy the model. */
export interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  duration: number | undefined;
  externalId: string | undefined;
  serial: string | undefined;
  code: string | undefined;
  sourceIdentity: string | undefined;
  policyText: string | undefined;
  policyArns: string[] | undefined;
  policy: unknown;
  tagList: { key: string; value: string }[];
  transitive: string[];
  /** ProvidedContexts are passed (a trusted context assertion, e.g. Identity Center's). */
  contexts: boolean;
}

export function parseAssumeRole(
  params: Params,
  trace: Trace,
): { request: AssumeRoleRequest } | { error: AwsError } {
  const validator = new Validator(params);
  const request: AssumeRoleRequest = {
    roleArn: validator.required(FIELDS.RoleArn),
    sessionName: validator.required(FIELDS.RoleSessionName),
    duration: validator.duration(DURATION.roleMin, DURATION.roleModelMax),
    externalId: validator.optional(FIELDS.ExternalId),
    serial: validator.optional(FIELDS.SerialNumber),
    code: validator.optional(FIELDS.TokenCode),
    sourceIdentity: validator.optional(FIELDS.SourceIdentity),
    // docs/decisions.md#session-policy-limits: the inline session policy is held to the documented 2048 characters.
    policyText: validator.policyText(2048),
    policyArns: validator.policyArns(),
    policy: params.Policy,
    tagList: validator.tags() ?? [],
    transitive: validator.transitiveTagKeys() ?? [],
    // The assertion itself is not verified: docs/decisions.md#provided-contexts
    contexts: Array.isArray(params.ProvidedContexts)
      ? params.ProvidedContexts.length > 0
      : params.ProvidedContexts !== undefined,
  };
  const parsed = validator.result(request, trace, REF.assumeRole);
  if ('error' in parsed) return parsed;
  const badArn = roleArnFailure(request.roleArn, trace, REF.assumeRole);
  if (badArn) return { error: badArn };
  const { sessionName, duration } = request;
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    values:
      duration !== undefined
        ? { api: 'AssumeRole', sessionName, duration }
        : { api: 'AssumeRole', sessionName },
    ref: REF.assumeRole,
  });
  return parsed;
}
