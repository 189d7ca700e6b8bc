/**
 * AssumeRoleWithWebIdentity: an unsigned request carrying an OIDC token
 * (GitHub Actions, EKS service accounts, Cognito, Google…). STS checks the
 * token against the IAM OIDC provider, then the role's trust policy.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import type { ApiHandler } from '../api.js';
import { AccessDenied } from '../errors.js';
import { authorizeIdpCall } from '../federation.js';
import { REF } from '../refs.js';
import { findRole, issueRoleSession, roleDuration } from '../role-session.js';
import { sessionPolicies } from '../session-policy.js';
import { tokenSession, webIdentityContext } from './web-identity/claims.js';
import { parseWebIdentityRequest } from './web-identity/request.js';
import { checkToken } from './web-identity/token.js';

const DENIED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

export const assumeRoleWithWebIdentity: ApiHandler = ({ state, call, params, trace }) => {
  const parsed = parseWebIdentityRequest(params, trace);
  if ('error' in parsed) return parsed;
  const { request } = parsed;
  const { token, sessionName } = request;

  const checked = checkToken(state, request, trace);
  if ('error' in checked) return checked;
  const session = tokenSession(token);
  const policies = sessionPolicies(state, request.policy, request.policyArns, trace);
  if ('error' in policies) return policies;

  const role = findRole(state, request.roleArn, trace);
  if (!role) return { error: AccessDenied(DENIED) };
  const keys = webIdentityContext(state, call, { token, checked, role, sessionName }, session);

  const sends = {
    tags: Object.keys(session.tags).length > 0,
    sourceIdentity: Boolean(session.sourceIdentity),
  };
  const assume = { action: 'sts:AssumeRoleWithWebIdentity', ref: REF.oidcRoles };
  if (!authorizeIdpCall(checked.providerArn, role, assume, sends, keys.context, trace)) {
    return { error: AccessDenied(DENIED) };
  }

  const duration = roleDuration({ requested: request.duration, role }, trace);
  if ('error' in duration) return duration;

  return issueRoleSession(
    state,
    role,
    sessionName,
    {
      duration: duration.seconds,
      mfa: false,
      ...(policies.policies ? { sessionPolicies: policies.policies } : {}),
      tags: session.tags,
      transitiveKeys: session.transitive,
      ...(session.sourceIdentity ? { sourceIdentity: session.sourceIdentity } : {}),
      federation: { kind: 'web-identity', provider: checked.providerArn, carried: keys.carried },
      origin: 'AssumeRoleWithWebIdentity',
    },
    { policyText: request.policyText, arnCount: request.policyArns?.length ?? 0, passedTags: session.tags },
    trace,
    // Provider: the IAM OIDC provider's ARN, or a built-in provider's host (docs/decisions.md#web-identity-provider-field)
    { SubjectFromWebIdentityToken: token.sub, Provider: checked.providerArn, Audience: keys.audience },
  );
};
