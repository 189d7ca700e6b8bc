/**
 * The engine's input types, declared here as plain interfaces so that the
 * library's public types depend on nothing else in the project (the content
 * loader's schema is checked to be assignable to them, in
 * test/engine/input-types.test.ts). A scenario's `world:` and a step's `call:`
 * (FORMAT.md) parse to these shapes.
 */

/** An IAM policy document, as plain IAM JSON; the engine normalizes and checks it itself. */
export type PolicyDocument = object;

/** A tag set: key → value. */
export type TagMap = Record<string, string>;

/** A condition or context value as written in a scenario. */
export type ContextValue = string | number | boolean | (string | number | boolean)[];

export interface WorldUser {
  name: string;
  account: string;
  /** IAM path, e.g. `/engineering/`. */
  path?: string;
  /** A virtual MFA device; `true` means the code "123456". */
  mfa?: boolean | { code?: string };
  tags?: TagMap;
  policies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
}

export interface WorldRole {
  name: string;
  account: string;
  path?: string;
  description?: string;
  /** Seconds, 3600..43200. */
  maxSessionDuration?: number;
  trust: PolicyDocument;
  policies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  tags?: TagMap;
}

export interface WorldManagedPolicy {
  name: string;
  account: string;
  policy: PolicyDocument;
}

export interface WorldScp {
  name: string;
  accounts: string[];
  policy: PolicyDocument;
}

export interface WorldOrganization {
  id: string;
  accounts: string[];
  management?: string;
  scps?: WorldScp[];
}

export interface WorldSamlProvider {
  name: string;
  account: string;
  issuer: string;
}

export interface WorldOidcProvider {
  url: string;
  account: string;
  audiences: string[];
}

export interface WorldPermissionSet {
  name: string;
  /** Seconds, 3600..43200; default 3600. */
  sessionDuration?: number;
  policies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
}

export interface WorldIdentityCenter {
  account: string;
  users: { name: string; email?: string }[];
  permissionSets: WorldPermissionSet[];
  assignments: { user: string; permissionSet: string; account: string }[];
}

export interface WorldResource {
  arn: string;
  /** The owning account, when the ARN has none (S3 buckets). */
  account?: string;
  policy?: PolicyDocument;
  tags?: TagMap;
}

export interface WorldAccount {
  id: string;
  name?: string;
  /** Regions where the account has deactivated STS (us-east-1 cannot be). */
  stsDisabledRegions?: string[];
  /** The account's global-endpoint session-token setting; default v1Token. */
  globalEndpointTokenVersion?: 'v1Token' | 'v2Token';
}

/** A scenario's `world:` — accounts, principals, providers and resources. */
export interface World {
  /** ISO-8601 start of the simulated clock. */
  start?: string;
  organization?: WorldOrganization;
  accounts?: WorldAccount[];
  users?: WorldUser[];
  roles?: WorldRole[];
  managedPolicies?: WorldManagedPolicy[];
  samlProviders?: WorldSamlProvider[];
  oidcProviders?: WorldOidcProvider[];
  identityCenter?: WorldIdentityCenter;
  resources?: WorldResource[];
}

/** The APIs the engine answers (`Request` is any non-STS action, authorization only). */
export const API_NAMES = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
  'GetCallerIdentity',
  'GetAccessKeyInfo',
  'DecodeAuthorizationMessage',
  'SignIn',
  'GetRoleCredentials',
  'Request',
] as const;

export type ApiName = (typeof API_NAMES)[number];

/** A step's `call:` — one request to the engine. */
export interface Call {
  api: ApiName;
  /** user/NAME, root/ACCOUNT, $STEP, service/PRINCIPAL, anonymous, sso/NAME */
  as: string;
  params?: Record<string, unknown>;
  context?: Record<string, ContextValue>;
  /** For `Request`: the action, e.g. `s3:GetObject`. */
  action?: string;
  /** For `Request`: the resource ARN. */
  resource?: string;
  /** The Region of the endpoint called (absent: the global STS endpoint, us-east-1). */
  region?: string;
  /** The AWS services that made this request for the caller, first to last (aws:CalledVia). */
  via?: string[];
}
