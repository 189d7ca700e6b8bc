/**
 * GetSessionToken: an IAM user (or root) with long-term keys gets temporary
 * credentials with the same permissions, optionally MFA-authenticated.
 * No permission is needed. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { credentialsResponse, mint, viewOf } from '../mint.js';
import { verifyMfa } from '../mfa.js';
import { FIELDS } from '../field-constraints.js';
import { Validator } from '../params.js';
import { REF } from '../refs.js';
import { longTermCaller, tokenDuration } from '../token-rules.js';
import { DURATION } from '../rules.js';

export const getSessionToken: ApiHandler = ({ state, caller, params, trace }) => {
  const v = new Validator(params);
  const parsed = v.result(
    {
      requested: v.duration(DURATION.tokenMin, DURATION.tokenMax),
      serial: v.optional(FIELDS.SerialNumber),
      code: v.optional(FIELDS.TokenCode),
    },
    trace,
    REF.getSessionToken,
  );
  if ('error' in parsed) return parsed;
  const { requested, serial, code } = parsed.request;
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    values: { api: 'GetSessionToken' },
    ref: REF.getSessionToken,
  });
  const lt = longTermCaller(caller, 'GetSessionToken', trace);
  if ('error' in lt) return fail(lt.error);
  const c = lt.creds;

  trace.pass({
    id: 'authorize.none',
    phase: 'authorize',
    values: { api: 'GetSessionToken' },
    ref: REF.getSessionToken,
  });
  const mfa = verifyMfa(caller, serial, code, trace);
  if ('error' in mfa) return fail(mfa.error);

  // IAM users: 900–129600 s, default 43200. Root: default and maximum 3600, a longer request is silently capped.
  const seconds = tokenDuration(requested, c, trace, REF.getSessionToken);
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
  trace.pass({
    id: 'issue.credentials',
    phase: 'issue',
    values: { kind: 'session-token', arn: c.arn, accessKeyId: creds.accessKeyId, mfa: creds.mfa },
  });
  return { response: { Credentials: credentialsResponse(creds) }, creds, view: viewOf(creds, state.now) };
};
