/**
 * "What happens?" questions: the engine decides. The answer is `success` or
 * the AWS error code the engine returns; distractors are other codes the same
 * API can return, so every choice is plausible and exactly one is right.
 */
import type { ApiName } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';

export const SUCCESS = 'success';

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

/** `success`, or the error code the engine returned. */
export function outcomeOf(result: CallResult): string {
  return result.outcome === 'success' ? SUCCESS : result.code;
}

/**
 * Four choices: the engine's answer, `success` (unless it is the answer) and
 * the API's other common codes. Order: success first, then codes as listed,
 * so the position never gives the answer away (sessions shuffle anyway).
 */
export function outcomeChoices(api: ApiName, answer: string, given?: readonly string[]): string[] {
  if (given && given.length > 0) return given.includes(answer) ? [...given] : [...given, answer];
  const pool = [SUCCESS, answer, ...CODES_BY_API[api], ...COMMON_OUTCOMES];
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
