/**
 * What the catalog of STS APIs says about each (catalog.ts derives it from the engine's rules):
 * the APIs, and the codes and numbers that describe them. No words: `sts-trainer apis`
 * (src/apis/catalog-words.ts) words the codes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import { API_NAMES, type ApiName } from '../world.js';
import type { CredentialKind } from './credentials.js';
import type { IamAccess } from './request-gates.js';

/** The engine's APIs that are not STS's: the access portal's, and `Request` (any other service's action). */
const NOT_STS = ['SignIn', 'GetRoleCredentials', 'Request'] as const;
export type StsApi = Exclude<ApiName, (typeof NOT_STS)[number]>;

/** The STS APIs the catalog describes, in the engine's order. */
export const STS_APIS: readonly StsApi[] = API_NAMES.filter(
  (api): api is StsApi => !(NOT_STS as readonly ApiName[]).includes(api),
);

/** `name` is one of the STS APIs (not the access portal's, not another service's `Request`). */
export const isStsApi = (name: string): name is StsApi => (STS_APIS as readonly string[]).includes(name);

/** Who calls an API. */
export type CallerCode =
  | 'iam-user'
  /** An IAM user that federates users of its own (GetFederationToken). */
  | 'identity-broker'
  | 'root-user'
  | 'role-session'
  | 'session-token'
  | 'aws-service'
  | 'saml-assertion-holder'
  | 'oidc-token-holder'
  | 'any-signed'
  | 'any-signed-with-permission';

/** Which credentials sign the call: `unsigned` when the IdP's assertion or token is the proof. */
export type SigningCode = 'long-term' | 'long-term-or-temporary' | 'unsigned';

/** MFA in the call: `in-call` (SerialNumber + TokenCode), `not-supported`, or `not-applicable` (mints no session). */
export type MfaCode = 'in-call' | 'not-supported' | 'not-applicable';

/** Where the call's permission is decided. */
export type PermissionCode =
  /** The role's trust policy, plus the caller's identity policy across accounts. */
  | 'trust-and-cross-account-identity'
  /** The role's trust policy, naming the IdP in Principal.Federated. */
  | 'federated-trust'
  /** The caller's identity policy. */
  | 'identity'
  /** The caller's identity policy; a session policy sets what the session gets. */
  | 'identity-and-session-policy'
  /** No permission: an Allow or Deny on the action has no effect. */
  | 'no-effect'
  /** No permission: the call cannot be denied. */
  | 'never-denied';

/** Session lengths in seconds; `max: 'role'` = the role's MaxSessionDuration (up to `roleMax`). */
export interface DurationFacts {
  default: number;
  min: number;
  max: number | 'role';
  /** The largest MaxSessionDuration a role can have. */
  roleMax?: number;
  /** The cap when the call is role chaining. */
  chainingMax?: number;
  /** The cap (and default) when the root user calls. */
  rootMax?: number;
}

/**
 * Whether the minted session can call AssumeRole: as role chaining (`role-session`), capped like
 * chaining (`session-token`), each at `cap` seconds; or not at all.
 */
export type ChainingFacts = { kind: 'role-session' | 'session-token'; cap: number } | { kind: 'none' };

/** The temporary credentials an API mints, and what they may do. */
export interface SessionFacts {
  mints: CredentialKind;
  duration: DurationFacts;
  chaining: ChainingFacts;
  /** The STS APIs the minted session may call (from stsCallAllowed). */
  canCallSts: StsApi[];
  /** Whether the minted session may call IAM APIs. */
  iam: IamAccess;
}

export interface ApiFacts {
  api: StsApi;
  callers: CallerCode[];
  /** false: an unsigned request (the IdP's assertion or token is the proof). */
  signed: boolean;
  credentials: SigningCode;
  mfa: MfaCode;
  /** The session it mints; absent for APIs that mint none. */
  session?: SessionFacts;
  permission: PermissionCode;
  ref: string;
}
