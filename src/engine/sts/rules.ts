/**
 * Named STS rules (STYLE.md §3): each states the rule and the AWS page it comes from.
 */
import type { ApiName } from '../types.js';
import type { Caller, Credentials } from './credentials.js';

/**
 * The root user cannot call AssumeRole.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html (comparison table)
 */
export const ROOT_CANNOT_ASSUME_ROLE = 'Roles may not be assumed by root accounts.';
export function isRootCaller(caller: Caller): boolean {
  return (
    caller.type === 'credentials' &&
    (caller.creds.kind === 'root' || (caller.creds.kind === 'session-token' && !caller.creds.user))
  );
}

/**
 * Role chaining: using role-session credentials to assume a role caps the new
 * session at one hour. That includes sessions a service created (an EC2
 * instance profile or ECS task role assuming a further role: real AWS returns the
 * chaining error, e.g. gitlab-runner issue 38370), though the service's own
 * assumption of its role is not chaining (docs/decisions.md#role-chaining). GetSessionToken
 * credentials calling AssumeRole are capped at one hour too (docs/decisions.md#role-chaining;
 * AWS Knowledge Center "iam-role-chaining-limit" says so for MFA CLI sessions).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
export const ROLE_CHAINING_CAP = 3600;
export function chainingKind(caller: Caller): 'role-session' | 'session-token' | undefined {
  if (caller.type !== 'credentials') return undefined;
  const c = caller.creds;
  if (c.kind === 'role-session') return 'role-session';
  if (c.kind === 'session-token') return 'session-token';
  return undefined;
}

/**
 * Which STS APIs each kind of temporary credentials may call (docs/decisions.md#temporary-credential-gates):
 * role sessions anything but GetSessionToken/GetFederationToken; GetSessionToken
 * sessions only AssumeRole and GetCallerIdentity; GetFederationToken sessions only
 * GetCallerIdentity. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
export function stsCallAllowed(c: Credentials, api: ApiName): boolean {
  if (c.kind === 'session-token') return api === 'AssumeRole' || api === 'GetCallerIdentity';
  if (c.kind === 'federated-user') return api === 'GetCallerIdentity';
  return true;
}

/**
 * GetSessionToken and GetFederationToken need long-term credentials.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
export const LONG_TERM_ONLY: readonly ApiName[] = ['GetSessionToken', 'GetFederationToken'];
export const needsLongTermCredentials = (api: ApiName): boolean => LONG_TERM_ONLY.includes(api);
export function sessionCredentialsMessage(api: 'GetSessionToken' | 'GetFederationToken'): string {
  return `Cannot call ${api} with session credentials`;
}

/** Default and maximum durations per API (docs/decisions.md#durations). */
export const DURATION = {
  roleDefault: 3600,
  roleMin: 900,
  roleModelMax: 43200,
  tokenMin: 900,
  tokenMax: 129600,
  tokenDefault: 43200,
  rootMax: 3600,
} as const;

export const MAX_DURATION_MESSAGE =
  'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
export const CHAINING_MESSAGE =
  'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';
