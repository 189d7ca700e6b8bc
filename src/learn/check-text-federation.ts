/** The words for the federation checks: OIDC tokens, SAML assertions and Identity Center. */
import type { WordingTable } from './check-text.js';

type FederationIds =
  | 'oidc.audience'
  | 'oidc.expiry'
  | 'oidc.parse'
  | 'oidc.provider'
  | 'oidc.signature'
  | 'saml.audience'
  | 'saml.expiry'
  | 'saml.issuer'
  | 'saml.parse'
  | 'saml.provider'
  | 'saml.role'
  | 'saml.sessionName'
  | 'saml.signature'
  | 'saml.sourceIdentity'
  | 'saml.subject'
  | 'sso.assignment'
  | 'sso.saml'
  | 'sso.session'
  | 'sso.signin'
  | 'sso.user';

const CLIENT_IDS = "the token's aud is one of the provider's client IDs";

export const FEDERATION_TEXT: WordingTable<FederationIds> = {
  'oidc.parse': () => ({
    title: 'WebIdentityToken is a JWT (an OIDC ID token)',
    detail: 'not a structured token',
  }),
  'oidc.provider': (v, ok) =>
    ok
      ? {
          title: v.provider
            ? `the OIDC provider exists: ${v.provider}`
            : `${v.builtIn ?? v.issuer} is a built-in web identity provider`,
          detail: v.issuer,
        }
      : {
          title: "the token's issuer is an OIDC provider in the role's account",
          detail: `iss ${v.issuer || '(none)'}; account ${v.account}`,
        },
  'oidc.signature': (v, ok) => ({
    title: "the signature verifies with a key from the issuer's JWKS",
    detail: ok ? v.issuer : `signed by ${v.signedBy ?? '(nobody)'}`,
  }),
  'oidc.expiry': (v, ok) => ({
    title: 'the token has not expired',
    detail: !ok ? `exp ${v.expires ?? ''}; now ${v.now}` : v.expires !== undefined ? `exp ${v.expires}` : '',
  }),
  'oidc.audience': (v, ok) => {
    if (v.audiences.length === 0) return { title: 'the token has an aud claim' };
    if (!ok) {
      return {
        title: CLIENT_IDS,
        detail: `aud ${v.audiences.join(', ')}; provider allows ${(v.allowed ?? []).join(', ')}`,
      };
    }
    return {
      title: v.allowed ? CLIENT_IDS : 'aud is checked by the trust policy',
      detail: v.audiences.join(', '),
    };
  },
  'saml.parse': () => ({ title: 'SAMLAssertion is a SAML response', detail: 'not a structured assertion' }),
  'saml.provider': (v, ok) =>
    ok
      ? { title: `the SAML provider exists: ${v.name ?? v.provider}`, detail: v.provider }
      : { title: 'PrincipalArn is a SAML provider in IAM', detail: `no provider \`${v.provider}\`` },
  'saml.issuer': (v, ok) => ({
    title: "the assertion's Issuer is the provider's",
    detail: ok ? v.expected : `assertion: ${v.issuer ?? '(none)'}; provider metadata: ${v.expected}`,
  }),
  'saml.signature': (v, ok) => ({
    title: "the signature verifies with the provider's certificate",
    detail: ok ? v.expected : `signed by ${v.signedBy ?? '(nobody)'}, expected ${v.expected}`,
  }),
  'saml.audience': (v, ok) => ({
    title: ok
      ? 'the AudienceRestriction names AWS'
      : `the AudienceRestriction names AWS (${v.allowed.join(' or ')})`,
    detail: v.audience,
  }),
  'saml.expiry': (v, ok) => ({
    title: 'the assertion is redeemed before NotOnOrAfter',
    detail: ok ? (v.notOnOrAfter ?? '') : `NotOnOrAfter ${v.notOnOrAfter ?? ''}; now ${v.now}`,
  }),
  'saml.role': (v, ok) => ({
    title: 'the Role attribute pairs RoleArn with PrincipalArn',
    detail: ok ? `${v.role},${v.provider}` : `attribute values: ${v.values.join(' | ') || '(none)'}`,
  }),
  'saml.subject': () => ({ title: 'the assertion has a Subject NameID' }),
  'saml.sessionName': (v, ok) =>
    ok
      ? { title: `session name from the RoleSessionName attribute: ${v.sessionName}` }
      : { title: 'the RoleSessionName attribute matches [a-zA-Z_0-9+=,.@-]{2,64}', detail: v.sessionName },
  'saml.sourceIdentity': (v) => ({
    title: 'the SourceIdentity attribute is valid',
    detail: v.sourceIdentity,
  }),
  'sso.user': (v) => ({ title: `\`${v.user}\` is an Identity Center user` }),
  'sso.signin': (v) => ({
    title: `${v.user} signs in to the access portal`,
    detail: `portal session until ${v.until}`,
  }),
  'sso.session': (v, ok) => ({
    title: `${v.user} has a portal session`,
    detail: ok ? `until ${v.until ?? ''}` : v.until === undefined ? 'not signed in' : `expired at ${v.until}`,
  }),
  'sso.assignment': (v, ok) => ({
    title: `${v.user} is assigned ${v.permissionSet} in ${v.account}`,
    detail: ok ? '' : 'no such assignment',
  }),
  'sso.saml': (v) => ({
    title: `Identity Center assumes ${v.role} with AssumeRoleWithSAML (this is what the member account's CloudTrail records)`,
    detail: `provider ${v.provider}; role path ${v.path}`,
  }),
};
