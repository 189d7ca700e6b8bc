// authorize(): combine SCPs, the resource/trust policy, identity policies, the permissions boundary and
// session policies the way IAM does. Every gate leaves a step (data for the explanation).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
import { evaluatePolicy } from './evaluate.js';
import type {
  AuthorizationDecision,
  AuthorizationInput,
  AuthorizationStep,
  DenyReason,
  NormalizedPolicy,
  PolicyEvaluation,
  PrincipalMatchVia,
  StatementRef,
} from './types.js';

export type {
  AuthorizationDecision,
  AuthorizationInput,
  AuthorizationStep,
  Decision,
  DenyReason,
} from './types.js';

/** Same-account rule: a resource/trust policy Allow that names the IAM user ARN, the exact session ARN
 * or the federated-user ARN grants on its own — implicit denies in identity, boundary and session
 * policies do not block it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (resource-based policies) */
export function isDirectGrant(via: PrincipalMatchVia | undefined): boolean {
  return via === 'user' || via === 'session' || via === 'federated-user';
}

/** Same-account rule: an Allow naming the role ARN replaces the identity policy, but the session's
 * boundary and session policies still filter it. Account and `*` principals only delegate. */
export function isRoleGrant(via: PrincipalMatchVia | undefined): boolean {
  return via === 'role';
}

/**
 * A same-account resource-based policy (not a trust policy) that allows `"*"` grants
 * like one naming the caller itself — as a public S3 bucket policy does without any
 * identity policy; for a role session that is the role grant, still filtered by its
 * boundary and session policies. Trust policies keep `"*"` as a delegation to accounts.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
function grantVia(
  input: AuthorizationInput,
  via: PrincipalMatchVia | undefined,
): PrincipalMatchVia | undefined {
  if (via !== 'wildcard' || input.resourcePolicy?.kind !== 'resource') return via;
  switch (input.request.principal.kind) {
    case 'user':
      return 'user';
    case 'federated-user':
      return 'federated-user';
    case 'assumed-role':
      return 'role';
    default:
      return via;
  }
}

/** The policy a step is about, and its first matching statement of `effect`. */
function about(
  e: PolicyEvaluation,
  effect: 'Allow' | 'Deny',
): Pick<AuthorizationStep, 'policy' | 'statement'> {
  const matched = e.statements.find((s) => s.matched && s.effect === effect);
  if (!matched) return { policy: e.label };
  const statement: StatementRef = { index: matched.index };
  if (matched.sid !== undefined) statement.sid = matched.sid;
  return { policy: e.label, statement };
}

const anyAllow = (evals: PolicyEvaluation[]): PolicyEvaluation | undefined =>
  evals.find((e) => e.result === 'Allow');

export function authorize(input: AuthorizationInput): AuthorizationDecision {
  const { request } = input;
  const ev = (p: NormalizedPolicy): PolicyEvaluation => evaluatePolicy(p, request);
  const scps = input.scps.map(ev);
  const resource = input.resourcePolicy ? ev(input.resourcePolicy) : undefined;
  const identity = input.identity?.map(ev);
  const boundary = input.boundary ? ev(input.boundary) : undefined;
  const session = input.session?.map(ev) ?? [];
  const evaluations = [
    ...scps,
    ...(resource ? [resource] : []),
    ...(identity ?? []),
    ...(boundary ? [boundary] : []),
    ...session,
  ];
  const steps: AuthorizationStep[] = [];
  const step = (
    gate: AuthorizationStep['gate'],
    outcome: AuthorizationStep['outcome'],
    code: AuthorizationStep['code'],
    facts: Omit<AuthorizationStep, 'gate' | 'outcome' | 'code'> = {},
  ): void => {
    steps.push({ gate, outcome, code, ...facts });
  };
  const withVia = (via: PrincipalMatchVia | undefined) => (via ? { via } : {});
  const deny = (reason: DenyReason): AuthorizationDecision => ({
    decision: 'ImplicitlyDenied',
    reason,
    steps,
    evaluations,
  });
  const allow = (): AuthorizationDecision => ({ decision: 'Allowed', steps, evaluations });

  // 1. An explicit Deny in any applicable policy wins.
  const denied = evaluations.find((e) => e.result === 'Deny');
  if (denied) {
    step(denied.kind, 'fail', 'explicit-deny', about(denied, 'Deny'));
    return { decision: 'ExplicitlyDenied', reason: 'explicit-deny', deniedBy: denied, steps, evaluations };
  }

  // 2. SCPs: FullAWSAccess is implicitly attached, so with no Deny they pass.
  if (input.scps.length) step('scp', 'pass', 'scp-pass');
  else step('scp', 'skip', 'no-scps');

  // 3. Resource/trust policy. Trust policies must always allow the principal explicitly.
  const resourceAllows = resource?.result === 'Allow';
  const via = grantVia(input, resource?.matchedAllow?.principal?.via);
  const gate = input.resourcePolicy?.kind ?? (input.resourcePolicyRequired ? 'trust' : 'resource');
  if (resource && resourceAllows)
    step(gate, 'pass', 'trust-allow', { ...about(resource, 'Allow'), ...withVia(via) });
  else if (input.resourcePolicyRequired) {
    if (resource) step(gate, 'fail', 'trust-no-allow', { policy: resource.label });
    else step(gate, 'fail', 'no-trust-policy');
    return deny('no-trust-allow');
  } else if (!input.sameAccount && input.identity !== undefined) {
    // Cross-account: both the trusting (resource) and trusted (identity) side must allow.
    if (resource) step(gate, 'fail', 'resource-no-allow', { policy: resource.label });
    else step(gate, 'fail', 'cross-account-no-resource');
    return deny('no-resource-allow');
  } else if (resource) step(gate, 'skip', 'resource-no-allow', { policy: resource.label });
  else step(gate, 'skip', 'no-resource-policy');

  // 4. Same-account direct grant to the user / session / federated user: nothing else is needed.
  if (input.sameAccount && resourceAllows && isDirectGrant(via) && via) {
    step('identity', 'skip', 'direct-grant', { via });
    if (input.boundary) step('boundary', 'skip', 'bypassed', { via });
    if (input.session?.length || input.sessionPolicyRequired) step('session', 'skip', 'bypassed', { via });
    return allow();
  }

  // 5. No identity side (service, federation, anonymous): the resource/trust policy decides.
  if (identity === undefined) {
    step('identity', 'skip', 'only-resource-decides');
    return resourceAllows
      ? allow()
      : deny(input.resourcePolicyRequired ? 'no-trust-allow' : 'no-resource-allow');
  }

  // 6. Identity side.
  const identityAllow = anyAllow(identity);
  if (input.isRoot) step('root', 'pass', 'root');
  else if (identityAllow) step('identity', 'pass', 'identity-allow', about(identityAllow, 'Allow'));
  else if (input.sameAccount && resourceAllows && isRoleGrant(via)) step('identity', 'skip', 'role-grant');
  else {
    if (resourceAllows) step('identity', 'fail', 'identity-none-account', withVia(via));
    else step('identity', 'fail', 'identity-none');
    return deny('no-identity-allow');
  }

  // 7. Permissions boundary: when present it must allow too.
  if (boundary) {
    if (boundary.result !== 'Allow') {
      step('boundary', 'fail', 'boundary-none', { policy: boundary.label });
      return deny('boundary');
    }
    step('boundary', 'pass', 'boundary-allow', { policy: boundary.label });
  } else step('boundary', 'skip', 'no-boundary');

  // 8. Session policies: when passed, one must allow; a GetFederationToken session without one has no
  // permissions (a resource policy naming the federated user was handled as a direct grant above).
  const sessionAllow = anyAllow(session);
  if (session.length) {
    if (!sessionAllow) {
      step('session', 'fail', 'session-none');
      return deny('session-policy');
    }
    step('session', 'pass', 'session-allow', { policy: sessionAllow.label });
  } else if (input.sessionPolicyRequired && via !== 'federated-user') {
    step('session', 'fail', 'session-required');
    return deny('session-policy');
  } else step('session', 'skip', 'no-session');
  return allow();
}
