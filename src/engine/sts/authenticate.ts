/**
 * Who signed the request: resolve a step's `as` to a caller, and refuse
 * unsigned, unknown or expired credentials the way AWS does.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import type { ApiName, Signer } from '../types.js';
import type { Caller, Credentials } from './credentials.js';
import { expiredToken, invalidClientTokenId, missingAuthenticationToken, type AwsError } from './errors.js';
import { rootAccessKeyId } from './long-term-keys.js';
import { REF } from './refs.js';
import type { EngineState } from './state.js';
import { iso } from './time.js';
import type { Trace } from './trace.js';

/** AssumeRoleWithSAML and AssumeRoleWithWebIdentity are the only unsigned STS calls. */
const UNSIGNED: ReadonlySet<ApiName> = new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);
/** Whether STS accepts the API unsigned. */
export const isUnsigned = (api: ApiName): boolean => UNSIGNED.has(api);
const PORTAL: ReadonlySet<ApiName> = new Set(['SignIn', 'GetRoleCredentials']);

export function authenticate(
  state: EngineState,
  api: ApiName,
  as: string,
  trace: Trace,
): { caller: Caller } | { error: AwsError } {
  const id = 'auth.caller';
  if (as === 'anonymous') {
    if (UNSIGNED.has(api)) {
      trace.pass({
        id,
        phase: 'authenticate',
        values: { case: 'unsigned', api, accepted: true },
        ref: REF.tempRequest,
      });
      return { caller: { type: 'anonymous' } };
    }
    if (PORTAL.has(api)) {
      trace.fail({
        id,
        phase: 'authenticate',
        values: { case: 'portal-unsigned', api },
      });
      return { error: invalidClientTokenId() };
    }
    trace.fail({
      id,
      phase: 'authenticate',
      values: { case: 'unsigned', api, accepted: false },
    });
    return { error: missingAuthenticationToken() };
  }
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  if (as.startsWith('sso/')) {
    if (!PORTAL.has(api)) {
      trace.fail({
        id,
        phase: 'authenticate',
        values: { case: 'sso-not-portal', api },
      });
      return { error: invalidClientTokenId() };
    }
    trace.pass({
      id,
      phase: 'authenticate',
      values: { case: 'portal-sso', api, user: name },
    });
    return { caller: { type: 'sso', user: name } };
  }
  if (PORTAL.has(api)) {
    trace.fail({
      id,
      phase: 'authenticate',
      values: { case: 'portal-not-sso', api },
    });
    return { error: invalidClientTokenId() };
  }
  if (kind === 'service') {
    if (api !== 'AssumeRole' && api !== 'Request') {
      trace.fail({
        id,
        phase: 'authenticate',
        values: { case: 'service', api, service: name, accepted: false },
      });
      return { error: invalidClientTokenId() };
    }
    trace.pass({
      id,
      phase: 'authenticate',
      values: { case: 'service', api, service: name, accepted: true },
      ref: REF.serviceRoles,
    });
    return { caller: { type: 'service', service: name } };
  }
  const creds = resolveCredentials(state, as);
  if (!creds) {
    trace.fail({
      id,
      phase: 'authenticate',
      values: { case: 'unknown-key', as },
      ref: REF.commonErrors,
    });
    return { error: invalidClientTokenId() };
  }
  return checkExpiry(state, creds, trace);
}

function resolveCredentials(state: EngineState, as: string): Credentials | undefined {
  if (as.startsWith('$')) return state.sessions.get(as.slice(1));
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  if (kind === 'user') {
    const u = state.world.users.get(name);
    if (!u) return undefined;
    return {
      kind: 'user',
      accessKeyId: u.accessKeyId,
      account: u.account,
      arn: u.arn,
      userId: u.uniqueId,
      user: u,
      mfa: false,
      tags: {},
      transitiveKeys: [],
    };
  }
  if (kind === 'root' && /^\d{12}$/.test(name)) {
    return {
      kind: 'root',
      accessKeyId: rootAccessKeyId(name),
      account: name,
      arn: `arn:aws:iam::${name}:root`,
      userId: name,
      mfa: false,
      tags: {},
      transitiveKeys: [],
    };
  }
  return undefined;
}

function checkExpiry(
  state: EngineState,
  creds: Credentials,
  trace: Trace,
): { caller: Caller } | { error: AwsError } {
  const id = 'auth.caller';
  const signer = signerOf(creds);
  if (creds.expiresAt === undefined) {
    trace.pass({
      id,
      phase: 'authenticate',
      values: { case: 'long-term', signer, accessKeyId: creds.accessKeyId },
    });
    return { caller: { type: 'credentials', creds } };
  }
  const left = Math.round((creds.expiresAt - state.now) / 1000);
  const values = { signer, expiresAt: iso(creds.expiresAt), now: iso(state.now), secondsLeft: left };
  if (left <= 0) {
    trace.fail({
      id: 'auth.expiry',
      phase: 'authenticate',
      values,
      ref: REF.commonErrors,
    });
    return { error: expiredToken() };
  }
  trace.pass({
    id: 'auth.expiry',
    phase: 'authenticate',
    values,
  });
  return { caller: { type: 'credentials', creds } };
}

/** The credentials as the trace names them: their kind, ARN, account and IAM user. */
function signerOf(c: Credentials): Signer {
  const signer: Signer = { kind: c.kind, arn: c.arn, account: c.account };
  if ((c.kind === 'user' || c.kind === 'session-token') && c.user) signer.user = c.user.name;
  return signer;
}
