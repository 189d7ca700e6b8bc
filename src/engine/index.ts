/**
 * The simulated STS engine: `createEngine(world)` builds a world once, then
 * `engine.call(call)` runs requests against it on a simulated clock.
 */
export type * from './types.js';
export { createEngine } from './sts/engine.js';
export { stsApiCatalog } from './sts/catalog.js';
export { isStsApi, STS_APIS } from './sts/catalog-facts.js';
export type {
  ApiFacts,
  CallerCode,
  ChainingFacts,
  DurationFacts,
  MfaCode,
  PermissionCode,
  SessionFacts,
  SigningCode,
  StsApi,
} from './sts/catalog-facts.js';
export type { IamAccess } from './sts/request-gates.js';
export { API_NAMES } from './world.js';
export { API_PARAMETERS } from './sts/api-parameters.js';
/** The duration and time parsers scenarios use (`90m`, `2h`, `+15m`, ISO-8601). */
export { parseDuration, parseInstant } from './sts/time.js';
