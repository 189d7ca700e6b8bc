/**
 * MFA verification for AssumeRole and GetSessionToken: SerialNumber must be the
 * caller's device and TokenCode its current code.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
import type { Caller } from './credentials.js';
import { AccessDenied, type AwsError } from './errors.js';
import { REF } from './refs.js';
import type { Trace } from './trace.js';

/** docs/decisions.md#error-messages (note the two spaces after "code."). */
export const MFA_INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
export const MFA_UNABLE =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

/** Returns whether MFA was verified in this call, or the AWS error. */
export function verifyMfa(
  caller: Caller,
  serial: string | undefined,
  code: string | undefined,
  trace: Trace,
): { mfa: boolean } | { error: AwsError } {
  if (serial === undefined && code === undefined) return { mfa: false };
  const user = caller.type === 'credentials' ? caller.creds.user : undefined;
  const device = user?.mfaSerial;
  if (serial === undefined || code === undefined || !user || !device || serial !== device) {
    trace.fail({
      id: 'mfa.device',
      phase: 'mfa',
      values: { ...(serial !== undefined ? { sent: serial } : {}), ...(device ? { device } : {}) },
      ref: REF.mfaApi,
    });
    return { error: AccessDenied(MFA_UNABLE) };
  }
  trace.pass({
    id: 'mfa.device',
    phase: 'mfa',
    values: { sent: serial, device },
    ref: REF.mfaApi,
  });
  if (code !== user.mfaCode) {
    trace.fail({
      id: 'mfa.code',
      phase: 'mfa',
      values: { sent: code },
      ref: REF.mfaApi,
    });
    return { error: AccessDenied(MFA_INVALID_CODE) };
  }
  trace.pass({
    id: 'mfa.code',
    phase: 'mfa',
    values: { sent: code },
    ref: REF.mfaApi,
  });
  return { mfa: true };
}
