/**
 * Minting temporary credentials: `ASIA…` access keys, the session principal,
 * and the AWS-shaped `Credentials` structure.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
 */
import type { SessionView } from '../types.js';
import type { Credentials } from './credentials.js';
import { accessKeyId, secretKey, sessionToken } from './ids.js';
import type { EngineState } from './state.js';
import { iso } from './time.js';

/** What `mint` adds to a session. */
type Minted = 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'issuedAt' | 'expiresAt';
/** `Omit` applied to each member of a union, so the kinds stay told apart. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A session to mint: its credentials without the keys and times `mint` adds. */
export type SessionSpec = OmitEach<Credentials, Minted> & {
  /** Lifetime in seconds from now. */
  duration: number;
};
/** A role session to mint, before the role and session name make it one. */
export type RoleSessionSpec = Omit<
  Extract<SessionSpec, { kind: 'role-session' }>,
  'kind' | 'account' | 'arn' | 'userId' | 'role' | 'sessionName'
>;

/** Credentials `mint` made: keys and times always set. */
export type MintedCredentials = Credentials & {
  secretAccessKey: string;
  sessionToken: string;
  issuedAt: number;
  expiresAt: number;
};

export function mint(state: EngineState, spec: SessionSpec): MintedCredentials {
  state.serial += 1;
  const seed = `${state.serial}|${spec.arn}|${state.now}`;
  // Copied property by property without `duration` (no rest/spread; no `delete`, which would turn the
  // object into a slow dictionary): this is on every call's hot path, and sessions are read often.
  const creds = {} as MintedCredentials;
  const fields = creds as unknown as Record<string, unknown>;
  for (const key in spec) if (key !== 'duration') fields[key] = spec[key as keyof SessionSpec];
  creds.accessKeyId = accessKeyId('ASIA', seed);
  creds.secretAccessKey = secretKey(seed);
  creds.sessionToken = sessionToken(seed);
  creds.issuedAt = state.now;
  creds.expiresAt = state.now + spec.duration * 1000;
  return creds;
}

/** The `Credentials` element of a response. */
export function credentialsResponse(c: Credentials): Record<string, string> {
  return {
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey ?? '',
    SessionToken: c.sessionToken ?? '',
    Expiration: iso(c.expiresAt ?? 0),
  };
}

/** What `expect` compares and the learner sees. */
export function viewOf(c: Credentials, now: number): SessionView {
  const v: SessionView = { arn: c.arn, account: c.account, userId: c.userId };
  if (c.expiresAt !== undefined) {
    v.accessKeyId = c.accessKeyId;
    v.expiration = iso(c.expiresAt);
    v.expiresIn = Math.round((c.expiresAt - now) / 1000);
    v.tags = { ...c.tags };
    v.transitiveTagKeys = [...c.transitiveKeys];
    v.mfa = c.mfa;
  }
  if (c.sourceIdentity) v.sourceIdentity = c.sourceIdentity;
  return v;
}

/**
 * PackedPolicySize: the percentage of the packed limit that session policies and
 * tags use; over 100 the call fails with PackedPolicyTooLarge. AWS does not
 * publish its packing; this model keeps ordinary requests well under 100
 * (a one-statement policy ≈ 15%, as AWS reports 16% for one) and makes very large
 * tag sets overflow, which is the behaviour learners meet.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_ResponseElements
 */
export function packedPolicySize(
  policyText: string | undefined,
  arnCount: number,
  tags: Record<string, string>,
): number {
  const policyChars = policyText?.length ?? 0;
  const tagChars = Object.entries(tags).reduce((n, [k, v]) => n + k.length + v.length + 2, 0);
  if (policyChars === 0 && arnCount === 0 && tagChars === 0) return 0;
  return Math.ceil(8 + policyChars * 0.045 + arnCount * 3 + tagChars * 0.12);
}
