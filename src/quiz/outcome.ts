/**
 * "What happens?" questions: the engine decides. The answer is `success` or
 * the error code the caller gets (content/outcome.ts); distractors are other codes the same
 * API can return, so every choice is plausible and exactly one is right.
 */
import { SUCCESS, type OutcomeCall } from '../content/outcome.js';
import type { ApiName } from '../content/schema.js';
import { serviceCode } from '../content/service-error.js';

export { outcomeOf, SUCCESS, type OutcomeCall } from '../content/outcome.js';

/** Codes each API plausibly returns, most common first (docs/decisions.md#error-messages). */
const CODES_BY_API: Record<ApiName, string[]> = {
  AssumeRole: [
    'AccessDenied',
    'ValidationError',
    'ExpiredToken',
    'InvalidParameterValue',
    'PackedPolicyTooLarge',
  ],
  AssumeRoleWithSAML: ['AccessDenied', 'InvalidIdentityToken', 'ExpiredTokenException', 'ValidationError'],
  AssumeRoleWithWebIdentity: [
    'AccessDenied',
    'InvalidIdentityToken',
    'ExpiredTokenException',
    'IDPRejectedClaim',
    'ValidationError',
  ],
  GetSessionToken: ['AccessDenied', 'ValidationError', 'ExpiredToken'],
  GetFederationToken: ['AccessDenied', 'ValidationError', 'ExpiredToken', 'PackedPolicyTooLarge'],
  GetCallerIdentity: ['ExpiredToken', 'AccessDenied', 'InvalidClientTokenId'],
  GetAccessKeyInfo: ['ExpiredToken', 'AccessDenied', 'InvalidClientTokenId'],
  DecodeAuthorizationMessage: ['AccessDenied', 'ExpiredToken', 'InvalidClientTokenId'],
  SignIn: ['UnauthorizedException', 'ForbiddenException', 'AccessDenied'],
  GetRoleCredentials: ['ForbiddenException', 'UnauthorizedException', 'AccessDenied'],
  Request: ['AccessDenied', 'ExpiredToken', 'InvalidClientTokenId'],
};

/** The default choices of an authored outcome question without `choices` (FORMAT.md: "the common codes"). */
export const COMMON_OUTCOMES = [SUCCESS, 'AccessDenied', 'ValidationError', 'ExpiredToken'];

/** The codes `call` plausibly fails with, as its caller sees them (content/outcome.ts). */
function codesFor(call: OutcomeCall): string[] {
  const codes = CODES_BY_API[call.api];
  const action = call.action;
  return call.api === 'Request' && action ? codes.map((c) => serviceCode(action, c)) : codes;
}

/**
 * Four choices: the engine's answer, `success` (unless it is the answer) and
 * the API's other common codes. Order: success first, then codes as listed,
 * so the position never gives the answer away (sessions shuffle anyway).
 */
export function outcomeChoices(call: OutcomeCall, answer: string, given?: readonly string[]): string[] {
  if (given && given.length > 0) return given.includes(answer) ? [...given] : [...given, answer];
  const pool = [SUCCESS, answer, ...codesFor(call), ...COMMON_OUTCOMES];
  const out: string[] = [];
  for (const c of pool) if (!out.includes(c) && out.length < 4) out.push(c);
  return [SUCCESS, ...out.filter((c) => c !== SUCCESS)];
}

/** Display names: `success` reads as a sentence, codes as the error the caller gets. */
export function outcomeLabels(choices: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    choices.map((c) => [c, c === SUCCESS ? 'the call succeeds' : `the call fails with ${c}`]),
  );
}
