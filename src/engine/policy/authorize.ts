// authorize(): combine SCPs, the resource/trust policy, identity policies, the permissions boundary and
// session policies the way IAM does. Every gate leaves a step (data for the explanation).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
import type { PolicyRef } from './ref.js';
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

// authorize() runs for every action of every call: steps and decisions are built property by property,
// without object spreads or per-call closures.

/** A gate's step, with the facts that are known. */
function stepOf(
  gate: AuthorizationStep['gate'],
  outcome: AuthorizationStep['outcome'],
  code: AuthorizationStep['code'],
  policy?: PolicyRef,
  statement?: StatementRef,
  via?: PrincipalMatchVia,
): AuthorizationStep {
  const step: AuthorizationStep = { gate, outcome, code };
  if (policy !== undefined) step.policy = policy;
  if (statement !== undefined) step.statement = statement;
  if (via !== undefined) step.via = via;
  return step;
}

/** A step about a policy, naming its first matching statement of `effect`. */
function aboutStep(
  gate: AuthorizationStep['gate'],
  outcome: AuthorizationStep['outcome'],
  code: AuthorizationStep['code'],
  e: PolicyEvaluation,
  effect: 'Allow' | 'Deny',
  via?: PrincipalMatchVia,
): AuthorizationStep {
  const matched = e.statements.find((s) => s.matched && s.effect === effect);
  let statement: StatementRef | undefined;
  if (matched) {
    statement = { index: matched.index };
    if (matched.sid !== undefined) statement.sid = matched.sid;
  }
  return stepOf(gate, outcome, code, e.ref, statement, via);
}

/** Evaluates each policy into `evaluations`; returns the first that allows. */
function evaluateEach(
  policies: NormalizedPolicy[] | undefined,
  request: AuthorizationInput['request'],
  evaluations: PolicyEvaluation[],
): PolicyEvaluation | undefined {
  let allow: PolicyEvaluation | undefined;
  if (policies) {
    for (const p of policies) {
      const e = evaluatePolicy(p, request);
      evaluations.push(e);
      if (!allow && e.result === 'Allow') allow = e;
    }
  }
  return allow;
}

function denied(
  reason: DenyReason,
  steps: AuthorizationStep[],
  evaluations: PolicyEvaluation[],
): AuthorizationDecision {
  return { decision: 'ImplicitlyDenied', reason, steps, evaluations };
}

function allowed(steps: AuthorizationStep[], evaluations: PolicyEvaluation[]): AuthorizationDecision {
  return { decision: 'Allowed', steps, evaluations };
}

export function authorize(input: AuthorizationInput): AuthorizationDecision {
  const { request } = input;
  // Every applicable policy, in order: SCPs, resource/trust, identity, boundary, session.
  const evaluations: PolicyEvaluation[] = [];
  evaluateEach(input.scps, request, evaluations);
  const resource = input.resourcePolicy ? evaluatePolicy(input.resourcePolicy, request) : undefined;
  if (resource) evaluations.push(resource);
  const identityAllow = evaluateEach(input.identity, request, evaluations);
  const boundary = input.boundary ? evaluatePolicy(input.boundary, request) : undefined;
  if (boundary) evaluations.push(boundary);
  const sessionAllow = evaluateEach(input.session, request, evaluations);
  const steps: AuthorizationStep[] = [];

  // 1. An explicit Deny in any applicable policy wins.
  const deniedBy = evaluations.find((e) => e.result === 'Deny');
  if (deniedBy) {
    steps.push(aboutStep(deniedBy.kind, 'fail', 'explicit-deny', deniedBy, 'Deny'));
    return { decision: 'ExplicitlyDenied', reason: 'explicit-deny', deniedBy, steps, evaluations };
  }

  // 2. SCPs: FullAWSAccess is implicitly attached, so with no Deny they pass.
  if (input.scps.length) steps.push(stepOf('scp', 'pass', 'scp-pass'));
  else steps.push(stepOf('scp', 'skip', 'no-scps'));

  // 3. Resource/trust policy. Trust policies must always allow the principal explicitly.
  const resourceAllows = resource?.result === 'Allow';
  const via = grantVia(input, resource?.matchedAllow?.principal?.via);
  const gate = input.resourcePolicy?.kind ?? (input.resourcePolicyRequired ? 'trust' : 'resource');
  if (resource && resourceAllows) steps.push(aboutStep(gate, 'pass', 'trust-allow', resource, 'Allow', via));
  else if (input.resourcePolicyRequired) {
    if (resource) steps.push(stepOf(gate, 'fail', 'trust-no-allow', resource.ref));
    else steps.push(stepOf(gate, 'fail', 'no-trust-policy'));
    return denied('no-trust-allow', steps, evaluations);
  } else if (!input.sameAccount && input.identity !== undefined) {
    // Cross-account: both the trusting (resource) and trusted (identity) side must allow.
    if (resource) steps.push(stepOf(gate, 'fail', 'resource-no-allow', resource.ref));
    else steps.push(stepOf(gate, 'fail', 'cross-account-no-resource'));
    return denied('no-resource-allow', steps, evaluations);
  } else if (resource) steps.push(stepOf(gate, 'skip', 'resource-no-allow', resource.ref));
  else steps.push(stepOf(gate, 'skip', 'no-resource-policy'));

  // 4. Same-account direct grant to the user / session / federated user: nothing else is needed.
  if (input.sameAccount && resourceAllows && isDirectGrant(via) && via) {
    steps.push(stepOf('identity', 'skip', 'direct-grant', undefined, undefined, via));
    if (input.boundary) steps.push(stepOf('boundary', 'skip', 'bypassed', undefined, undefined, via));
    if (input.session?.length || input.sessionPolicyRequired)
      steps.push(stepOf('session', 'skip', 'bypassed', undefined, undefined, via));
    return allowed(steps, evaluations);
  }

  // 5. No identity side (service, federation, anonymous): the resource/trust policy decides.
  if (input.identity === undefined) {
    steps.push(stepOf('identity', 'skip', 'only-resource-decides'));
    return resourceAllows
      ? allowed(steps, evaluations)
      : denied(input.resourcePolicyRequired ? 'no-trust-allow' : 'no-resource-allow', steps, evaluations);
  }

  // 6. Identity side.
  if (input.isRoot) steps.push(stepOf('root', 'pass', 'root'));
  else if (identityAllow) steps.push(aboutStep('identity', 'pass', 'identity-allow', identityAllow, 'Allow'));
  else if (input.sameAccount && resourceAllows && isRoleGrant(via))
    steps.push(stepOf('identity', 'skip', 'role-grant'));
  else {
    if (resourceAllows)
      steps.push(stepOf('identity', 'fail', 'identity-none-account', undefined, undefined, via));
    else steps.push(stepOf('identity', 'fail', 'identity-none'));
    return denied('no-identity-allow', steps, evaluations);
  }

  // 7. Permissions boundary: when present it must allow too.
  if (boundary) {
    if (boundary.result !== 'Allow') {
      steps.push(stepOf('boundary', 'fail', 'boundary-none', boundary.ref));
      return denied('boundary', steps, evaluations);
    }
    steps.push(stepOf('boundary', 'pass', 'boundary-allow', boundary.ref));
  } else steps.push(stepOf('boundary', 'skip', 'no-boundary'));

  // 8. Session policies: when passed, one must allow; a GetFederationToken session without one has no
  // permissions (a resource policy naming the federated user was handled as a direct grant above).
  if (input.session?.length) {
    if (!sessionAllow) {
      steps.push(stepOf('session', 'fail', 'session-none'));
      return denied('session-policy', steps, evaluations);
    }
    steps.push(stepOf('session', 'pass', 'session-allow', sessionAllow.ref));
  } else if (input.sessionPolicyRequired && via !== 'federated-user') {
    steps.push(stepOf('session', 'fail', 'session-required'));
    return denied('session-policy', steps, evaluations);
  } else steps.push(stepOf('session', 'skip', 'no-session'));
  return allowed(steps, evaluations);
}
