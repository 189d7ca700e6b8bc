// One-line notes for authorize()'s steps (the explanation renders them).
import type { PolicyEvaluation, PrincipalMatchVia } from './types.js';

const VIA_TEXT: Record<PrincipalMatchVia, string> = {
  wildcard: 'everyone (`*`)',
  account: 'the account',
  user: 'the IAM user ARN',
  role: 'the role ARN',
  session: 'the exact session ARN',
  'federated-user': 'the federated-user ARN',
  service: 'the service principal',
  federated: 'the identity provider',
};

const stmt = (e: PolicyEvaluation, effect: 'Allow' | 'Deny'): string => {
  const s = e.statements.find((x) => x.matched && x.effect === effect);
  return s ? `statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}` : 'a statement';
};

export const AUTH_NOTES = {
  explicitDeny: (e: PolicyEvaluation) =>
    `explicit Deny in \`${e.label}\` ${stmt(e, 'Deny')}: a Deny always wins`,
  noScps: "no extra SCPs apply to the principal's account",
  scpPass: 'FullAWSAccess (implicit) allows; no SCP Deny matched',
  noTrustPolicy: 'the role has no trust policy to evaluate',
  trustAllow: (e: PolicyEvaluation, via?: PrincipalMatchVia) =>
    `\`${e.label}\` ${stmt(e, 'Allow')} allows, naming ${via ? VIA_TEXT[via] : 'the principal'}`,
  trustNoAllow: (e: PolicyEvaluation) =>
    `\`${e.label}\` has no matching Allow: a trust policy must explicitly allow the principal`,
  noResourcePolicy: 'no resource-based policy',
  resourceNoAllow: (e: PolicyEvaluation) => `\`${e.label}\` has no matching Allow`,
  crossAccountNoResource: 'cross-account: the resource side must allow too, and nothing on it does',
  directGrant: (via: PrincipalMatchVia) =>
    `same account: the resource policy names ${VIA_TEXT[via]}, which is enough on its own`,
  bypassed: (via: PrincipalMatchVia) => `not needed: the resource policy names ${VIA_TEXT[via]}`,
  roleGrant: 'same account: the resource policy names the role ARN, so no identity policy is needed',
  onlyResourceDecides: 'no identity side (service, federation or anonymous): the resource policy decides',
  root: 'the root user: its identity side is implicitly allowed',
  identityAllow: (e: PolicyEvaluation) => `\`${e.label}\` ${stmt(e, 'Allow')} allows`,
  identityNone: 'no identity-based policy allows the action',
  identityNoneAccount: (via?: PrincipalMatchVia) =>
    `no identity-based policy allows the action, and the resource policy names ${via ? VIA_TEXT[via] : 'no one'} (not a direct grant)`,
  noBoundary: 'no permissions boundary',
  boundaryAllow: (e: PolicyEvaluation) => `the permissions boundary \`${e.label}\` allows`,
  boundaryNone: (e: PolicyEvaluation) => `the permissions boundary \`${e.label}\` does not allow the action`,
  noSession: 'no session policy was passed',
  sessionAllow: (e: PolicyEvaluation) => `the session policy \`${e.label}\` allows`,
  sessionNone: 'no session policy allows the action',
  sessionRequired: 'a GetFederationToken session without a session policy has no permissions',
} as const;
