/**
 * Which temporary credentials may call IAM APIs whatever their policies say
 * (docs/decisions.md#temporary-credential-gates): GetFederationToken sessions never; GetSessionToken
 * sessions only when MFA was passed to GetSessionToken; everything else yes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import type { CredentialKind } from './credentials.js';

export type IamAccess = 'yes' | 'only with MFA' | 'never';

export function iamAccess(kind: CredentialKind): IamAccess {
  if (kind === 'federated-user') return 'never';
  if (kind === 'session-token') return 'only with MFA';
  return 'yes';
}
