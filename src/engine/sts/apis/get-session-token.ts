/**
 * GetSessionToken: an IAM user (or root) with long-term keys gets temporary
 * credentials with the same permissions, optionally MFA-authenticated.
 * No permission is needed. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { isTemporary } from '../credentials.js';
import { AccessDenied, ValidationError, validationMessage } from '../errors.js';
import { credentialsResponse, mint, viewOf } from '../mint.js';
import { verifyMfa } from '../mfa.js';
import { FIELDS, Validator } from '../params.js';
import { REF } from '../refs.js';
import { DURATION, sessionCredentialsMessage } from '../rules.js';
import { humanDuration } from '../time.js';

export const getSessionToken: ApiHandler = ({ state, caller, params, trace }) => {
  const v = new Validator(params);
  const requested = v.duration(DURATION.tokenMin, DURATION.tokenMax);
  const serial = v.string(FIELDS.SerialNumber, false);
  const code = v.string(FIELDS.TokenCode, false);
  if (v.violations.length > 0) {
    trace.fail(
      'validate.params',
      'validate',
      "parameters satisfy the API's constraints",
      v.violations.map((x) => x.constraint).join('; '),
      REF.getSessionToken,
    );
    return fail(ValidationError(validationMessage(v.violations)));
  }
  trace.pass(
    'validate.params',
    'validate',
    "parameters satisfy the API's constraints",
    undefined,
    REF.getSessionToken,
  );
  if (caller.type !== 'credentials') throw new Error('GetSessionToken needs credentials');
  const c = caller.creds;
  if (isTemporary(c)) {
    trace.fail(
      'caller.long-term',
      'caller',
      'the caller signs with long-term credentials',
      `${c.arn} is a temporary session`,
      REF.tempRequest,
    );
    return fail(AccessDenied(sessionCredentialsMessage('GetSessionToken')));
  }
  trace.pass(
    'caller.long-term',
    'caller',
    'the caller signs with long-term credentials',
    c.arn,
    REF.tempRequest,
  );
  trace.pass(
    'authorize.none',
    'authorize',
    'GetSessionToken needs no permission: an Allow or Deny on sts:GetSessionToken has no effect',
    undefined,
    REF.getSessionToken,
  );
  const mfa = verifyMfa(caller, serial, code, trace);
  if ('error' in mfa) return fail(mfa.error);

  // IAM users: 900–129600 s, default 43200. Root: default and maximum 3600, a longer request is silently capped.
  const isRoot = c.kind === 'root';
  let seconds = requested ?? (isRoot ? DURATION.rootMax : DURATION.tokenDefault);
  if (isRoot && seconds > DURATION.rootMax) {
    trace.info(
      'duration.root',
      'duration',
      "the root user's sessions are silently capped at 1 hour",
      `requested ${seconds} s → 3600 s`,
      REF.tempRequest,
    );
    seconds = DURATION.rootMax;
  } else {
    trace.pass(
      'duration.limit',
      'duration',
      `duration ${humanDuration(seconds)}`,
      requested === undefined ? 'default' : `requested ${requested} s`,
      REF.getSessionToken,
    );
  }
  const creds = mint(state, {
    kind: 'session-token',
    account: c.account,
    arn: c.arn,
    userId: c.userId,
    ...(c.user ? { user: c.user } : {}),
    duration: seconds,
    mfa: mfa.mfa,
    ...(mfa.mfa ? { mfaAt: state.now } : {}),
    tags: {},
    transitiveKeys: [],
    origin: 'GetSessionToken',
  });
  trace.pass(
    'issue.credentials',
    'issue',
    `issued session credentials for ${c.arn}`,
    `access key ${creds.accessKeyId}${creds.mfa ? '; MFA-authenticated' : ''}`,
  );
  return { response: { Credentials: credentialsResponse(creds) }, creds, view: viewOf(creds, state.now) };
};
