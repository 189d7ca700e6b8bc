/**
 * The STS APIs side by side, as data derived from the engine's own rules: the
 * durations are the engine's DURATION numbers, which APIs a session may call is
 * `stsCallAllowed` asked for every API, whether a call is signed is the
 * authenticator's own set. `sts-trainer apis` renders this; nothing in it is a
 * hand-copied number. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import type { ApiName } from '../types.js';
import { isUnsigned } from './authenticate.js';
import type { CredentialKind, Credentials } from './credentials.js';
import { REF } from './refs.js';
import { iamAccess, type IamAccess } from './request-gates.js';
import { DURATION, needsLongTermCredentials, ROLE_CHAINING_CAP, stsCallAllowed } from './rules.js';
import { humanDuration } from './time.js';

/** The STS APIs the catalog describes (the engine's portal and `Request` pseudo-APIs are not STS). */
export const STS_APIS = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
  'GetCallerIdentity',
  'GetAccessKeyInfo',
  'DecodeAuthorizationMessage',
] as const satisfies readonly ApiName[];
export type StsApi = (typeof STS_APIS)[number];

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

export interface ApiFacts {
  api: StsApi;
  /** Who calls it. */
  callers: string[];
  /** false: an unsigned request (the IdP's assertion or token is the proof). */
  signed: boolean;
  /** Which credentials sign it. */
  credentials: 'long-term' | 'long-term or temporary' | 'none (unsigned)';
  /** Whether MFA can be passed in the call. */
  mfa: 'SerialNumber + TokenCode' | 'not supported' | 'not applicable';
  /** Temporary credentials minted, or undefined for APIs that mint none. */
  mints?: CredentialKind;
  duration?: DurationFacts;
  /** Whether a session this API mints can assume a further role, and at what cap. */
  chaining?: string;
  /** The STS APIs the minted session may call (from stsCallAllowed). */
  sessionCanCallSts?: StsApi[];
  /** Whether the minted session may call IAM APIs. */
  sessionIam?: IamAccess;
  /** Whether the call needs an IAM permission at all. */
  permission: string;
  ref: string;
}

const ROLE_DURATION: DurationFacts = {
  default: DURATION.roleDefault,
  min: DURATION.roleMin,
  max: 'role',
  roleMax: DURATION.roleModelMax,
};

const TOKEN_DURATION: DurationFacts = {
  default: DURATION.tokenDefault,
  min: DURATION.tokenMin,
  max: DURATION.tokenMax,
  rootMax: DURATION.rootMax,
};

/** A session of this kind, for asking the engine's rules what it may do. */
const sample = (kind: CredentialKind): Credentials =>
  ({
    kind,
    accessKeyId: '',
    account: '',
    arn: '',
    userId: '',
    mfa: false,
    tags: {},
    transitiveKeys: [],
  }) as Credentials;

function sessionFacts(kind: CredentialKind): Pick<ApiFacts, 'mints' | 'sessionCanCallSts' | 'sessionIam'> {
  const c = sample(kind);
  return {
    mints: kind,
    // Temporary credentials: stsCallAllowed, and never the long-term-only APIs.
    sessionCanCallSts: STS_APIS.filter((api) => stsCallAllowed(c, api) && !needsLongTermCredentials(api)),
    sessionIam: iamAccess(kind),
  };
}

const credentialsOf = (api: StsApi): ApiFacts['credentials'] =>
  isUnsigned(api)
    ? 'none (unsigned)'
    : needsLongTermCredentials(api)
      ? 'long-term'
      : 'long-term or temporary';

const chainCap = `yes: a role session that assumes a role gets at most ${humanDuration(ROLE_CHAINING_CAP)}`;

/** The catalog, in the order the APIs are usually taught. */
export function stsApiCatalog(): ApiFacts[] {
  return [
    {
      api: 'AssumeRole',
      callers: ['IAM user', 'role session (chaining)', 'GetSessionToken session', 'AWS service'],
      signed: !isUnsigned('AssumeRole'),
      credentials: credentialsOf('AssumeRole'),
      mfa: 'SerialNumber + TokenCode',
      duration: { ...ROLE_DURATION, chainingMax: ROLE_CHAINING_CAP },
      chaining: chainCap,
      ...sessionFacts('role-session'),
      permission: "sts:AssumeRole: the role's trust policy, plus the caller's policy across accounts",
      ref: REF.assumeRole,
    },
    {
      api: 'AssumeRoleWithSAML',
      callers: ['anyone holding an assertion from a SAML IdP the account trusts'],
      signed: !isUnsigned('AssumeRoleWithSAML'),
      credentials: credentialsOf('AssumeRoleWithSAML'),
      mfa: 'not supported',
      duration: ROLE_DURATION,
      chaining: chainCap,
      ...sessionFacts('role-session'),
      permission: "sts:AssumeRoleWithSAML in the role's trust policy (Principal.Federated)",
      ref: REF.assumeRoleWithSaml,
    },
    {
      api: 'AssumeRoleWithWebIdentity',
      callers: ['anyone holding a token from an OIDC IdP the account trusts'],
      signed: !isUnsigned('AssumeRoleWithWebIdentity'),
      credentials: credentialsOf('AssumeRoleWithWebIdentity'),
      mfa: 'not supported',
      duration: ROLE_DURATION,
      chaining: chainCap,
      ...sessionFacts('role-session'),
      permission: "sts:AssumeRoleWithWebIdentity in the role's trust policy (Principal.Federated)",
      ref: REF.assumeRoleWithWebIdentity,
    },
    {
      api: 'GetSessionToken',
      callers: ['IAM user', 'root user (discouraged)'],
      signed: !isUnsigned('GetSessionToken'),
      credentials: credentialsOf('GetSessionToken'),
      mfa: 'SerialNumber + TokenCode',
      duration: TOKEN_DURATION,
      chaining: `its session may call AssumeRole, capped at ${humanDuration(ROLE_CHAINING_CAP)} like chaining`,
      ...sessionFacts('session-token'),
      permission: 'none: an Allow or Deny on sts:GetSessionToken has no effect',
      ref: REF.getSessionToken,
    },
    {
      api: 'GetFederationToken',
      callers: ['IAM user (an identity broker)', 'root user (discouraged)'],
      signed: !isUnsigned('GetFederationToken'),
      credentials: credentialsOf('GetFederationToken'),
      mfa: 'not supported',
      duration: TOKEN_DURATION,
      chaining: 'no: its session cannot call AssumeRole',
      ...sessionFacts('federated-user'),
      permission:
        "sts:GetFederationToken in the caller's policy; a session policy sets what the session gets",
      ref: REF.getFederationToken,
    },
    {
      api: 'GetCallerIdentity',
      callers: ['any signed caller'],
      signed: !isUnsigned('GetCallerIdentity'),
      credentials: credentialsOf('GetCallerIdentity'),
      mfa: 'not applicable',
      permission: 'none: it cannot be denied',
      ref: REF.getCallerIdentity,
    },
    {
      api: 'GetAccessKeyInfo',
      callers: ['any signed caller'],
      signed: !isUnsigned('GetAccessKeyInfo'),
      credentials: credentialsOf('GetAccessKeyInfo'),
      mfa: 'not applicable',
      permission: 'sts:GetAccessKeyInfo',
      ref: REF.getAccessKeyInfo,
    },
    {
      api: 'DecodeAuthorizationMessage',
      callers: ['any signed caller with the permission'],
      signed: !isUnsigned('DecodeAuthorizationMessage'),
      credentials: credentialsOf('DecodeAuthorizationMessage'),
      mfa: 'not applicable',
      permission: 'sts:DecodeAuthorizationMessage',
      ref: REF.decodeAuthorizationMessage,
    },
  ];
}
