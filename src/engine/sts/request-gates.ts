/**
 * Which temporary credentials may call IAM APIs whatever their policies say
 * (docs/decisions.md#temporary-credential-gates): GetFederationToken sessions never; GetSessionToken
 * sessions only when MFA was passed to GetSessionToken; everything else yes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import type { CredentialKind } from './credentials.js';

/** Whether temporary credentials of a kind may call IAM: always, only when MFA-authenticated, or never. */
export type IamAccess = 'always' | 'with-mfa' | 'never';

export function iamAccess(kind: CredentialKind): IamAccess {
  if (kind === 'federated-user') return 'never';
  if (kind === 'session-token') return 'with-mfa';
  return 'always';
}
