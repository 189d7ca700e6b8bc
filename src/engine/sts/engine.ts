/**
 * createEngine: builds the world once, then runs calls on a simulated clock.
 * Pure: no I/O, no wall clock; the same world and calls give the same results.
 */
import type { ApiName, Call, CallOptions, CallResult, CallSuccess, Engine, World } from '../types.js';
import type { ApiHandler, ApiOutcome } from './api.js';
import { assumeRole } from './apis/assume-role.js';
import { assumeRoleWithSaml } from './apis/assume-role-with-saml.js';
import { assumeRoleWithWebIdentity } from './apis/assume-role-with-web-identity.js';
import { decodeAuthorizationMessage, getAccessKeyInfo } from './apis/key-info.js';
import { getCallerIdentity } from './apis/get-caller-identity.js';
import { getFederationToken } from './apis/get-federation-token.js';
import { getSessionToken } from './apis/get-session-token.js';
import { getRoleCredentials, signIn } from './apis/identity-center.js';
import { request } from './apis/request.js';
import { authenticate } from './authenticate.js';
import { callerName } from './credentials.js';
import type { EngineState } from './state.js';
import { longTermKeys } from './long-term-keys.js';
import { regionGate, tokenGate, tokenVersion } from './regions.js';
import { iso } from './time.js';
import { Trace } from './trace.js';
import { buildWorld } from './build-world.js';

const HANDLERS: Record<ApiName, ApiHandler> = {
  AssumeRole: assumeRole,
  AssumeRoleWithSAML: assumeRoleWithSaml,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
  GetCallerIdentity: getCallerIdentity,
  GetAccessKeyInfo: getAccessKeyInfo,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  SignIn: signIn,
  GetRoleCredentials: getRoleCredentials,
  Request: request,
};

/**
 * Builds an engine over a world (a scenario's `world:` object, already parsed).
 * Problems in the world (malformed policies, dangling references) are reported
 * in `engine.problems`; calls still run, treating what cannot be evaluated as
 * matching nothing.
 */
export function createEngine(world: World): Engine {
  const model = buildWorld(world ?? {});
  return engineOver({
    world: model,
    now: model.start,
    sessions: new Map(),
    ssoSessions: new Map(),
    denials: new Map(),
    serial: 0,
    rolePolicies: new Map(),
  });
}

function engineOver(state: EngineState): Engine {
  return {
    problems: state.world.problems,
    now: () => iso(state.now),
    advance(seconds: number) {
      if (Number.isFinite(seconds) && seconds > 0) state.now += Math.round(seconds * 1000);
    },
    call: (call: Call, options?: CallOptions) => runCall(state, call, options),
    longTermKeys: () => longTermKeys(state.world),
    forget(id: string) {
      state.sessions.delete(id);
      state.denials.delete(id);
    },
    // The world is immutable once built; only the clock and the credentials minted so far are copied.
    fork: () =>
      engineOver({
        ...state,
        sessions: new Map(state.sessions),
        ssoSessions: new Map(state.ssoSessions),
        denials: new Map(state.denials),
        rolePolicies: new Map([...state.rolePolicies].map(([k, v]) => [k, [...v]])),
      }),
  };
}

function runCall(state: EngineState, call: Call, options: CallOptions | undefined): CallResult {
  const trace = new Trace();
  const at = iso(state.now);
  const handler = HANDLERS[call.api];
  if (!handler) {
    return {
      api: call.api,
      outcome: 'error',
      code: 'InvalidAction',
      message: `Could not find operation ${String(call.api)} for version 2011-06-15`,
      httpStatus: 400,
      caller: call.as,
      at,
      trace: trace.checks,
    };
  }
  const auth = authenticate(state, call.api, call.as, trace);
  if ('error' in auth) return finish(call, call.as, at, trace, { error: auth.error });
  const regionError = tokenGate(auth.caller, call, trace) ?? regionGate(state, call, auth.caller, trace);
  if (regionError) return finish(call, callerName(auth.caller), at, trace, { error: regionError });
  const outcome = handler({ state, call, caller: auth.caller, params: call.params ?? {}, trace });
  if ('creds' in outcome && outcome.creds) {
    outcome.creds.tokenVersion = tokenVersion(state, call, outcome.creds.account);
    if (options?.id) state.sessions.set(options.id, outcome.creds);
  }
  if ('denial' in outcome && outcome.denial && options?.id) state.denials.set(options.id, outcome.denial);
  return finish(call, callerName(auth.caller), at, trace, outcome);
}

function finish(call: Call, caller: string, at: string, trace: Trace, outcome: ApiOutcome): CallResult {
  if ('error' in outcome) {
    return {
      api: call.api,
      outcome: 'error',
      code: outcome.error.code,
      message: outcome.error.message,
      httpStatus: outcome.error.httpStatus,
      caller,
      at,
      trace: trace.checks,
    };
  }
  const result: CallSuccess = {
    api: call.api,
    outcome: 'success',
    response: outcome.response,
    caller,
    at,
    trace: trace.checks,
  };
  if (outcome.view) result.view = outcome.view;
  return result;
}
