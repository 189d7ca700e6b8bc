// AssumeRoleWithSAML, AssumeRoleWithWebIdentity and the Identity Center portal.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
// https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call, World } from '../../../src/engine/index.js';
import { allow, brief, last, policy, PROD, role, roleArn, START, trusts, world } from './worlds.js';

// ---------- SAML ----------
const OKTA = `arn:aws:iam::${PROD}:saml-provider/Okta`;
const SAML_ROLE = roleArn(PROD, 'SamlRole');
const ISSUER = 'http://www.okta.com/exk1a2b3';

function samlWorld(
  actions: string | string[] = 'sts:AssumeRoleWithSAML',
  condition?: Record<string, unknown>,
): World {
  return world({
    samlProviders: [{ name: 'Okta', account: PROD, issuer: ISSUER }],
    roles: [role('SamlRole', PROD, [trusts({ Federated: OKTA }, actions, condition)])],
  });
}
const assertion = (over: Record<string, unknown> = {}) => ({
  issuer: ISSUER,
  signedBy: 'Okta',
  subject: 'maria@example.com',
  roles: [`${SAML_ROLE},${OKTA}`],
  ...over,
});
const saml = (a: Record<string, unknown>, params: Record<string, unknown> = {}): Call => ({
  api: 'AssumeRoleWithSAML',
  as: 'anonymous',
  params: { RoleArn: SAML_ROLE, PrincipalArn: OKTA, SAMLAssertion: a, ...params },
});

describe('AssumeRoleWithSAML validates the assertion, in order (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html', () => {
  it.each<[string, Call, string, RegExp | string]>([
    [
      'PrincipalArn names no provider (8.12)',
      saml(assertion(), { PrincipalArn: `arn:aws:iam::${PROD}:saml-provider/Nope` }),
      'InvalidIdentityToken',
      /^Specified provider doesn't exist \(Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: AuthSamlManifestNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    ],
    [
      'Issuer is not the provider’s (8.13)',
      saml(assertion({ issuer: 'http://evil.example.com' })),
      'InvalidIdentityToken',
      /^Issuer not present in specified provider \(Service: AWSOpenIdDiscoveryService; .*Error Code: AuthSamlInvalidSamlResponseException; .*Proxy: null\)$/,
    ],
    [
      'bad signature (8.11)',
      saml(assertion({ signedBy: 'Other' })),
      'InvalidIdentityToken',
      'Response signature invalid',
    ],
    [
      'NotOnOrAfter passed → ExpiredTokenException (8.10)',
      saml(assertion({ notOnOrAfter: '-1m' })),
      'ExpiredTokenException',
      'Token must be redeemed within 5 minutes of issuance',
    ],
    [
      'no Role attribute pairing RoleArn and PrincipalArn (8.15)',
      saml(assertion({ roles: [`${roleArn(PROD, 'Other')},${OKTA}`] })),
      'InvalidIdentityToken',
      "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
    ],
    [
      'invalid RoleSessionName attribute (8.16)',
      saml(assertion({ sessionName: 'has space' })),
      'InvalidIdentityToken',
      'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
    ],
    [
      'invalid SourceIdentity attribute (6.3)',
      saml(assertion({ sourceIdentity: 'aws:x' })),
      'InvalidIdentityToken',
      'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"',
    ],
    [
      'swapped ARNs (3.12)',
      saml(assertion(), { RoleArn: OKTA, PrincipalArn: SAML_ROLE }),
      'ValidationError',
      'Request ARN is invalid',
    ],
    [
      'AudienceRestriction names another service provider (8.18)',
      saml(assertion({ audience: 'https://example.com/acs' })),
      'InvalidIdentityToken',
      'Response does not contain the required audience.',
    ],
    [
      'trust policy condition on SAML:aud (the Recipient) fails (8.9)',
      saml(assertion({ recipient: 'https://example.com/acs' })),
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithSAML',
    ],
  ])('%s', (_n, call, code, message) => {
    const w = samlWorld('sts:AssumeRoleWithSAML', {
      StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
    });
    const r = last(w, [call]);
    expect(r.code).toBe(code);
    if (typeof message === 'string') expect(r.message).toBe(message);
    else expect(r.message).toMatch(message);
  });

  it('a role that does not exist → AccessDenied (8.9)', () => {
    const ghost = roleArn(PROD, 'Ghost');
    const r = last(samlWorld(), [saml(assertion({ roles: [`${ghost},${OKTA}`] }), { RoleArn: ghost })]);
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
    });
  });

  it.each(['urn:amazon:webservices', 'https://signin.aws.amazon.com/saml', undefined])(
    'negative: AudienceRestriction %s is accepted (IAM UG, SAML assertions) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html',
    (audience) => {
      const w = samlWorld('sts:AssumeRoleWithSAML', {
        StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      });
      expect(last(w, [saml(assertion(audience === undefined ? {} : { audience }))]).outcome).toBe('success');
    },
  );

  it('SAML:aud and the response Audience come from the Recipient, not the AudienceRestriction — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html', () => {
    const regional = 'https://eu-west-1.signin.aws.amazon.com/saml';
    const w = samlWorld('sts:AssumeRoleWithSAML', { StringEquals: { 'SAML:aud': regional } });
    const ok = last(w, [saml(assertion({ recipient: regional, audience: 'urn:amazon:webservices' }))]);
    expect(ok.outcome).toBe('success');
    expect(ok.response).toMatchObject({ Audience: regional });
    // The same AudienceRestriction with the default Recipient: the trust policy no longer matches.
    expect(last(w, [saml(assertion({ audience: regional.replace('eu-west-1.', '') }))]).code).toBe(
      'AccessDenied',
    );
  });

  it('negative: a good assertion gives a role session with the SAML response fields', () => {
    const r = last(samlWorld(), [saml(assertion())]);
    expect(r.outcome).toBe('success');
    expect(r.view?.arn).toBe(`arn:aws:sts::${PROD}:assumed-role/SamlRole/maria@example.com`);
    expect(r.view?.mfa).toBe(false);
    expect(r.response).toMatchObject({
      Subject: 'maria@example.com',
      SubjectType: 'persistent',
      Issuer: ISSUER,
      Audience: 'https://signin.aws.amazon.com/saml',
    });
  });
});

describe('SAML checks run provider → issuer → signature → expiry → Role attribute: the first failure is reported — https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html', () => {
  // A forged or stale assertion cannot be read further than the first check it fails.
  it.each<[string, Call, string]>([
    [
      'unknown provider and bad signature',
      saml(assertion({ signedBy: 'x' }), { PrincipalArn: `arn:aws:iam::${PROD}:saml-provider/Nope` }),
      "Specified provider doesn't exist",
    ],
    [
      'wrong issuer and bad signature',
      saml(assertion({ issuer: 'http://x', signedBy: 'x' })),
      'Issuer not present',
    ],
    [
      'bad signature and expired',
      saml(assertion({ signedBy: 'x', notOnOrAfter: '-1m' })),
      'Response signature invalid',
    ],
    [
      'expired and no matching Role attribute',
      saml(assertion({ notOnOrAfter: '-1m', roles: [] })),
      'Token must be redeemed within 5 minutes of issuance',
    ],
  ])('%s', (_n, call, message) => {
    expect(last(samlWorld(), [call]).message).toContain(message);
  });
});

describe('SAML condition keys: saml:aud, saml:sub, saml:iss — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'saml:aud is the Recipient',
      { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      'success',
    ],
    ['saml:sub is the NameID', { StringEquals: { 'saml:sub': 'maria@example.com' } }, 'success'],
    ['saml:sub mismatch', { StringEquals: { 'saml:sub': 'bob@example.com' } }, 'error'],
    ['saml:iss is the Issuer', { StringEquals: { 'saml:iss': ISSUER } }, 'success'],
    ['saml:iss mismatch', { StringEquals: { 'saml:iss': 'http://other' } }, 'error'],
  ])('%s → %s', (_n, condition, outcome) => {
    expect(last(samlWorld('sts:AssumeRoleWithSAML', condition), [saml(assertion())]).outcome).toBe(outcome);
  });
});

describe('only saml:sub, saml:sub_type (and saml:namequalifier) survive into later requests (docs/decisions.md#request-context) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml', () => {
  const chained = (condition: Record<string, unknown>): World =>
    world({
      samlProviders: [{ name: 'Okta', account: PROD, issuer: ISSUER }],
      roles: [
        role('SamlRole', PROD, [trusts({ Federated: OKTA }, 'sts:AssumeRoleWithSAML')], {
          policies: [policy(allow('sts:AssumeRole'))],
        }),
        role('Next', PROD, [trusts({ AWS: PROD }, 'sts:AssumeRole', condition)]),
      ],
    });
  it.each<[string, Record<string, unknown>, string]>([
    ['saml:sub is still there', { StringEquals: { 'saml:sub': 'maria@example.com' } }, 'success'],
    ['saml:sub_type is still there', { StringEquals: { 'saml:sub_type': 'persistent' } }, 'success'],
    ['saml:aud is gone', { StringEquals: { 'saml:aud': 'https://signin.aws.amazon.com/saml' } }, 'error'],
    ['saml:iss is gone', { StringEquals: { 'saml:iss': ISSUER } }, 'error'],
  ])('a SAML session assuming another role: %s', (_n, condition, outcome) => {
    const r = last(chained(condition), [
      ['s', saml(assertion())],
      { api: 'AssumeRole', as: '$s', params: { RoleArn: roleArn(PROD, 'Next'), RoleSessionName: 'next' } },
    ]);
    expect(r.outcome).toBe(outcome);
  });
});

describe('IdP session tags need sts:TagSession in the trust policy — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-saml', () => {
  it.each([
    ['sts:AssumeRoleWithSAML only', ['sts:AssumeRoleWithSAML'], 'error'],
    ['with sts:TagSession', ['sts:AssumeRoleWithSAML', 'sts:TagSession'], 'success'],
  ])('SAML tags, trust allows %s → %s', (_n, actions, outcome) => {
    const r = last(samlWorld(actions), [saml(assertion({ tags: { dept: 'finance' } }))]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'success') expect(r.view?.tags).toEqual({ dept: 'finance' });
    else expect(r.message).toBe('Not authorized to perform sts:AssumeRoleWithSAML');
  });
});

// ---------- OIDC ----------
const GH = 'https://token.actions.githubusercontent.com';
const GH_HOST = 'token.actions.githubusercontent.com';
const GH_ARN = `arn:aws:iam::${PROD}:oidc-provider/${GH_HOST}`;
const DEPLOY = roleArn(PROD, 'Deploy');

function oidcWorld(
  condition?: Record<string, unknown>,
  actions: string | string[] = 'sts:AssumeRoleWithWebIdentity',
): World {
  return world({
    oidcProviders: [{ url: GH, account: PROD, audiences: ['sts.amazonaws.com'] }],
    roles: [role('Deploy', PROD, [trusts({ Federated: GH_ARN }, actions, condition)])],
  });
}
const token = (over: Record<string, unknown> = {}) => ({
  iss: GH,
  signedBy: GH,
  sub: 'repo:octo-org/shop:ref:refs/heads/main',
  aud: 'sts.amazonaws.com',
  exp: '+10m',
  claims: { repository: 'octo-org/shop', amr: ['authenticated', 'github'] },
  ...over,
});
const web = (t: unknown, params: Record<string, unknown> = {}): Call => ({
  api: 'AssumeRoleWithWebIdentity',
  as: 'anonymous',
  params: { RoleArn: DEPLOY, RoleSessionName: 'gha', WebIdentityToken: t, ...params },
});

describe('AssumeRoleWithWebIdentity validates the token (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html', () => {
  const now = Math.floor(Date.parse(START) / 1000);
  it.each<[string, Call, string, string]>([
    [
      'not a JWT (8.6)',
      web('opaque-access-token'),
      'InvalidIdentityToken',
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    ],
    [
      'no provider for the issuer, echoed as-is (8.4)',
      web(token({ iss: 'https://auth.example.com/', signedBy: 'https://auth.example.com/' })),
      'InvalidIdentityToken',
      'No OpenIDConnect provider found in your account for https://auth.example.com/',
    ],
    [
      'signature does not verify, two spaces after the comma (8.5)',
      web(token({ signedBy: 'https://evil.example.com' })),
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    ],
    [
      'expired, no space before the second epoch (8.1)',
      web(token({ exp: '-60s' })),
      'ExpiredTokenException',
      `Token expired: current date/time ${now} must be before the expiration date/time${now - 60}`,
    ],
    ['no aud (8.3)', web(token({ aud: undefined })), 'InvalidIdentityToken', 'Missing a required claim: aud'],
    [
      'aud not a client id (8.2)',
      web(token({ aud: 'other-client' })),
      'InvalidIdentityToken',
      'Incorrect token audience',
    ],
  ])('%s', (_n, call, code, message) => {
    const r = last(oidcWorld(), [call]);
    expect(brief(r)).toEqual({ outcome: 'error', code, message });
    expect(r.httpStatus).toBe(400);
  });

  it('the trust policy refusing the token → AccessDenied 403 (8.7)', () => {
    const r = last(
      oidcWorld({ StringEquals: { [`${GH_HOST}:sub`]: 'repo:octo-org/other:ref:refs/heads/main' } }),
      [web(token())],
    );
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    expect(r.httpStatus).toBe(403);
  });

  it('negative: a good token gives a role session with the web-identity response fields', () => {
    const r = last(oidcWorld(), [web(token())]);
    expect(r.outcome).toBe('success');
    expect(r.view?.arn).toBe(`arn:aws:sts::${PROD}:assumed-role/Deploy/gha`);
    expect(r.response).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:octo-org/shop:ref:refs/heads/main',
      // an IAM OIDC provider's token: the provider's ARN (docs/decisions.md#web-identity-provider-field)
      Provider: GH_ARN,
      Audience: 'sts.amazonaws.com',
    });
  });
});

describe('Provider in the response (docs/decisions.md#web-identity-provider-field)', () => {
  it('names a built-in provider by its host: no IAM OIDC provider stands for it', () => {
    const google = 'https://accounts.google.com';
    const w = world({
      roles: [
        role('Deploy', PROD, [
          trusts({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity', {
            StringEquals: { 'accounts.google.com:aud': 'app.apps.googleusercontent.com' },
          }),
        ]),
      ],
    });
    const r = last(w, [
      web(token({ iss: google, signedBy: google, aud: 'app.apps.googleusercontent.com', claims: {} })),
    ]);
    expect(r.outcome).toBe('success');
    expect(r.response).toMatchObject({
      Provider: 'accounts.google.com',
      Audience: 'app.apps.googleusercontent.com',
    });
  });
});

describe('only the amr, aud, id and sub web-identity keys survive into later requests (docs/decisions.md#request-context) — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif', () => {
  const chained = (condition: Record<string, unknown>): World =>
    world({
      oidcProviders: [{ url: GH, account: PROD, audiences: ['sts.amazonaws.com'] }],
      roles: [
        role('Deploy', PROD, [trusts({ Federated: GH_ARN }, 'sts:AssumeRoleWithWebIdentity')], {
          policies: [policy(allow('sts:AssumeRole'))],
        }),
        role('Next', PROD, [trusts({ AWS: PROD }, 'sts:AssumeRole', condition)]),
      ],
    });
  it.each<[string, Record<string, unknown>, string]>([
    [
      'sub is still there',
      { StringEquals: { [`${GH_HOST}:sub`]: 'repo:octo-org/shop:ref:refs/heads/main' } },
      'success',
    ],
    ['aud is still there', { StringEquals: { [`${GH_HOST}:aud`]: 'sts.amazonaws.com' } }, 'success'],
    ['repository is gone', { StringEquals: { [`${GH_HOST}:repository`]: 'octo-org/shop' } }, 'error'],
  ])('a web-identity session assuming another role: %s', (_n, condition, outcome) => {
    const r = last(chained(condition), [
      ['s', web(token())],
      { api: 'AssumeRole', as: '$s', params: { RoleArn: roleArn(PROD, 'Next'), RoleSessionName: 'next' } },
    ]);
    expect(r.outcome).toBe(outcome);
  });
});

describe('web-identity checks run provider → signature → expiry → audience: the first failure is reported — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'unknown issuer and bad signature',
      { iss: 'https://x.example.com', signedBy: 'y' },
      'No OpenIDConnect provider found',
    ],
    ['bad signature and expired', { signedBy: 'y', exp: '-1m' }, "Couldn't retrieve verification key"],
    ['expired and wrong audience', { exp: '-1m', aud: 'other' }, 'Token expired'],
  ])('%s', (_n, over, message) => {
    expect(last(oidcWorld(), [web(token(over))]).message).toContain(message);
  });
});

describe('OIDC condition keys: <host>:aud, :sub, :amr and other claims — https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['aud', { StringEquals: { [`${GH_HOST}:aud`]: 'sts.amazonaws.com' } }, 'success'],
    [
      'sub (StringLike on the branch)',
      { StringLike: { [`${GH_HOST}:sub`]: 'repo:octo-org/shop:ref:refs/heads/*' } },
      'success',
    ],
    ['sub of another repo', { StringLike: { [`${GH_HOST}:sub`]: 'repo:octo-org/other:*' } }, 'error'],
    [
      'amr (multivalued, ForAnyValue)',
      { 'ForAnyValue:StringLike': { [`${GH_HOST}:amr`]: 'authenticated' } },
      'success',
    ],
    ['amr without a match', { 'ForAnyValue:StringLike': { [`${GH_HOST}:amr`]: 'unauthenticated' } }, 'error'],
    [
      'another claim (repository)',
      { StringEquals: { [`${GH_HOST}:repository`]: 'octo-org/shop' } },
      'success',
    ],
    ['another claim mismatch', { StringEquals: { [`${GH_HOST}:repository`]: 'octo-org/other' } }, 'error'],
  ])('%s → %s', (_n, condition, outcome) => {
    expect(last(oidcWorld(condition), [web(token())]).outcome).toBe(outcome);
  });

  it.each([
    ['sts:AssumeRoleWithWebIdentity only', ['sts:AssumeRoleWithWebIdentity'], 'error'],
    ['with sts:TagSession', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], 'success'],
  ])('tags in the token claim need sts:TagSession: %s → %s', (_n, actions, outcome) => {
    const t = token({
      claims: {
        'https://aws.amazon.com/tags': { principal_tags: { team: ['web'] }, transitive_tag_keys: ['team'] },
      },
    });
    const r = last(oidcWorld(undefined, actions), [web(t)]);
    expect(r.outcome).toBe(outcome);
    if (outcome === 'success') expect(r.view?.tags).toEqual({ team: 'web' });
  });
});

// ---------- Identity Center ----------
function icWorld(): World {
  return world({
    identityCenter: {
      account: '999999999999',
      users: [{ name: 'maria' }, { name: 'omar' }],
      permissionSets: [{ name: 'ReadOnly', sessionDuration: 7200, policies: [policy(allow('s3:Get*'))] }],
      assignments: [{ user: 'maria', permissionSet: 'ReadOnly', account: PROD }],
    },
  });
}
const getCreds = (user: string, account = PROD, ps = 'ReadOnly'): Call => ({
  api: 'GetRoleCredentials',
  as: `sso/${user}`,
  params: { AccountId: account, RoleName: ps },
});

describe('Identity Center: SignIn then GetRoleCredentials (docs/decisions.md#identity-center) — https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html', () => {
  it('issues a session on AWSReservedSSO_<PS>_<16 hex>, the path not in the session ARN', () => {
    const r = last(icWorld(), [{ api: 'SignIn', as: 'sso/maria' }, getCreds('maria')]);
    expect(r.outcome).toBe('success');
    expect(r.view?.arn).toMatch(
      new RegExp(`^arn:aws:sts::${PROD}:assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/maria$`),
    );
    expect(r.view?.arn).not.toContain('aws-reserved');
    expect(r.view?.userId).toMatch(/^AROA[A-Z2-7]{17}:maria$/);
    // the explanation shows the AssumeRoleWithSAML the member account records
    const saml = r.trace.find((c) => c.id === 'sso.saml');
    expect(saml?.values).toMatchObject({
      provider: expect.stringMatching(/saml-provider\/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE$/),
      path: '/aws-reserved/sso.amazonaws.com/',
    });
  });

  it('the session can use the permission set’s policies', () => {
    const r = last(icWorld(), [
      { api: 'SignIn', as: 'sso/maria' },
      ['c', getCreds('maria')],
      { api: 'Request', as: '$c', action: 's3:GetObject', resource: 'arn:aws:s3:::prod-data/x' },
    ]);
    expect(r.outcome).toBe('success');
  });

  it.each<[string, (Call | [string, Call])[], string, number]>([
    ['not signed in', [getCreds('maria')], 'UnauthorizedException', 401],
    [
      'not assigned that account',
      [{ api: 'SignIn', as: 'sso/maria' }, getCreds('maria', '333333333333')],
      'ForbiddenException',
      403,
    ],
    [
      'not assigned that permission set',
      [{ api: 'SignIn', as: 'sso/maria' }, getCreds('maria', PROD, 'Admin')],
      'ForbiddenException',
      403,
    ],
    [
      'another user with no assignment',
      [{ api: 'SignIn', as: 'sso/omar' }, getCreds('omar')],
      'ForbiddenException',
      403,
    ],
  ])('%s → %s', (_n, steps, code, status) => {
    const r = last(icWorld(), steps);
    expect(r).toMatchObject({ outcome: 'error', code, httpStatus: status });
  });

  it.each([
    [3600, 'success'],
    [7200, 'error'],
  ])(
    'an Identity Center session assuming another role is role chaining; aws:PrincipalArn carries the role path (DurationSeconds %i → %s)',
    (seconds, outcome) => {
      const w = world({
        identityCenter: {
          account: '999999999999',
          users: [{ name: 'maria' }],
          permissionSets: [{ name: 'Ops', policies: [policy(allow('sts:AssumeRole'))] }],
          assignments: [{ user: 'maria', permissionSet: 'Ops', account: PROD }],
        },
        roles: [
          role(
            'Next',
            PROD,
            [
              trusts({ AWS: PROD }, 'sts:AssumeRole', {
                ArnLike: {
                  'aws:PrincipalArn': `arn:aws:iam::${PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Ops_*`,
                },
              }),
            ],
            { maxSessionDuration: 43200 },
          ),
        ],
      });
      const r = last(w, [
        { api: 'SignIn', as: 'sso/maria' },
        ['c', getCreds('maria', PROD, 'Ops')],
        {
          api: 'AssumeRole',
          as: '$c',
          params: { RoleArn: roleArn(PROD, 'Next'), RoleSessionName: 'next', DurationSeconds: seconds },
        },
      ]);
      expect(r.outcome).toBe(outcome);
      if (outcome === 'error')
        expect(r.message).toContain('1 hour session limit for roles assumed by role chaining');
    },
  );

  it('the portal session expires: GetRoleCredentials after it → UnauthorizedException', () => {
    const engine = createEngine(icWorld());
    engine.call({ api: 'SignIn', as: 'sso/maria' });
    engine.advance(9 * 3600);
    expect(engine.call(getCreds('maria')).code).toBe('UnauthorizedException');
  });
});
