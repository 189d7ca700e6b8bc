/**
 * Shared by the two federation APIs: the IdP-supplied session tags and source
 * identity, which need sts:TagSession / sts:SetSourceIdentity in the trust policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-idp
 */
import { authorize } from '../policy/authorize.js';
import { traceAuthorization } from './authz.js';
import type { RequestContext } from '../policy/types.js';
import { REF } from './refs.js';
import type { Trace } from './trace.js';
import type { RoleModel } from './world-model.js';
import { setOwn } from '../own-key.js';
import { asText } from './constraint-clauses.js';

/** Authorizes `action` for a federated principal against the role's trust policy. */
export function authorizeFederated(
  providerArn: string,
  role: RoleModel,
  action: string,
  context: RequestContext,
  trace: Trace,
  ref: string,
): boolean {
  // The principal of an AssumeRoleWith* call is the identity provider (Principal.Federated);
  // there is no identity side, so the trust policy alone decides.
  const decision = authorize({
    request: { principal: { kind: 'federated', arn: providerArn }, action, resource: role.arn, context },
    sameAccount: false,
    scps: [],
    resourcePolicy: role.trust,
    resourcePolicyRequired: true,
  });
  return traceAuthorization(trace, decision, action, role.arn, ref);
}

/**
 * The trust-policy checks of an AssumeRoleWith* call: the assume action itself, then
 * sts:TagSession when the IdP sends tags and sts:SetSourceIdentity when it sends a
 * source identity — without them the whole call fails.
 */
export function authorizeIdpCall(
  providerArn: string,
  role: RoleModel,
  assume: { action: string; ref: string },
  sends: { tags: boolean; sourceIdentity: boolean },
  context: RequestContext,
  trace: Trace,
): boolean {
  return (
    authorizeFederated(providerArn, role, assume.action, context, trace, assume.ref) &&
    (!sends.tags ||
      authorizeFederated(providerArn, role, 'sts:TagSession', context, trace, REF.sessionTags)) &&
    (!sends.sourceIdentity ||
      authorizeFederated(providerArn, role, 'sts:SetSourceIdentity', context, trace, REF.sourceIdentity))
  );
}

/** Tags and transitive keys from an IdP, as a tag map. */
export function idpTags(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    setOwn(out, k, Array.isArray(v) ? asText(v[0] ?? '') : asText(v));
  }
  return out;
}
