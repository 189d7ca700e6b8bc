/**
 * The request context: the condition keys present in a request, with the
 * presence rules of docs/decisions.md#request-context (global keys, principal keys, MFA keys only
 * with temporary credentials or when MFA is passed, …).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import type { ContextEntry, RequestContext } from '../policy/types.js';
import type { Call } from '../types.js';
import { mergeTags, type Caller, type Credentials, isTemporary } from './credentials.js';
import { lowerCase as lower } from '../caches.js';
import { iso } from './time.js';
import { viaServiceKeys } from './via-service.js';
import type { WorldModel } from './world-model.js';

/** Used when a call does not set `aws:SourceIp` (a documentation address, RFC 5737). */
export const DEFAULT_SOURCE_IP = '192.0.2.10';
export const DEFAULT_REGION = 'us-east-1';

// Condition keys compare case-insensitively, so the context is keyed by the lower-case name.

export class ContextBuilder {
  private readonly map = new Map<string, ContextEntry>();

  set(key: string, value: string | string[] | undefined, multi = false): this {
    if (value === undefined) return this;
    const values = Array.isArray(value) ? value : [value];
    this.map.set(lower(key), { key, values, multi: multi || Array.isArray(value) });
    return this;
  }

  get(key: string): ContextEntry | undefined {
    return this.map.get(lower(key));
  }

  delete(key: string): this {
    this.map.delete(lower(key));
    return this;
  }

  add(entry: ContextEntry): this {
    this.map.set(lower(entry.key), entry);
    return this;
  }

  /** The context (the builder is not used after this). */
  build(): RequestContext {
    return this.map;
  }
}

/** Keys every request has: time, transport, Region, source IP. */
export function baseContext(now: number, signed: boolean): ContextBuilder {
  const b = new ContextBuilder()
    .set('aws:CurrentTime', iso(now))
    .set('aws:EpochTime', String(Math.floor(now / 1000)))
    .set('aws:SecureTransport', 'true')
    .set('aws:RequestedRegion', DEFAULT_REGION);
  if (signed) b.set('aws:SourceIp', DEFAULT_SOURCE_IP).set('aws:ViaAWSService', 'false');
  return b;
}

/** Principal keys for a caller, as of `now`. `mfaInCall` = SerialNumber + TokenCode verified in this call. */
export function principalContext(
  b: ContextBuilder,
  world: WorldModel,
  caller: Caller,
  now: number,
  mfaInCall: boolean,
) {
  if (caller.type === 'service') {
    // A service principal acting for a resource: aws:SourceArn/SourceAccount come from the call's `context`.
    b.set('aws:PrincipalIsAWSService', 'true').set('aws:PrincipalServiceName', caller.service);
    return;
  }
  if (caller.type !== 'credentials') return;
  const c = caller.creds;
  b.set('aws:PrincipalIsAWSService', 'false');
  b.set('aws:PrincipalArn', principalArn(c));
  b.set('aws:PrincipalAccount', c.account);
  b.set('aws:PrincipalType', principalType(c));
  b.set('aws:userid', c.userId);
  // aws:username exists only for IAM users (also through their GetSessionToken sessions).
  if (c.user && (c.kind === 'user' || c.kind === 'session-token')) b.set('aws:username', c.user.name);
  if (world.orgId && world.orgAccounts.has(c.account)) b.set('aws:PrincipalOrgID', world.orgId);
  const tags = principalTags(c);
  for (const k in tags) b.set(`aws:PrincipalTag/${k}`, tags[k]);
  mfaContext(b, c, now, mfaInCall);
  if (isTemporary(c) && c.issuedAt !== undefined) b.set('aws:TokenIssueTime', iso(c.issuedAt));
  if (c.sourceIdentity) b.set('aws:SourceIdentity', c.sourceIdentity);
  if (c.federation) {
    b.set('aws:FederatedProvider', c.federation.provider);
    for (const e of c.federation.carried) b.add(e);
  }
  if (c.instanceKeys) for (const e of c.instanceKeys) b.add(e);
}

/**
 * aws:MultiFactorAuthPresent is absent for long-term keys, present for temporary
 * credentials (true only if the session was MFA-authenticated), and true when
 * MFA is verified in this very call. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
function mfaContext(b: ContextBuilder, c: Credentials, now: number, mfaInCall: boolean): void {
  if (mfaInCall) {
    b.set('aws:MultiFactorAuthPresent', 'true').set('aws:MultiFactorAuthAge', '0');
    return;
  }
  if (!isTemporary(c)) return;
  b.set('aws:MultiFactorAuthPresent', c.mfa ? 'true' : 'false');
  if (c.mfa && c.mfaAt !== undefined)
    b.set('aws:MultiFactorAuthAge', String(Math.floor((now - c.mfaAt) / 1000)));
}

/** Role sessions report the role's ARN in aws:PrincipalArn, not the session's. */
export function principalArn(c: Credentials): string {
  return c.kind === 'role-session' ? c.role.arn : c.arn;
}

function principalType(c: Credentials): string {
  switch (c.kind) {
    case 'root':
      return 'Account';
    case 'user':
      return 'User';
    case 'session-token':
      return c.user ? 'User' : 'Account';
    case 'role-session':
      return 'AssumedRole';
    case 'federated-user':
      return 'FederatedUser';
  }
}

/** aws:PrincipalTag: the user's or role's IAM tags merged with session tags (session tags win). */
export function principalTags(c: Credentials): Record<string, string> {
  const base = c.kind === 'role-session' ? c.role.tags : (c.user?.tags ?? {});
  return mergeTags(base, c.tags);
}

/** Adds the call's Region and services (`region`, `via`), then its own `context:` entries (they override computed ones). */
export function callContext(b: ContextBuilder, call: Call): void {
  if (call.region) b.set('aws:RequestedRegion', call.region);
  if (call.via) viaServiceKeys(b, call.via);
  // A request through a VPC endpoint has aws:SourceVpc / aws:VpcSourceIp and no aws:SourceIp (unless the
  // call sets one itself). docs/decisions.md#vpc-endpoint-source-ip,
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
  let vpc = false;
  let sourceIp = false;
  const own = call.context ?? {};
  for (const k in own) {
    const v = own[k];
    if (Array.isArray(v)) b.set(k, v.map(String), true);
    else b.set(k, String(v));
    const l = lower(k);
    if (l === 'aws:sourcevpc' || l === 'aws:vpcsourceip') vpc = true;
    else if (l === 'aws:sourceip') sourceIp = true;
  }
  if (vpc && !sourceIp) b.delete('aws:SourceIp');
}
