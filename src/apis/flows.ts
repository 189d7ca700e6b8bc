/**
 * The six flows every release must teach (PRODUCT.md "The six flows"), each with
 * the STS API it uses and the built-in scenario that walks through it. Course
 * material, not engine numbers: the numbers come from the engine's catalog.
 */
import type { StsApi } from '../engine/index.js';

export interface Flow {
  n: number;
  flow: string;
  apis: StsApi[];
  /** How the API is reached when it is not called directly. */
  via?: string;
  trustChecks: string;
  scenario: string;
}

export const SIX_FLOWS: readonly Flow[] = [
  {
    n: 1,
    flow: 'cross-account access',
    apis: ['AssumeRole'],
    trustChecks:
      "the role's trust policy names the other account or principal (often with sts:ExternalId), and the caller's own policy allows sts:AssumeRole on the role",
    scenario: 'cross-account-assume-role',
  },
  {
    n: 2,
    flow: 'IAM Identity Center (SSO) sign-in',
    apis: ['AssumeRoleWithSAML'],
    via: 'Identity Center calls STS for the user; the seed course calls it implicit AssumeRole',
    trustChecks:
      'the AWSReservedSSO_* role trusts the Identity Center SAML provider; the permission set sets the session length',
    scenario: 'identity-center-sso',
  },
  {
    n: 3,
    flow: 'federation with an external IdP',
    apis: ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'],
    trustChecks:
      'Principal.Federated is the SAML or OIDC provider; SAML:aud, <provider>:aud and <provider>:sub conditions',
    scenario: 'saml-federation',
  },
  {
    n: 4,
    flow: 'service-to-service',
    apis: ['AssumeRole'],
    via: 'an AWS service such as EC2, Lambda or ECS assumes the role for its resource',
    trustChecks:
      'Principal.Service; aws:SourceArn and aws:SourceAccount against the confused deputy; credentials rotate automatically',
    scenario: 'service-role-confused-deputy',
  },
  {
    n: 5,
    flow: 'MFA-protected API access',
    apis: ['GetSessionToken'],
    trustChecks:
      'policies that require aws:MultiFactorAuthPresent or aws:MultiFactorAuthAge; SerialNumber + TokenCode in the call',
    scenario: 'mfa-get-session-token',
  },
  {
    n: 6,
    flow: 'role chaining',
    apis: ['AssumeRole'],
    via: 'called with role-session credentials',
    trustChecks:
      'each hop is its own trust check; the session is capped at one hour; transitive tags and source identity carry over',
    scenario: 'role-chaining',
  },
];
