/**
 * The engine's catalog in words: who calls each STS API, what signs it, MFA, chaining, the
 * session's IAM access and where the permission is decided. One row is what `sts-trainer apis
 * --json` prints for an API and what its text card reads.
 */
import type {
  ApiFacts,
  CallerCode,
  ChainingFacts,
  DurationFacts,
  IamAccess,
  MfaCode,
  PermissionCode,
  SessionFacts,
  SigningCode,
  StsApi,
} from '../engine/index.js';
import { humanDuration } from '../ui/duration.js';

/** One API in words (the catalog's numbers and lists as they are). */
export interface ApiWords {
  api: StsApi;
  /** Who calls it. */
  callers: string[];
  /** false: an unsigned request (the IdP's assertion or token is the proof). */
  signed: boolean;
  /** Which credentials sign it. */
  credentials: string;
  /** Whether MFA can be passed in the call. */
  mfa: string;
  /** The rest is absent for APIs that mint no credentials. */
  duration?: DurationFacts;
  /** Whether a session this API mints can assume a further role, and at what cap. */
  chaining?: string;
  mints?: SessionFacts['mints'];
  /** The STS APIs the minted session may call. */
  sessionCanCallSts?: StsApi[];
  /** Whether the minted session may call IAM APIs. */
  sessionIam?: string;
  /** Whether the call needs an IAM permission at all. */
  permission: string;
  ref: string;
}

const CALLERS: Record<CallerCode, string> = {
  'iam-user': 'IAM user',
  'identity-broker': 'IAM user (an identity broker)',
  'root-user': 'root user (discouraged)',
  'role-session': 'role session (chaining)',
  'session-token': 'GetSessionToken session',
  'aws-service': 'AWS service',
  'saml-assertion-holder': 'anyone holding an assertion from a SAML IdP the account trusts',
  'oidc-token-holder': 'anyone holding a token from an OIDC IdP the account trusts',
  'any-signed': 'any signed caller',
  'any-signed-with-permission': 'any signed caller with the permission',
};

const SIGNING: Record<SigningCode, string> = {
  'long-term': 'long-term',
  'long-term-or-temporary': 'long-term or temporary',
  unsigned: 'none (unsigned)',
};

const MFA: Record<MfaCode, string> = {
  'in-call': 'SerialNumber + TokenCode',
  'not-supported': 'not supported',
  'not-applicable': 'not applicable',
};

const IAM: Record<IamAccess, string> = { always: 'yes', 'with-mfa': 'only with MFA', never: 'never' };

function chainingWords(c: ChainingFacts): string {
  switch (c.kind) {
    case 'role-session':
      return `yes: a role session that assumes a role gets at most ${humanDuration(c.cap)}`;
    case 'session-token':
      return `its session may call AssumeRole, capped at ${humanDuration(c.cap)} like chaining`;
    case 'none':
      return 'no: its session cannot call AssumeRole';
  }
}

/** Where the permission `action` is decided. */
function permissionWords(code: PermissionCode, action: string): string {
  switch (code) {
    case 'trust-and-cross-account-identity':
      return `${action}: the role's trust policy, plus the caller's policy across accounts`;
    case 'federated-trust':
      return `${action} in the role's trust policy (Principal.Federated)`;
    case 'identity':
      return action;
    case 'identity-and-session-policy':
      return `${action} in the caller's policy; a session policy sets what the session gets`;
    case 'no-effect':
      return `none: an Allow or Deny on ${action} has no effect`;
    case 'never-denied':
      return 'none: it cannot be denied';
  }
}

/** The catalog's facts for one API, worded, in the order `apis --json` has always printed them. */
export function apiWords(facts: ApiFacts): ApiWords {
  const { api, session } = facts;
  return {
    api,
    callers: facts.callers.map((c) => CALLERS[c]),
    signed: facts.signed,
    credentials: SIGNING[facts.credentials],
    mfa: MFA[facts.mfa],
    ...(session
      ? {
          duration: session.duration,
          chaining: chainingWords(session.chaining),
          mints: session.mints,
          sessionCanCallSts: session.canCallSts,
          sessionIam: IAM[session.iam],
        }
      : {}),
    permission: permissionWords(facts.permission, `sts:${api}`),
    ref: facts.ref,
  };
}
