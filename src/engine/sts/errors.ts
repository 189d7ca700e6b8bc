/**
 * AWS error codes, HTTP statuses and messages (docs/decisions.md#error-messages; the service model
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html and each
 * API's Errors section).
 */
export interface AwsError {
  code: string;
  message: string;
  httpStatus: number;
}

const err =
  (code: string, httpStatus: number) =>
  (message: string): AwsError => ({ code, message, httpStatus });

export const AccessDenied = err('AccessDenied', 403);
export const ValidationError = err('ValidationError', 400);
export const InvalidParameterValue = err('InvalidParameterValue', 400);
export const MalformedPolicyDocument = err('MalformedPolicyDocument', 400);
export const PackedPolicyTooLarge = err('PackedPolicyTooLarge', 400);
export const InvalidIdentityToken = err('InvalidIdentityToken', 400);
export const ExpiredTokenException = err('ExpiredTokenException', 400);
export const IDPRejectedClaim = err('IDPRejectedClaim', 403);
export const InvalidAuthorizationMessageException = err('InvalidAuthorizationMessageException', 400);
export const UnauthorizedException = err('UnauthorizedException', 401);
export const ForbiddenException = err('ForbiddenException', 403);

/** docs/decisions.md#error-messages: expired signing credentials (not ExpiredTokenException; no trailing period). */
export const expiredToken = (): AwsError => ({
  code: 'ExpiredToken',
  message: 'The security token included in the request is expired',
  httpStatus: 403,
});
/** docs/decisions.md#error-messages: an unknown access key id (with a trailing period). */
export const invalidClientTokenId = (): AwsError => ({
  code: 'InvalidClientTokenId',
  message: 'The security token included in the request is invalid.',
  httpStatus: 403,
});
/** docs/decisions.md#error-messages: a session token present but not accepted (no trailing period). */
export const invalidSessionToken = (): AwsError => ({
  code: 'InvalidClientTokenId',
  message: 'The security token included in the request is invalid',
  httpStatus: 403,
});
/** docs/decisions.md#error-messages: an unsigned request to an action that needs a signature. */
export const missingAuthenticationToken = (): AwsError => ({
  code: 'MissingAuthenticationToken',
  message: 'Request is missing Authentication Token',
  httpStatus: 403,
});

/**
 * docs/decisions.md#unknown-access-key: GetAccessKeyInfo for a key that no principal of the world
 * holds. AWS documents that such a key "might return an error that the key doesn't exist" but not
 * the code or the words: these are the simulator's.
 */
export const unknownAccessKey = (key: string): AwsError =>
  InvalidParameterValue(`The access key ID ${key} does not exist.`);

/** docs/decisions.md#error-messages, the canonical denial wording for STS actions on a role. */
export const notAuthorized = (callerArn: string, action: string, resource: string): AwsError =>
  AccessDenied(`User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`);

/** One violated model constraint (docs/decisions.md#validation-messages: the Coral/Smithy template). */
export interface ConstraintViolation {
  /** The raw value sent, or null when missing. */
  value: string | null;
  /** lowerCamel member name, e.g. `roleSessionName`, `tags.1.member.key`. */
  member: string;
  /** e.g. `Member must have length less than or equal to 64`. */
  constraint: string;
}

/** `1 validation error detected: Value '<v>' at '<member>' failed to satisfy constraint: <clause>`. */
export function validationMessage(violations: ConstraintViolation[]): string {
  const parts = violations.map(
    (v) =>
      `Value ${v.value === null ? 'null' : `'${v.value}'`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`,
  );
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
