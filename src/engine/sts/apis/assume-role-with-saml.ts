/**
 * AssumeRoleWithSAML: an unsigned request carrying an IdP-signed assertion.
 * STS checks the assertion against the IAM SAML provider, then the role's
 * trust policy (Principal.Federated = the provider).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */
import type { ApiHandler } from '../api.js';
import { AccessDenied } from '../errors.js';
import { authorizeIdpCall, idpTags } from '../federation.js';
import { REF } from '../refs.js';
import { findRole, issueRoleSession } from '../role-session.js';
import { sessionPolicies } from '../session-policy.js';
import { checkAssertion } from './saml/assertion.js';
import { checkAttributes, DENIED } from './saml/attributes.js';
import { parseSamlRequest } from './saml/request.js';
import { samlContext, samlDuration } from './saml/session.js';

export const assumeRoleWithSaml: ApiHandler = ({ state, call, params, trace }) => {
  const parsed = parseSamlRequest(params, trace);
  if ('error' in parsed) return parsed;
  const { request } = parsed;
  const { assertion } = request;

  const checked = checkAssertion(state, request, trace);
  if ('error' in checked) return checked;
  const { provider } = checked;
  const subject = checkAttributes(request, trace);
  if ('error' in subject) return subject;
  const policies = sessionPolicies(state, request.policy, request.policyArns, trace);
  if ('error' in policies) return policies;

  const role = findRole(state, request.roleArn, trace);
  if (!role) return { error: AccessDenied(DENIED) };
  const tags = idpTags(assertion.tags);
  const transitive = assertion.transitiveTagKeys ?? [];
  const keys = samlContext(state, call, { assertion, provider, subject, role }, { tags, transitive });

  const sends = { tags: Object.keys(tags).length > 0, sourceIdentity: Boolean(assertion.sourceIdentity) };
  const assume = { action: 'sts:AssumeRoleWithSAML', ref: REF.samlProviders };
  if (!authorizeIdpCall(provider.arn, role, assume, sends, keys.context, trace)) {
    return { error: AccessDenied(DENIED) };
  }

  const duration = samlDuration(state, request.duration, role, assertion, trace);
  if ('error' in duration) return duration;

  return issueRoleSession(
    state,
    role,
    subject.sessionName,
    {
      duration: duration.seconds,
      mfa: false,
      ...(policies.policies ? { sessionPolicies: policies.policies } : {}),
      tags,
      transitiveKeys: transitive,
      ...(assertion.sourceIdentity ? { sourceIdentity: assertion.sourceIdentity } : {}),
      federation: { kind: 'saml', provider: provider.arn, carried: keys.carried },
      origin: 'AssumeRoleWithSAML',
    },
    { policyText: request.policyText, arnCount: request.policyArns?.length ?? 0, passedTags: tags },
    trace,
    {
      Subject: subject.subject,
      SubjectType: keys.subjectType,
      Issuer: assertion.issuer,
      Audience: keys.recipient,
      NameQualifier: keys.qualifier,
    },
  );
};
