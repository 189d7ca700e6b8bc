/**
 * GetAccessKeyInfo (which account owns a key) and DecodeAuthorizationMessage
 * (what a denial was about). Both need their permission in an identity policy.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
import type { ApiHandler, ApiRequest } from '../api.js';
import { fail } from '../api.js';
import { authorizeCall, traceAuthorization } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import {
  AccessDenied,
  InvalidAuthorizationMessageException,
  unknownAccessKey,
  ValidationError,
} from '../errors.js';
import { FIELDS } from '../field-constraints.js';
import { asText } from '../constraint-clauses.js';
import { Validator } from '../params.js';
import { REF } from '../refs.js';
import { stsCallAllowed } from '../rules.js';

/** docs/decisions.md#error-messages: actions without a resource use the "because no identity-based policy" wording. */
function permitted(req: ApiRequest, action: string, ref: string): boolean {
  const { state, caller, call, trace } = req;
  if (caller.type !== 'credentials') return false;
  if (!stsCallAllowed(caller.creds, call.api)) {
    trace.fail({
      id: 'caller.type',
      phase: 'caller',
      values: { gate: 'sts-api', api: call.api, kind: caller.creds.kind, caller: caller.creds.arn },
      ref: REF.tempRequest,
    });
    return false;
  }
  const b = baseContext(state.now, true);
  principalContext(b, state.world, caller, state.now, false);
  callContext(b, call);
  const decision = authorizeCall(
    state,
    caller,
    { action, resource: '*', resourceAccount: caller.creds.account, trust: false },
    b.build(),
  );
  return traceAuthorization(trace, decision, action, '*', ref);
}

const denied = (req: ApiRequest, action: string) =>
  fail(
    AccessDenied(
      `User: ${req.caller.type === 'credentials' ? req.caller.creds.arn : 'anonymous'} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    ),
  );

export const getAccessKeyInfo: ApiHandler = (req) => {
  const { state, params, trace } = req;
  // Convenience for scenarios: `$step` or `user/NAME` stand for that session's or user's key.
  const raw = asText(params.AccessKeyId ?? '');
  const resolved = raw.startsWith('$')
    ? state.sessions.get(raw.slice(1))?.accessKeyId
    : raw.startsWith('user/')
      ? state.world.users.get(raw.slice(5))?.accessKeyId
      : raw;
  const v = new Validator({ AccessKeyId: resolved ?? raw });
  const key = v.required(FIELDS.AccessKeyId);
  const problem = v.problem();
  if (problem !== undefined) {
    trace.fail({
      id: 'validate.params',
      phase: 'validate',
      values: { api: 'GetAccessKeyInfo', accessKeyId: key },
      ref: REF.getAccessKeyInfo,
    });
    return fail(ValidationError(problem));
  }
  if (!permitted(req, 'sts:GetAccessKeyInfo', REF.getAccessKeyInfo))
    return denied(req, 'sts:GetAccessKeyInfo');
  const owner =
    [...state.world.users.values()].find((u) => u.accessKeyId === key)?.account ??
    [...state.sessions.values()].find((c) => c.accessKeyId === key)?.account;
  if (!owner) {
    // docs/decisions.md#unknown-access-key: the simulator knows only the keys of its world.
    trace.fail({
      id: 'key.known',
      phase: 'issue',
      values: { key },
      ref: REF.getAccessKeyInfo,
    });
    return fail(unknownAccessKey(key));
  }
  trace.pass({
    id: 'key.known',
    phase: 'issue',
    values: { key, account: owner },
    ref: REF.getAccessKeyInfo,
  });
  return { response: { Account: owner } };
};

export const decodeAuthorizationMessage: ApiHandler = (req) => {
  const { state, params, trace } = req;
  const raw = asText(params.EncodedMessage ?? '');
  const v = new Validator({ EncodedMessage: raw });
  v.required(FIELDS.EncodedMessage);
  const parsed = v.result(raw, trace, REF.decodeAuthorizationMessage);
  if ('error' in parsed) return fail(parsed.error);
  if (!permitted(req, 'sts:DecodeAuthorizationMessage', REF.decodeAuthorizationMessage)) {
    return denied(req, 'sts:DecodeAuthorizationMessage');
  }
  // In scenarios, `EncodedMessage: $step` names a failed Request step's denial.
  const denial = raw.startsWith('$') ? state.denials.get(raw.slice(1)) : undefined;
  if (!denial) {
    trace.fail({
      id: 'message.valid',
      phase: 'issue',
      values: { message: raw },
      ref: REF.decodeAuthorizationMessage,
    });
    return fail(InvalidAuthorizationMessageException('Message is not valid'));
  }
  trace.pass({
    id: 'message.valid',
    phase: 'issue',
    values: { action: denial.action, resource: denial.resource },
    ref: REF.decodeAuthorizationMessage,
  });
  return { response: { DecodedMessage: JSON.stringify(denial) } };
};
