/**
 * The world as the engine reads it: built once by buildWorld (build-world.ts), with ARNs and unique
 * ids derived and every policy parsed into its evaluable form.
 */
import type { NormalizedPolicy } from '../policy/types.js';
import type { WorldProblem } from '../types.js';

export interface UserModel {
  name: string;
  account: string;
  path: string;
  arn: string;
  uniqueId: string;
  accessKeyId: string;
  /** Virtual MFA device ARN, when the user has one. */
  mfaSerial?: string;
  mfaCode?: string;
  tags: Record<string, string>;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
}

export interface RoleModel {
  name: string;
  account: string;
  path: string;
  arn: string;
  uniqueId: string;
  maxSessionDuration: number;
  trust: NormalizedPolicy;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
  tags: Record<string, string>;
  /** Set for the AWSReservedSSO_* roles Identity Center provisions. */
  permissionSet?: string;
}

export interface SamlProviderModel {
  name: string;
  account: string;
  arn: string;
  issuer: string;
}

export interface OidcProviderModel {
  url: string;
  /** The URL without `https://` — the provider ARN's suffix and the condition-key prefix. */
  host: string;
  account: string;
  arn: string;
  audiences: string[];
}

export interface PermissionSetModel {
  name: string;
  sessionDuration: number;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
}

export interface IdentityCenterModel {
  account: string;
  users: Set<string>;
  permissionSets: Map<string, PermissionSetModel>;
  /** `user|account|permissionSet` */
  assignments: Set<string>;
  /** Provisioned role per `account|permissionSet`. */
  roles: Map<string, RoleModel>;
}

export interface ResourceModel {
  arn: string;
  account?: string;
  policy?: NormalizedPolicy;
  tags: Record<string, string>;
}

export interface WorldModel {
  start: number;
  accounts: Set<string>;
  orgId?: string;
  orgAccounts: Set<string>;
  management?: string;
  /** Extra SCPs per member account (FullAWSAccess is implicit). */
  scps: Map<string, NormalizedPolicy[]>;
  users: Map<string, UserModel>;
  usersByArn: Map<string, UserModel>;
  /** Keyed by `account|name`. */
  roles: Map<string, RoleModel>;
  managedPolicies: Map<string, NormalizedPolicy>;
  samlProviders: Map<string, SamlProviderModel>;
  oidcProviders: OidcProviderModel[];
  identityCenter?: IdentityCenterModel;
  resources: Map<string, ResourceModel>;
  /** Per-account STS Region settings (regions.ts). */
  regionSettings: Map<string, AccountRegionSettings>;
  problems: WorldProblem[];
}

export interface AccountRegionSettings {
  stsDisabled: Set<string>;
  tokenVersion: 'v1Token' | 'v2Token';
}

export const DEFAULT_START = '2026-01-01T00:00:00Z';

export function roleKey(account: string, name: string): string {
  return `${account}|${name}`;
}
