/** AWS documentation pages the engine's rules come from (shown with every trace check). */
const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const API = 'https://docs.aws.amazon.com/STS/latest/APIReference/';

export const REF = {
  assumeRole: `${API}API_AssumeRole.html`,
  assumeRoleWithSaml: `${API}API_AssumeRoleWithSAML.html`,
  assumeRoleWithWebIdentity: `${API}API_AssumeRoleWithWebIdentity.html`,
  getSessionToken: `${API}API_GetSessionToken.html`,
  getFederationToken: `${API}API_GetFederationToken.html`,
  getCallerIdentity: `${API}API_GetCallerIdentity.html`,
  getAccessKeyInfo: `${API}API_GetAccessKeyInfo.html`,
  decodeAuthorizationMessage: `${API}API_DecodeAuthorizationMessage.html`,
  commonErrors: `${API}CommonErrors.html`,
  evaluationLogic: `${IAM}reference_policies_evaluation-logic.html`,
  crossAccount: `${IAM}reference_policies_evaluation-logic-cross-account.html`,
  roleChaining: `${IAM}id_roles_terms-and-concepts.html#iam-term-role-chaining`,
  maxSessionDuration: `${IAM}id_roles_update-role-settings.html#id_roles_update-session-duration`,
  tempRequest: `${IAM}id_credentials_temp_request.html`,
  sessionTags: `${IAM}id_session-tags.html`,
  sourceIdentity: `${IAM}id_credentials_temp_control-access_monitor.html`,
  sessionPolicies: `${IAM}access_policies.html#policies_session`,
  mfaApi: `${IAM}id_credentials_mfa_configure-api-require.html`,
  globalKeys: `${IAM}reference_policies_condition-keys.html`,
  stsKeys: `${IAM}reference_policies_iam-condition-keys.html`,
  samlProviders: `${IAM}id_roles_providers_saml.html`,
  samlAssertions: `${IAM}id_roles_providers_create_saml_assertions.html`,
  samlTroubleshoot: `${IAM}troubleshoot_saml.html`,
  oidcProviders: `${IAM}id_roles_providers_oidc.html`,
  oidcRoles: `${IAM}id_roles_create_for-idp_oidc.html`,
  confusedDeputy: `${IAM}confused-deputy.html`,
  ec2Roles: `${IAM}id_roles_use_switch-role-ec2.html`,
  serviceRoles: `${IAM}id_roles_create_for-service.html`,
  accessDenied: `${IAM}troubleshoot_access-denied.html`,
  scps: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  identityCenterPermissionSets:
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html',
  identityCenterDuration:
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html',
  portalGetRoleCredentials:
    'https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html',
  identifiers: `${IAM}reference_identifiers.html`,
} as const;
