/**
 * AssumeRoleWithWebIdentity's request: the model's constraints, the RoleArn's syntax, then the token
 * itself (a JWT), before any lookup.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { InvalidIdentityToken, type AwsError } from '../../errors.js';
import { FIELDS } from '../../field-constraints.js';
import { Validator, type Params } from '../../params.js';
import { roleArnFailure } from '../../arns.js';
import { REF } from '../../refs.js';
import { DURATION } from '../../rules.js';
import type { Trace } from '../../trace.js';

/** The OIDC ID token as a scenario writes it (its claims, and who signed it). */
export interface Token {
  iss?: string;
  signedBy?: string;
  sub?: string;
  aud?: string | string[];
  azp?: string;
  exp?: string | number;
  claims?: Record<string, unknown>;
}

/** AssumeRoleWithWebIdentity's parameters, once they satisfy the model. */
export interface WebIdentityRequest {
  roleArn: string;
  sessionName: string;
  duration: number | undefined;
  policy: unknown;
  policyText: string | undefined;
  policyArns: string[] | undefined;
  token: Token;
}

const error = (aws: AwsError) => ({ error: aws });

export function parseWebIdentityRequest(
  params: Params,
  trace: Trace,
): { request: WebIdentityRequest } | { error: AwsError } {
  const validator = new Validator(params);
  const parsed = validator.result(
    {
      roleArn: validator.required(FIELDS.RoleArn),
      sessionName: validator.required(FIELDS.RoleSessionName),
      duration: validator.duration(DURATION.roleMin, DURATION.roleModelMax),
      policy: params.Policy,
      policyText: validator.policyText(2048),
      policyArns: validator.policyArns(),
      token: validator.present('WebIdentityToken', 'webIdentityToken'),
    },
    trace,
    REF.assumeRoleWithWebIdentity,
  );
  if ('error' in parsed) return parsed;
  const { roleArn, sessionName } = parsed.request;
  const badArn = roleArnFailure(roleArn, trace, REF.assumeRoleWithWebIdentity);
  if (badArn) return { error: badArn };
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    values: { api: 'AssumeRoleWithWebIdentity', sessionName },
    ref: REF.assumeRoleWithWebIdentity,
  });
  const raw = parsed.request.token;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    trace.fail({
      id: 'oidc.parse',
      phase: 'federation',
      values: {},
      ref: REF.oidcProviders,
    });
    return error(
      InvalidIdentityToken(
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      ),
    );
  }
  return { request: { ...parsed.request, token: raw as Token } };
}
