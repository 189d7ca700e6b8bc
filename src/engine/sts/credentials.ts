/**
 * Credentials the engine knows: IAM users' long-term keys, root, and every
 * temporary session it minted. A call's `as` resolves to one of these callers.
 */
import type { ContextEntry, NormalizedPolicy, RequestPrincipal } from '../policy/types.js';
import type { ApiName } from '../types.js';
import type { RoleModel, UserModel } from './world-model.js';
import { setOwn } from '../own-key.js';

export type CredentialKind = 'user' | 'root' | 'role-session' | 'federated-user' | 'session-token';

/** What every kind of credentials carries. */
interface CredentialsBase {
  accessKeyId: string;
  secretAccessKey?: string;
  sessionToken?: string;
  account: string;
  /** The principal ARN as GetCallerIdentity reports it. */
  arn: string;
  userId: string;
  /** Epoch ms; temporary credentials only. */
  issuedAt?: number;
  expiresAt?: number;
  /** The session counts as MFA-authenticated (docs/decisions.md#mfa-in-role-sessions). */
  mfa: boolean;
  mfaAt?: number;
  /** Session policies passed when the session was created (inline + managed). */
  sessionPolicies?: NormalizedPolicy[];
  /** Session tags: passed plus inherited transitive ones. */
  tags: Record<string, string>;
  transitiveKeys: string[];
  sourceIdentity?: string;
  /** SAML / web-identity sessions: the provider and the keys that survive into later requests. */
  federation?: { kind: 'saml' | 'web-identity'; provider: string; carried: ContextEntry[] };
  /** The API that minted it. */
  origin?: ApiName;
  /** The service that assumed the role (service callers). */
  byService?: string;
  /** Minted through the Identity Center portal. */
  identityCenter?: boolean;
  /** EC2 instance credentials: where they were delivered (instance-keys.ts). */
  instanceKeys?: ContextEntry[];
  /** Session token version: v1 from the global endpoint by default, else v2 (regions.ts). */
  tokenVersion?: 'v1' | 'v2';
}

/** An IAM user's long-term access key. */
export interface UserCredentials extends CredentialsBase {
  kind: 'user';
  user: UserModel;
  role?: never;
}

/** The root user's long-term access key. */
export interface RootCredentials extends CredentialsBase {
  kind: 'root';
  user?: never;
  role?: never;
}

/** GetSessionToken or GetFederationToken credentials: of an IAM user, or of root when `user` is absent. */
export interface TokenCredentials extends CredentialsBase {
  kind: 'session-token' | 'federated-user';
  user?: UserModel;
  role?: never;
}

/** A role session (AssumeRole*, Identity Center). */
export interface RoleSessionCredentials extends CredentialsBase {
  kind: 'role-session';
  role: RoleModel;
  sessionName: string;
  user?: never;
}

/** Credentials the engine knows, told apart by `kind`. */
export type Credentials = UserCredentials | RootCredentials | TokenCredentials | RoleSessionCredentials;

export type Caller =
  | { type: 'credentials'; creds: Credentials }
  | { type: 'service'; service: string }
  | { type: 'anonymous' }
  | { type: 'sso'; user: string };

export const isTemporary = (c: Credentials): boolean =>
  c.kind === 'role-session' || c.kind === 'federated-user' || c.kind === 'session-token';

/** The principal as the policy layer sees it. */
export function principalOf(caller: Caller): RequestPrincipal {
  if (caller.type === 'service') return { kind: 'service', arn: caller.service };
  if (caller.type !== 'credentials') return { kind: 'anonymous', arn: '*' };
  const c = caller.creds;
  switch (c.kind) {
    case 'root':
      return { kind: 'root', arn: c.arn, account: c.account };
    case 'user':
      return { kind: 'user', arn: c.arn, account: c.account };
    case 'session-token':
      return c.user
        ? { kind: 'user', arn: c.arn, account: c.account }
        : { kind: 'root', arn: c.arn, account: c.account };
    case 'role-session':
      return { kind: 'assumed-role', arn: c.arn, account: c.account, roleArn: c.role.arn };
    case 'federated-user':
      return { kind: 'federated-user', arn: c.arn, account: c.account };
  }
}

/** How the caller is named in error messages and traces. */
export function callerName(caller: Caller): string {
  if (caller.type === 'credentials') return caller.creds.arn;
  if (caller.type === 'service') return caller.service;
  if (caller.type === 'sso') return `Identity Center user ${caller.user}`;
  return 'anonymous';
}

/** Merge tag maps with case-insensitive keys; later maps win (session tags override user/role tags). */
export function mergeTags(...maps: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  // Most calls merge one or two tags, or none: the key table is made only when there is a tag.
  let keyOf: Map<string, string> | undefined;
  for (const m of maps) {
    for (const k in m) {
      const lower = k.toLowerCase();
      const prev = (keyOf ??= new Map()).get(lower);
      if (prev !== undefined) delete out[prev];
      keyOf.set(lower, k);
      setOwn(out, k, m[k] as string);
    }
  }
  return out;
}
