/**
 * A call's outcome as its caller sees it: what learn's predictions, the quiz's "what happens?"
 * questions and `validate`'s check of their choices all take as the answer.
 */
import type { CallResult } from '../engine/types.js';
import type { Call } from './schema.js';
import { serviceCode, serviceDenial, type ServiceDenial } from './service-error.js';

export const SUCCESS = 'success';

/** What an outcome needs of the call: its API and, for a request to another service, its action. */
export type OutcomeCall = Pick<Call, 'api' | 'action'>;

/**
 * `success`, or the error code the caller gets: the engine's, except that a request to another
 * service gets that service's name for it (EC2's UnauthorizedOperation for a denial, the JSON
 * services' AccessDeniedException), since that is what the caller sees (docs/decisions.md#service-errors).
 */
export function outcomeOf(result: CallResult, call: OutcomeCall): string {
  if (result.outcome === 'success') return SUCCESS;
  return call.api === 'Request' && call.action ? serviceCode(call.action, result.code) : result.code;
}

/**
 * The error as the called service words it, when that differs from the engine's (EC2's
 * UnauthorizedOperation, S3's own sentence for expired credentials…): the explanations quote it.
 */
export function serviceWording(result: CallResult, call: OutcomeCall): ServiceDenial | undefined {
  if (result.outcome === 'success' || call.api !== 'Request' || !call.action) return undefined;
  const wire = serviceDenial(call.action, result.code, result.message, result.httpStatus);
  return wire.renamedBy ? wire : undefined;
}
