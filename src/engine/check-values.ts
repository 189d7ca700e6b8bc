/**
 * What each trace check found, as data: the facts a check weighed, keyed by its id. The engine
 * records these; the sentences a learner reads are built from them outside the engine
 * (src/learn/check-text.ts), so rewording a sentence never touches the simulator. Times are ISO-8601,
 * durations are seconds.
 */

import type { PolicyProblem } from './policy/problems.js';
import type { PolicyRef } from './policy/ref.js';

/** The credentials that signed a request, as the trace names them. */
export interface Signer {
  kind: 'user' | 'root' | 'role-session' | 'federated-user' | 'session-token';
  arn: string;
  account: string;
  /** The IAM user's name, for a user's key or a GetSessionToken session of a user. */
  user?: string;
}

/** Who made a call, and how STS took it (the `auth.caller` check). */
export type CallerValues =
  | { case: 'unsigned'; api: string; accepted: boolean }
  | { case: 'portal-unsigned'; api: string }
  | { case: 'portal-sso'; api: string; user: string }
  | { case: 'sso-not-portal'; api: string }
  | { case: 'portal-not-sso'; api: string }
  | { case: 'service'; api: string; service: string; accepted: boolean }
  | { case: 'unknown-key'; as: string }
  | { case: 'long-term'; signer: Signer; accessKeyId: string };

/** How long a session may last, and which rule set it (the `duration.limit` check). */
export type DurationLimitValues =
  /** Role chaining: 1 hour at most. */
  | { rule: 'chaining'; requested?: number; seconds: number; maximum: number }
  /** An AWS service assuming a role: MaxSessionDuration does not apply. */
  | { rule: 'service'; requested?: number; seconds: number }
  /** The role's MaxSessionDuration (and, when chaining, the 1-hour cap too). */
  | { rule: 'role'; requested?: number; seconds: number; role: string; maximum: number; chaining: boolean }
  /** GetSessionToken / GetFederationToken. */
  | { rule: 'token'; requested?: number; seconds: number };

/** An authorization check's id: `authorize.<action>`, e.g. `authorize.sts:AssumeRole`. */
export type AuthorizationCheckId = `authorize.${string}`;

/** An authorization: the action on the resource and IAM's decision (the full decision rides beside it). */
export interface AuthorizationValues {
  action: string;
  resource: string;
  decision: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
}

/** The values of every check with a fixed id, by check id. */
export interface NamedCheckValues {
  'auth.caller': CallerValues;
  'auth.expiry': { signer: Signer; expiresAt: string; now: string; secondsLeft: number };
  'auth.token-version': { version: 1 | 2; region: string; optIn: boolean };
  'authorize.none': { api: 'GetSessionToken' } | { api: 'GetCallerIdentity'; deniedBy?: PolicyRef };
  'caller.long-term': { caller: string; temporary: boolean };
  'caller.root': Record<string, never>;
  'caller.type':
    | { gate: 'sts-api'; api: string; kind?: Signer['kind']; caller: string }
    | { gate: 'iam'; kind: 'federated-user' | 'session-token'; action: string; mfa: boolean };
  'duration.chaining': { via: 'role-session' | 'session-token'; maximum: number };
  'duration.limit': DurationLimitValues;
  'duration.root': { requested: number; maximum: number };
  'duration.saml':
    | { source: 'attribute'; seconds: number }
    | { source: 'session-not-on-or-after'; until: string; seconds: number };
  'duration.sso': { seconds: number };
  /** The first problem IAM would reject the document for. */
  'iam.policy': { problem: PolicyProblem };
  'iam.put-role-policy': { policy: string; role: string };
  'iam.role': { role: string };
  'issue.credentials': {
    kind: 'role-session' | 'session-token' | 'federated-user';
    arn: string;
    accessKeyId: string;
    expiration?: string;
    mfa: boolean;
  };
  'issue.packed': { percent: number };
  'key.known': { key: string; account?: string };
  'message.valid': { message: string } | { action: string; resource: string };
  'mfa.code': { sent: string };
  'mfa.device': { sent?: string; device?: string };
  'oidc.audience': { audiences: string[]; allowed?: string[] };
  'oidc.expiry': { expires?: string; now: string };
  'oidc.parse': Record<string, never>;
  'oidc.provider': { issuer: string; account: string; provider?: string; builtIn?: string };
  'oidc.signature': { issuer: string; signedBy?: string };
  'region.active': { region: string; account: string; disabled: boolean };
  'role.exists': { role: string; uniqueId?: string };
  'saml.audience': { audience: string; allowed: string[] };
  'saml.expiry': { notOnOrAfter?: string; now: string };
  'saml.issuer': { issuer?: string; expected: string };
  'saml.parse': Record<string, never>;
  'saml.provider': { provider: string; name?: string };
  'saml.role': { values: string[]; role: string; provider: string };
  'saml.sessionName': { sessionName: string };
  'saml.signature': { signedBy?: string; expected: string };
  'saml.sourceIdentity': { sourceIdentity: string };
  'saml.subject': Record<string, never>;
  'session.none': Record<string, never>;
  'session.policy':
    | { problem: 'json' }
    /** `detail`: the first problem in the inline session policy. */
    | { problem: 'invalid'; detail: PolicyProblem }
    | { policies: PolicyRef[] };
  'session.policyArns': { arn: string };
  'source-identity.immutable': { inherited: string; passed: string };
  'sso.assignment': { user: string; permissionSet: string; account: string };
  'sso.saml': { role: string; provider: string; path: string };
  'sso.session': { user: string; until?: string };
  'sso.signin': { user: string; until: string };
  'sso.user': { user: string };
  'tags.inherited': { key: string };
  'tags.rules': { passed: Record<string, string>; transitive: string[]; inherited: Record<string, string> };
  'tags.transitive': { key: string } | { federated: true };
  'tags.unique': { key: string };
  'validate.arns': { roleArn: string; principalArn: string };
  'validate.params':
    | { violations: { member: string; constraint: string }[] }
    | { api: 'AssumeRole'; sessionName: string; duration?: number }
    | { api: 'AssumeRoleWithWebIdentity'; sessionName: string }
    | { api: 'GetFederationToken'; name: string }
    | { api: 'AssumeRoleWithSAML' | 'GetSessionToken' }
    | { api: 'GetAccessKeyInfo'; accessKeyId: string };
  'validate.roleArn': { roleArn: string };
}

/**
 * The stable identifier of a check: what content's `expect.deniedAt` names and what the learner's
 * wording is keyed by. An authorization is `authorize.<action>`, e.g. `authorize.sts:AssumeRole`.
 */
export type CheckId = keyof NamedCheckValues | AuthorizationCheckId;

/** The values of the check with id K. */
export type CheckValues<K extends CheckId = CheckId> = K extends keyof NamedCheckValues
  ? NamedCheckValues[K]
  : AuthorizationValues;
