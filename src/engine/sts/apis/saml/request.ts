/**
 * AssumeRoleWithSAML's request: the model's constraints, then the ARN rule (RoleArn names a role,
 * PrincipalArn a SAML provider), then the assertion itself, before any lookup.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */
import { ValidationError, InvalidIdentityToken, type AwsError } from '../../errors.js';
import { FIELDS } from '../../field-constraints.js';
import { Validator, type Params } from '../../params.js';
import { arnIsValid } from '../../arns.js';
import { REF } from '../../refs.js';
import { DURATION } from '../../rules.js';
import type { Trace } from '../../trace.js';

/** The SAML assertion as a scenario writes it (the parts of a SAML response STS reads). */
export interface Assertion {
  issuer?: string;
  signedBy?: string;
  subject?: string;
  subjectType?: string;
  sessionName?: string;
  /** SubjectConfirmationData/@Recipient: becomes saml:aud and the response's Audience. */
  recipient?: string;
  /** AudienceRestriction/Audience: must name AWS, else the assertion is rejected. */
  audience?: string;
  roles?: string[];
  sessionDuration?: number | string;
  notOnOrAfter?: string | number;
  sessionNotOnOrAfter?: string | number;
  tags?: Record<string, unknown>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
}

/** AssumeRoleWithSAML's parameters, once they satisfy the model. */
export interface SamlRequest {
  roleArn: string;
  principalArn: string;
  duration: number | undefined;
  policy: unknown;
  policyText: string | undefined;
  policyArns: string[] | undefined;
  assertion: Assertion;
}

export function parseSamlRequest(
  params: Params,
  trace: Trace,
): { request: SamlRequest } | { error: AwsError } {
  const validator = new Validator(params);
  const parsed = validator.result(
    {
      roleArn: validator.required(FIELDS.RoleArn),
      principalArn: validator.required(FIELDS.PrincipalArn),
      duration: validator.duration(DURATION.roleMin, DURATION.roleModelMax),
      policy: params.Policy,
      policyText: validator.policyText(2048),
      policyArns: validator.policyArns(),
      assertion: validator.present('SAMLAssertion', 'sAMLAssertion'),
    },
    trace,
    REF.assumeRoleWithSaml,
  );
  if ('error' in parsed) return parsed;
  const { roleArn, principalArn, assertion } = parsed.request;
  if (!namesRoleAndProvider(roleArn, principalArn)) {
    trace.fail({
      id: 'validate.arns',
      phase: 'validate',
      values: { roleArn, principalArn },
      ref: REF.assumeRoleWithSaml,
    });
    return { error: ValidationError('Request ARN is invalid') };
  }
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    values: { api: 'AssumeRoleWithSAML' },
    ref: REF.assumeRoleWithSaml,
  });
  if (typeof assertion !== 'object' || assertion === null || Array.isArray(assertion)) {
    trace.fail({
      id: 'saml.parse',
      phase: 'federation',
      values: {},
      ref: REF.samlAssertions,
    });
    return { error: InvalidIdentityToken('Invalid base64 SAMLResponse') };
  }
  return { request: { ...parsed.request, assertion: assertion as Assertion } };
}

/** docs/decisions.md#validation-messages: both ARNs well formed, of a role and of a SAML provider. */
function namesRoleAndProvider(roleArn: string, principalArn: string): boolean {
  return (
    arnIsValid(roleArn) &&
    arnIsValid(principalArn) &&
    /:saml-provider\//.test(principalArn) &&
    /:role\//.test(roleArn)
  );
}
