// Shared types of the IAM policy layer. The STS layer (src/engine/sts) codes against exactly these;
// extend only by adding optional fields.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import type { ParsedOperator } from '../conditions/types.js';
import type { SkipReason } from './problems.js';
import type { PolicyRef } from './ref.js';

export type { PolicyProblem, PolicyProblemCode, PolicyProblemDetail, SkipReason } from './problems.js';
export type { PolicyRef } from './ref.js';

/** A request-context value set: every value as a string ("true"/"false", decimal numbers, ISO-8601 dates). */
export interface ContextEntry {
  /** Display name, e.g. 'aws:PrincipalTag/team'. */
  key: string;
  /** One value for single-valued keys. */
  values: string[];
  /** An ArrayOf… key (aws:TagKeys, sts:TransitiveTagKeys, <oidc>:amr, …). */
  multi: boolean;
}
/** Keys are lower-cased (condition key names are case-insensitive, incl. the tag-key suffix). */
export type RequestContext = ReadonlyMap<string, ContextEntry>;

export type PrincipalKind =
  'root' | 'user' | 'assumed-role' | 'federated-user' | 'service' | 'federated' | 'anonymous';
export interface RequestPrincipal {
  kind: PrincipalKind;
  /** User ARN, 'arn:aws:iam::<acct>:root', session ARN 'arn:aws:sts::<acct>:assumed-role/R/s',
   * federated-user ARN, the service name ('ec2.amazonaws.com'), the provider ARN or
   * built-in web IdP name ('cognito-identity.amazonaws.com'), or '*' for anonymous. */
  arn: string;
  /** For root/user/assumed-role/federated-user. */
  account?: string;
  /** For assumed-role: the role's ARN (with its path), which a Principal may name. */
  roleArn?: string;
}
export interface EvalRequest {
  principal: RequestPrincipal;
  /** 'sts:AssumeRole', 's3:GetObject' (matched case-insensitively). */
  action: string;
  /** ARN. */
  resource: string;
  context: RequestContext;
}
export type PolicyKind = 'scp' | 'trust' | 'resource' | 'identity' | 'boundary' | 'session';
export interface NormalizedPolicy {
  /** Which policy this is, as data. */
  ref: PolicyRef;
  kind: PolicyKind;
  statements: NormalizedStatement[];
  source: unknown;
}

export type PrincipalMatchVia =
  'wildcard' | 'account' | 'user' | 'role' | 'session' | 'federated-user' | 'service' | 'federated';
export interface ElementMatch {
  element: 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource';
  matched: boolean;
  /** The policy value that matched. */
  value?: string;
}
export interface PrincipalMatch extends ElementMatch {
  via?: PrincipalMatchVia;
}
export interface ConditionEvaluation {
  /** As written, e.g. 'ForAnyValue:StringLike', 'BoolIfExists'. */
  operator: string;
  /** As written in the policy. */
  key: string;
  /** After policy-variable substitution. */
  policyValues: string[];
  /** null = the key is absent from the request. */
  requestValues: string[] | null;
  matched: boolean;
  /** The key is absent from the request, or has no value. */
  absent: boolean;
  /** Each policy value (after substitution) and whether a request value matched it. */
  perValue: PolicyValueResult[];
  /** Why the condition came out as it did when that is not plain value matching. */
  reason?: ConditionReason;
  /** Policy variables that could not be resolved (with `unresolved` / `unresolved-negated`). */
  unresolved?: string[];
}
/** One policy value of a condition: did any request value match it (the operator's positive test)? */
export interface PolicyValueResult {
  value: string;
  matched: boolean;
}
/** Why a condition came out as it did: an absent key, an unresolved variable, a multivalued key. */
export type ConditionReason =
  | 'if-exists-absent'
  | 'any-value-absent'
  | 'all-values-absent'
  | 'negated-absent'
  | 'positive-absent'
  | 'unresolved'
  | 'unresolved-negated'
  | 'multi-no-set'
  | 'unknown-operator';
export interface StatementEvaluation {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Present when the statement has Principal/NotPrincipal. */
  principal?: PrincipalMatch;
  action: ElementMatch;
  /** Absent in trust policies (no Resource element). */
  resource?: ElementMatch;
  /** EVERY condition evaluated (no short-circuit) so the learner sees all. */
  conditions: ConditionEvaluation[];
  /** principal && action && resource && all conditions. */
  matched: boolean;
  /** Set when the statement could not be evaluated (a policy problem); it never matches. */
  skipped?: SkipReason;
}
export interface PolicyEvaluation {
  /** Which policy this is. */
  ref: PolicyRef;
  kind: PolicyKind;
  /** A matching Deny wins over a matching Allow. */
  result: 'Deny' | 'Allow' | 'NoMatch';
  /** First matching Allow (its principal.via matters to the caller). */
  matchedAllow?: StatementEvaluation;
  statements: StatementEvaluation[];
}

// ---- authorize(): combine policy types the way IAM does (implemented in authorize.ts) ----
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

export interface AuthorizationInput {
  request: EvalRequest;
  /** Principal's account = resource's account. */
  sameAccount: boolean;
  /** Extra SCPs that apply to the principal's account (FullAWSAccess is implicitly attached, so only
   * their Deny statements can change the outcome; still evaluate and report them). Empty = none. */
  scps: NormalizedPolicy[];
  /** The trust policy (AssumeRole*) or the resource's resource-based policy, if any. */
  resourcePolicy?: NormalizedPolicy;
  /** Trust policies must explicitly allow the principal, whatever identity policies say. */
  resourcePolicyRequired: boolean;
  /** Principal-side policies. `identity` is undefined when the principal has no identity side
   *  (service principals, SAML/OIDC federation, anonymous): then the resource/trust policy alone decides. */
  identity?: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
  /** Session policies (inline + managed ARNs) of the calling session; undefined = none passed. */
  session?: NormalizedPolicy[];
  /** GetFederationToken sessions: no session policy means no permissions. */
  sessionPolicyRequired?: boolean;
  /** The root user in its own account: the identity side is implicitly allowed. */
  isRoot?: boolean;
}
export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
export type DenyReason =
  | 'explicit-deny'
  | 'no-trust-allow'
  | 'no-resource-allow'
  | 'no-identity-allow'
  | 'boundary'
  | 'session-policy';
/** Why a gate passed, failed or was skipped; the learner's wording is built from it (src/learn). */
export type StepCode =
  | 'explicit-deny'
  | 'no-scps'
  | 'scp-pass'
  | 'no-trust-policy'
  | 'trust-allow'
  | 'trust-no-allow'
  | 'no-resource-policy'
  | 'resource-no-allow'
  | 'cross-account-no-resource'
  | 'direct-grant'
  | 'bypassed'
  | 'role-grant'
  | 'only-resource-decides'
  | 'root'
  | 'identity-allow'
  | 'identity-none'
  | 'identity-none-account'
  | 'no-boundary'
  | 'boundary-allow'
  | 'boundary-none'
  | 'no-session'
  | 'session-allow'
  | 'session-none'
  | 'session-required';
/** A statement of a policy, by position (0-based) and Sid. */
export interface StatementRef {
  index: number;
  sid?: string;
}
export interface AuthorizationStep {
  gate: PolicyKind | 'root';
  outcome: 'pass' | 'fail' | 'skip';
  code: StepCode;
  /** The policy the step is about. */
  policy?: PolicyRef;
  /** The statement that decided it (the matching Allow or Deny). */
  statement?: StatementRef;
  /** How the resource or trust policy named the principal. */
  via?: PrincipalMatchVia;
}
export interface AuthorizationDecision {
  decision: Decision;
  /** Why it was denied. */
  reason?: DenyReason;
  /** The policy that explicitly denied, when ExplicitlyDenied. */
  deniedBy?: PolicyEvaluation;
  /** Each gate in order, with its reason as a code (data for the explanation). */
  steps: AuthorizationStep[];
  /** Every policy evaluated, in order. */
  evaluations: PolicyEvaluation[];
}

// ---- Normalised statement (built once by normalizePolicy; read by evaluatePolicy and tests) ----

/** One parsed Principal/NotPrincipal entry; `"*"` is `{ type: 'AWS', value: '*' }`. */
export interface PrincipalEntry {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
  value: string;
}
/** One (operator, key) pair of a Condition block, with its policy values as strings. */
export interface NormalizedCondition {
  /** Operator as written (with prefix/suffix). */
  operator: string;
  /** Key as written. */
  key: string;
  /** Policy values normalised to strings. */
  values: string[];
  /** The operator resolved against the registry (always set on a statement that is evaluated). */
  parsed?: ParsedOperator;
}
export interface NormalizedStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: { not: boolean; entries: PrincipalEntry[] };
  action: { not: boolean; patterns: string[] };
  /** Absent when the statement has neither Resource nor NotResource (trust policies). */
  resource?: { not: boolean; patterns: string[] };
  conditions: NormalizedCondition[];
  /** Set when the statement cannot be evaluated: it never matches (the problem says why). */
  skipped?: SkipReason;
}

export { normalizePolicy } from './normalize.js';
export { evaluatePolicy } from './evaluate.js';
export { authorize } from './authorize.js';
