/**
 * The request parameters each API takes, by AWS's own names (the API Reference's "Request
 * Parameters" sections), for checking what a learner types on the command line.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */
import type { ApiName } from '../world.js';

export const API_PARAMETERS: Readonly<Record<ApiName, readonly string[]>> = {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
  AssumeRole: [
    'RoleArn',
    'RoleSessionName',
    'DurationSeconds',
    'ExternalId',
    'Policy',
    'PolicyArns',
    'ProvidedContexts',
    'SerialNumber',
    'SourceIdentity',
    'Tags',
    'TokenCode',
    'TransitiveTagKeys',
  ],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
  AssumeRoleWithSAML: ['RoleArn', 'PrincipalArn', 'SAMLAssertion', 'DurationSeconds', 'Policy', 'PolicyArns'],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
  AssumeRoleWithWebIdentity: [
    'RoleArn',
    'RoleSessionName',
    'WebIdentityToken',
    'DurationSeconds',
    'Policy',
    'PolicyArns',
    'ProviderId',
  ],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
  GetSessionToken: ['DurationSeconds', 'SerialNumber', 'TokenCode'],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
  GetFederationToken: ['Name', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags'],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
  GetCallerIdentity: [],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
  GetAccessKeyInfo: ['AccessKeyId'],
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
  DecodeAuthorizationMessage: ['EncodedMessage'],
  // The access portal's sign-in is modelled without parameters (the user is `sso/NAME`).
  SignIn: [],
  // https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html
  // (the portal's names are accountId/roleName; the engine takes them capitalised like STS's)
  GetRoleCredentials: ['AccountId', 'RoleName'],
  // A request to another service: its action and resource are --action and --resource.
  Request: [],
};
