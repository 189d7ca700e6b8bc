/**
 * The STS APIs side by side, as data derived from the engine's own rules: the
 * durations are the engine's DURATION numbers, which APIs a session may call is
 * `stsCallAllowed` asked for every API, whether a session's AssumeRole is capped is
 * `chainingKind`, whether MFA goes in the call is the API's own parameters, whether a
 * call is signed is the authenticator's own set. Codes and numbers only: `sts-trainer
 * apis` (src/apis) words them; nothing in it is a hand-copied number.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import { API_PARAMETERS } from './api-parameters.js';
import { isUnsigned } from './authenticate.js';
import type { CredentialKind, Credentials } from './credentials.js';
import {
  STS_APIS,
  type ApiFacts,
  type DurationFacts,
  type MfaCode,
  type SessionFacts,
  type SigningCode,
  type StsApi,
} from './catalog-facts.js';
import { REF } from './refs.js';
import { iamAccess } from './request-gates.js';
import {
  chainingKind,
  DURATION,
  needsLongTermCredentials,
  ROLE_CHAINING_CAP,
  stsCallAllowed,
} from './rules.js';

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

/** What a session of this kind may do, and for how long, from the engine's rules. */
function sessionFacts(kind: CredentialKind, duration: DurationFacts): SessionFacts {
  const creds = sample(kind);
  const chained = stsCallAllowed(creds, 'AssumeRole')
    ? chainingKind({ type: 'credentials', creds })
    : undefined;
  return {
    mints: kind,
    duration,
    chaining: chained ? { kind: chained, cap: ROLE_CHAINING_CAP } : { kind: 'none' },
    // Temporary credentials: stsCallAllowed, and never the long-term-only APIs.
    canCallSts: STS_APIS.filter((api) => stsCallAllowed(creds, api) && !needsLongTermCredentials(api)),
    iam: iamAccess(kind),
  };
}

/** Signing, MFA and the session, from the authenticator, the API's parameters and the session's rules. */
function derivedFacts(
  api: StsApi,
  session?: SessionFacts,
): Pick<ApiFacts, 'api' | 'signed' | 'credentials' | 'mfa' | 'session'> {
  const signed = !isUnsigned(api);
  const credentials: SigningCode = !signed
    ? 'unsigned'
    : needsLongTermCredentials(api)
      ? 'long-term'
      : 'long-term-or-temporary';
  const mfa: MfaCode = API_PARAMETERS[api].includes('TokenCode')
    ? 'in-call'
    : session
      ? 'not-supported'
      : 'not-applicable';
  return { api, signed, credentials, mfa, ...(session ? { session } : {}) };
}

/** The catalog, in the order the APIs are usually taught. */
export function stsApiCatalog(): ApiFacts[] {
  const roleSession = sessionFacts('role-session', ROLE_DURATION);
  return [
    {
      ...derivedFacts('AssumeRole', {
        ...roleSession,
        duration: { ...ROLE_DURATION, chainingMax: ROLE_CHAINING_CAP },
      }),
      callers: ['iam-user', 'role-session', 'session-token', 'aws-service'],
      permission: 'trust-and-cross-account-identity',
      ref: REF.assumeRole,
    },
    {
      ...derivedFacts('AssumeRoleWithSAML', roleSession),
      callers: ['saml-assertion-holder'],
      permission: 'federated-trust',
      ref: REF.assumeRoleWithSaml,
    },
    {
      ...derivedFacts('AssumeRoleWithWebIdentity', roleSession),
      callers: ['oidc-token-holder'],
      permission: 'federated-trust',
      ref: REF.assumeRoleWithWebIdentity,
    },
    {
      ...derivedFacts('GetSessionToken', sessionFacts('session-token', TOKEN_DURATION)),
      callers: ['iam-user', 'root-user'],
      permission: 'no-effect',
      ref: REF.getSessionToken,
    },
    {
      ...derivedFacts('GetFederationToken', sessionFacts('federated-user', TOKEN_DURATION)),
      callers: ['identity-broker', 'root-user'],
      permission: 'identity-and-session-policy',
      ref: REF.getFederationToken,
    },
    {
      ...derivedFacts('GetCallerIdentity'),
      callers: ['any-signed'],
      permission: 'never-denied',
      ref: REF.getCallerIdentity,
    },
    {
      ...derivedFacts('GetAccessKeyInfo'),
      callers: ['any-signed'],
      permission: 'identity',
      ref: REF.getAccessKeyInfo,
    },
    {
      ...derivedFacts('DecodeAuthorizationMessage'),
      callers: ['any-signed-with-permission'],
      permission: 'identity',
      ref: REF.decodeAuthorizationMessage,
    },
  ];
}
