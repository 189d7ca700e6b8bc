/**
 * sts-trainer's library API: the simulated STS engine, so instructors can test
 * their own worlds and other tools can embed it.
 *
 * ```ts
 * import { createEngine } from 'sts-trainer';
 * const engine = createEngine(world);            // a scenario's `world:` object, already parsed
 * const r = engine.call(call, { id: 'assume' }); // a step's `call:`; later calls may use `as: $assume`
 * if (r.outcome === 'error') r.code;             // a CallFailure: AWS's code, message and HTTP status
 * r.response;                                    // the AWS-shaped response on success
 * r.trace;                                       // every check made, in order: id, ok, values, doc link
 * engine.advance(3600);                          // move the simulated clock (seconds)
 * ```
 */
export { createEngine } from './engine/index.js';
export type {
  ApiName,
  Call,
  CallFailure,
  CallOptions,
  CallResult,
  CallSuccess,
  CheckId,
  CheckValues,
  Engine,
  SessionView,
  TraceCheck,
  TracePhase,
  World,
  WorldProblem,
} from './engine/index.js';
export type {
  AuthorizationDecision,
  ConditionEvaluation,
  PolicyEvaluation,
  StatementEvaluation,
} from './engine/policy/types.js';
// The engine's input types (a scenario's `world:` and a step's `call:`) are its own plain interfaces;
// the content files' full shape is published as JSON Schema (`sts-trainer schema scenario|quiz`).
export type {
  ContextValue,
  PolicyDocument,
  TagMap,
  WorldIdentityCenter,
  WorldManagedPolicy,
  WorldOidcProvider,
  WorldOrganization,
  WorldPermissionSet,
  WorldResource,
  WorldRole,
  WorldSamlProvider,
  WorldScp,
  WorldUser,
} from './engine/index.js';
export { API_NAMES } from './engine/index.js';
