/**
 * Rules GetSessionToken and GetFederationToken share: long-term credentials
 * only, and durations of 900–129600 s (default 12 h), silently capped at 1 h for
 * the root user. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import type { Caller, Credentials } from './credentials.js';
import { isTemporary } from './credentials.js';
import { AccessDenied, type AwsError } from './errors.js';
import { REF } from './refs.js';
import { DURATION, sessionCredentialsMessage } from './rules.js';
import type { Trace } from './trace.js';

/** The caller's long-term credentials, or AWS's refusal of session credentials. */
export function longTermCaller(
  caller: Caller,
  api: 'GetSessionToken' | 'GetFederationToken',
  trace: Trace,
): { creds: Credentials } | { error: AwsError } {
  if (caller.type !== 'credentials') throw new Error(`${api} needs credentials`);
  const c = caller.creds;
  if (isTemporary(c)) {
    trace.fail({
      id: 'caller.long-term',
      phase: 'caller',
      values: { caller: c.arn, temporary: true },
      ref: REF.tempRequest,
    });
    return { error: AccessDenied(sessionCredentialsMessage(api)) };
  }
  trace.pass({
    id: 'caller.long-term',
    phase: 'caller',
    values: { caller: c.arn, temporary: false },
    ref: REF.tempRequest,
  });
  return { creds: c };
}

/** The session length: the request or 12 h for IAM users; root gets at most (and by default) 1 h. */
export function tokenDuration(
  requested: number | undefined,
  c: Credentials,
  trace: Trace,
  ref: string,
): number {
  const isRoot = c.kind === 'root';
  const seconds = requested ?? (isRoot ? DURATION.rootMax : DURATION.tokenDefault);
  if (isRoot && seconds > DURATION.rootMax) {
    trace.info({
      id: 'duration.root',
      phase: 'duration',
      values: { requested: seconds, maximum: DURATION.rootMax },
      ref: REF.tempRequest,
    });
    return DURATION.rootMax;
  }
  trace.pass({
    id: 'duration.limit',
    phase: 'duration',
    values: requested === undefined ? { rule: 'token', seconds } : { rule: 'token', requested, seconds },
    ref,
  });
  return seconds;
}
