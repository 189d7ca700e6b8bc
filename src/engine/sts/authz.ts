/**
 * Connects callers to the policy layer: which identity, boundary, session and
 * SCP policies apply to a caller (docs/decisions.md#same-vs-cross-account), and the standard trace
 * check for an authorization.
 */
import { authorize } from '../policy/authorize.js';
import type {
  AuthorizationDecision,
  AuthorizationInput,
  NormalizedPolicy,
  RequestContext,
} from '../policy/types.js';
import { principalOf, type Caller } from './credentials.js';
import { REF } from './refs.js';
import type { EngineState } from './state.js';
import { roleKey } from './world-model.js';
import type { Trace } from './trace.js';

export interface AuthzTarget {
  action: string;
  resource: string;
  resourceAccount: string | undefined;
  resourcePolicy?: NormalizedPolicy;
  /** Trust policies must explicitly allow the principal. */
  trust: boolean;
}

/** The principal-side policies of a caller. */
function principalSide(state: EngineState, caller: Caller): Partial<AuthorizationInput> {
  if (caller.type !== 'credentials') return {};
  const c = caller.creds;
  const scps = state.world.scps.get(c.account) ?? [];
  switch (c.kind) {
    case 'root':
      return { scps, identity: [], isRoot: true };
    case 'user':
      return {
        scps,
        identity: c.user.policies,
        ...(c.user.boundary ? { boundary: c.user.boundary } : {}),
      };
    case 'session-token':
      // GetSessionToken sessions carry the user's (or root's) own permissions.
      return c.user
        ? { scps, identity: c.user.policies, ...(c.user.boundary ? { boundary: c.user.boundary } : {}) }
        : { scps, identity: [], isRoot: true };
    case 'role-session': {
      const r = c.role;
      const added = state.rolePolicies.get(roleKey(r.account, r.name));
      return {
        scps,
        identity: added ? [...r.policies, ...added] : r.policies,
        ...(r.boundary ? { boundary: r.boundary } : {}),
        ...(c.sessionPolicies ? { session: c.sessionPolicies } : {}),
      };
    }
    case 'federated-user': {
      // GetFederationToken: the user's permissions ∩ the session policy; no session policy, no permissions.
      // A root-created federated user starts from root's permissions.
      const u = c.user;
      return {
        scps,
        identity: u?.policies ?? [],
        ...(u ? {} : { isRoot: true }),
        ...(u?.boundary ? { boundary: u.boundary } : {}),
        ...(c.sessionPolicies ? { session: c.sessionPolicies } : {}),
        sessionPolicyRequired: true,
      };
    }
  }
}

export function authorizeCall(
  state: EngineState,
  caller: Caller,
  target: AuthzTarget,
  context: RequestContext,
): AuthorizationDecision {
  const principal = principalOf(caller);
  const side = principalSide(state, caller);
  const input: AuthorizationInput = {
    request: { principal, action: target.action, resource: target.resource, context },
    sameAccount: principal.account !== undefined && principal.account === target.resourceAccount,
    scps: side.scps ?? [],
    resourcePolicyRequired: target.trust,
    ...side,
  };
  if (target.resourcePolicy) input.resourcePolicy = target.resourcePolicy;
  return authorize(input);
}

/** Records an authorization as one trace check: the decision carries every step, policy and statement. */
export function traceAuthorization(
  trace: Trace,
  decision: AuthorizationDecision,
  action: string,
  resource: string,
  ref: string = REF.evaluationLogic,
): boolean {
  const ok = decision.decision === 'Allowed';
  trace.add({
    id: `authorize.${action}`,
    phase: 'authorize',
    values: { action, resource, decision: decision.decision },
    ok,
    ref,
    decision,
  });
  return ok;
}
