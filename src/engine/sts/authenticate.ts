/**
 * Who signed the request: resolve a step's `as` to a caller, and refuse
 * unsigned, unknown or expired credentials the way AWS does.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import type { ApiName } from '../types.js';
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
        title: `unsigned request: ${api} needs no AWS credentials`,
        ref: REF.tempRequest,
      });
      return { caller: { type: 'anonymous' } };
    }
    if (PORTAL.has(api)) {
      trace.fail({
        id,
        phase: 'authenticate',
        title: `${api} needs a signed-in Identity Center user (\`sso/NAME\`)`,
      });
      return { error: invalidClientTokenId() };
    }
    trace.fail({
      id,
      phase: 'authenticate',
      title: `${api} must be signed with AWS credentials, and this request is unsigned`,
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
        title: `an Identity Center user signs in to the portal; ${api} needs AWS credentials`,
      });
      return { error: invalidClientTokenId() };
    }
    trace.pass({
      id,
      phase: 'authenticate',
      title: `Identity Center user \`${name}\` calls the access portal`,
    });
    return { caller: { type: 'sso', user: name } };
  }
  if (PORTAL.has(api)) {
    trace.fail({
      id,
      phase: 'authenticate',
      title: `${api} is an Identity Center portal call: the caller must be \`sso/NAME\``,
    });
    return { error: invalidClientTokenId() };
  }
  if (kind === 'service') {
    if (api !== 'AssumeRole' && api !== 'Request') {
      trace.fail({
        id,
        phase: 'authenticate',
        title: `a service principal only assumes roles and makes requests here; it does not call ${api}`,
      });
      return { error: invalidClientTokenId() };
    }
    trace.pass({
      id,
      phase: 'authenticate',
      title: `the service \`${name}\` calls STS for its resource`,
      ref: REF.serviceRoles,
    });
    return { caller: { type: 'service', service: name } };
  }
  const creds = resolveCredentials(state, as);
  if (!creds) {
    const why = as.startsWith('$')
      ? `step \`${as.slice(1)}\` produced no credentials (it failed, or has not run yet)`
      : `no credentials called \`${as}\` exist in this world`;
    trace.fail({
      id,
      phase: 'authenticate',
      title: 'the access key is not recognised',
      detail: why,
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
  const who = describe(creds);
  if (creds.expiresAt === undefined) {
    trace.pass({
      id,
      phase: 'authenticate',
      title: `signed with ${who}`,
      detail: `access key ${creds.accessKeyId} (long-term, never expires)`,
    });
    return { caller: { type: 'credentials', creds } };
  }
  const left = Math.round((creds.expiresAt - state.now) / 1000);
  if (left <= 0) {
    trace.fail({
      id: 'auth.expiry',
      phase: 'authenticate',
      title: `signed with ${who}, which expired at ${iso(creds.expiresAt)}`,
      detail: `now ${iso(state.now)}: ${-left} s past expiry`,
      ref: REF.commonErrors,
    });
    return { error: expiredToken() };
  }
  trace.pass({
    id: 'auth.expiry',
    phase: 'authenticate',
    title: `signed with ${who}, valid until ${iso(creds.expiresAt)}`,
    detail: `${left} s left`,
  });
  return { caller: { type: 'credentials', creds } };
}

function describe(c: Credentials): string {
  switch (c.kind) {
    case 'user':
      return `IAM user ${c.user.name}'s long-term access key`;
    case 'root':
      return `the root user of ${c.account}`;
    case 'session-token':
      return `GetSessionToken credentials of ${c.user ? `IAM user ${c.user.name}` : 'the root user'}`;
    case 'role-session':
      return `role session ${c.arn}`;
    case 'federated-user':
      return `federated user session ${c.arn}`;
  }
}
