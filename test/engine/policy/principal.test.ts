// Which Principal entry names which requesting principal, and which match is reported.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
import { describe, expect, it, vi } from 'vitest';
import { evaluatePolicy } from '../../../src/engine/policy/evaluate.js';
import type { PrincipalMatchVia, RequestPrincipal } from '../../../src/engine/policy/types.js';
import { ACCT, OTHER, policy, principals as P, req, stmt } from './helpers.js';

const trustFor = (Principal: unknown) =>
  policy(stmt({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' }), 'trust');
const principalOf = (Principal: unknown, who: RequestPrincipal) => {
  const e = evaluatePolicy(trustFor(Principal), req(who));
  return { result: e.result, principal: e.statements[0]?.principal };
};

const saml: RequestPrincipal = { kind: 'federated', arn: `arn:aws:iam::${ACCT}:saml-provider/Okta` };
const google: RequestPrincipal = { kind: 'federated', arn: 'accounts.google.com' };
const lambda: RequestPrincipal = { kind: 'service', arn: 'lambda.amazonaws.com' };
const otherSession: RequestPrincipal = {
  kind: 'assumed-role',
  arn: `arn:aws:sts::${ACCT}:assumed-role/Ops/s1`,
  account: ACCT,
  roleArn: `arn:aws:iam::${ACCT}:role/Ops`,
};
const pathSession: RequestPrincipal = {
  kind: 'assumed-role',
  arn: `arn:aws:sts::${ACCT}:assumed-role/Dev/s1`,
  account: ACCT,
  roleArn: `arn:aws:iam::${ACCT}:role/team/Dev`,
};
const everyone: [string, RequestPrincipal][] = [
  ['root', P.root],
  ['user', P.alice],
  ['role session', P.session],
  ['federated user', P.fed],
  ['user of another account', P.bobOther],
  ['service', P.ec2],
  ['OIDC provider', P.github],
  ['SAML provider', saml],
  ['anonymous', P.anonymous],
];

/** Each principal entry, and for every kind of requester the way it matches (undefined: no match). */
const entries: [name: string, entry: unknown, matches: Record<string, PrincipalMatchVia>][] = [
  ['"*"', '*', Object.fromEntries(everyone.map(([n]) => [n, 'wildcard']))],
  // the IAM page lists `"*"` and `{"AWS": "*"}` alike under "all principals"
  ['AWS "*"', { AWS: '*' }, Object.fromEntries(everyone.map(([n]) => [n, 'wildcard']))],
  [
    'account id',
    { AWS: ACCT },
    { root: 'account', user: 'account', 'role session': 'account', 'federated user': 'account' },
  ],
  [
    'account root ARN',
    { AWS: `arn:aws:iam::${ACCT}:root` },
    { root: 'account', user: 'account', 'role session': 'account', 'federated user': 'account' },
  ],
  ['other account id', { AWS: OTHER }, { 'user of another account': 'account' }],
  ['user ARN', { AWS: P.alice.arn }, { user: 'user' }],
  ['role ARN', { AWS: P.session.roleArn }, { 'role session': 'role' }],
  ['session ARN', { AWS: P.session.arn }, { 'role session': 'session' }],
  ['federated-user ARN', { AWS: P.fed.arn }, { 'federated user': 'federated-user' }],
  ['Service', { Service: 'ec2.amazonaws.com' }, { service: 'service' }],
  ['OIDC Federated', { Federated: P.github.arn }, { 'OIDC provider': 'federated' }],
  ['SAML Federated', { Federated: saml.arn }, { 'SAML provider': 'federated' }],
  [
    'CanonicalUser',
    { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
    {},
  ],
  ['a deleted principal’s unique id', { AWS: 'AROA1234567890EXAMPLE' }, {}],
];

describe.each(entries)('Principal %s, against every kind of requester', (_name, entry, matches) => {
  it.each(everyone)('%s', (who, principal) => {
    const via = matches[who];
    const r = principalOf(entry, principal);
    expect(r.principal).toEqual(
      via
        ? {
            element: 'Principal',
            matched: true,
            via,
            value: typeof entry === 'string' ? entry : Object.values(entry as object)[0],
          }
        : { element: 'Principal', matched: false },
    );
    expect(r.result).toBe(via ? 'Allow' : 'NoMatch');
  });
});

describe('exact ARNs only: near misses match nobody (reference_policies_elements_principal)', () => {
  it.each<[string, unknown, RequestPrincipal]>([
    ['another user of the account', { AWS: `arn:aws:iam::${ACCT}:user/Bob` }, P.alice],
    ['the user name in another case', { AWS: `arn:aws:iam::${ACCT}:user/alice` }, P.alice],
    ['the same user name in another account', { AWS: `arn:aws:iam::${OTHER}:user/Alice` }, P.alice],
    ['a user ARN naming the role session', { AWS: `arn:aws:iam::${ACCT}:user/Dev` }, P.session],
    ['another role’s ARN', { AWS: P.session.roleArn }, otherSession],
    ['the role ARN without its path', { AWS: `arn:aws:iam::${ACCT}:role/Dev` }, pathSession],
    ['the role ARN naming a user', { AWS: `arn:aws:iam::${ACCT}:role/Alice` }, P.alice],
    ['another session of the role', { AWS: `arn:aws:sts::${ACCT}:assumed-role/Dev/s2` }, P.session],
    ['the session ARN naming the role’s other session', { AWS: P.session.arn }, otherSession],
    ['another federated user', { AWS: `arn:aws:sts::${ACCT}:federated-user/Eve` }, P.fed],
    ['a root ARN of another account', { AWS: `arn:aws:iam::${OTHER}:root` }, P.alice],
    ['a malformed root ARN', { AWS: `arn:aws:iam::${ACCT}:root/x` }, P.root],
    ['an 11-digit account id', { AWS: ACCT.slice(1) }, P.alice],
    ['a 13-digit account id', { AWS: `${ACCT}0` }, P.alice],
    ['another service', { Service: 'lambda.amazonaws.com' }, P.ec2],
    ['a service naming a user', { Service: 'ec2.amazonaws.com' }, P.alice],
    ['another OIDC provider', { Federated: `arn:aws:iam::${ACCT}:oidc-provider/gitlab.com` }, P.github],
    ['another SAML provider', { Federated: `arn:aws:iam::${ACCT}:saml-provider/Other` }, saml],
    [
      'the SAML provider ARN in another account',
      { Federated: `arn:aws:iam::${OTHER}:saml-provider/Okta` },
      saml,
    ],
    ['a built-in web IdP for another', { Federated: 'graph.facebook.com' }, google],
    ['a provider ARN given as AWS', { AWS: P.github.arn }, P.github],
  ])('%s', (_n, entry, who) => {
    expect(principalOf(entry, who)).toEqual({
      result: 'NoMatch',
      principal: { element: 'Principal', matched: false },
    });
  });

  it.each<[string, unknown, RequestPrincipal, PrincipalMatchVia]>([
    ['a role ARN with its path', { AWS: pathSession.roleArn }, pathSession, 'role'],
    ['a service name in another case', { Service: 'EC2.amazonaws.com' }, P.ec2, 'service'],
    ['a built-in web IdP', { Federated: 'accounts.google.com' }, google, 'federated'],
    ['the aws-cn partition', { AWS: `arn:aws-cn:iam::${ACCT}:root` }, P.alice, 'account'],
    ['one of several services', { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, P.ec2, 'service'],
    ['one of several providers', { Federated: [P.github.arn, saml.arn] }, saml, 'federated'],
  ])('matches: %s', (_n, entry, who, via) => {
    expect(principalOf(entry, who).principal).toMatchObject({ matched: true, via });
  });
  // cognito-identity.amazonaws.com is both a service principal and a web identity provider
  const cognitoService: RequestPrincipal = { kind: 'service', arn: 'cognito-identity.amazonaws.com' };
  const cognitoIdp: RequestPrincipal = { kind: 'federated', arn: 'cognito-identity.amazonaws.com' };
  it.each<[string, unknown, RequestPrincipal, PrincipalMatchVia | undefined]>([
    ['Service, the service', { Service: cognitoService.arn }, cognitoService, 'service'],
    ['Service, the IdP', { Service: cognitoService.arn }, cognitoIdp, undefined],
    ['Federated, the IdP', { Federated: cognitoIdp.arn }, cognitoIdp, 'federated'],
    ['Federated, the service', { Federated: cognitoIdp.arn }, cognitoService, undefined],
  ])('cognito-identity.amazonaws.com as %s', (_n, entry, who, via) => {
    expect(principalOf(entry, who).principal?.via).toBe(via);
  });
  it('service principals other than the requester do not match', () => {
    expect(principalOf({ Service: 'ec2.amazonaws.com' }, lambda).principal?.matched).toBe(false);
  });
});

describe('several entries: any one names the principal (OR), the most specific is reported', () => {
  it.each<[string, unknown, RequestPrincipal, PrincipalMatchVia, string]>([
    ['account then user', { AWS: [ACCT, P.alice.arn] }, P.alice, 'user', P.alice.arn],
    ['user then account', { AWS: [P.alice.arn, ACCT] }, P.alice, 'user', P.alice.arn],
    ['wildcard then account', { AWS: ['*', ACCT] }, P.alice, 'account', ACCT],
    ['account then role', { AWS: [ACCT, P.session.roleArn] }, P.session, 'role', P.session.roleArn],
    ['role then session', { AWS: [P.session.roleArn, P.session.arn] }, P.session, 'session', P.session.arn],
    ['session then role', { AWS: [P.session.arn, P.session.roleArn] }, P.session, 'session', P.session.arn],
    ['account then federated user', { AWS: [ACCT, P.fed.arn] }, P.fed, 'federated-user', P.fed.arn],
    [
      'a miss then the user',
      { AWS: [`arn:aws:iam::${ACCT}:user/Bob`, P.alice.arn] },
      P.alice,
      'user',
      P.alice.arn,
    ],
    // equally specific: the first is reported
    ['account id then root ARN', { AWS: [ACCT, `arn:aws:iam::${ACCT}:root`] }, P.alice, 'account', ACCT],
    [
      'root ARN then account id',
      { AWS: [`arn:aws:iam::${ACCT}:root`, ACCT] },
      P.alice,
      'account',
      `arn:aws:iam::${ACCT}:root`,
    ],
    ['"*" then Service', { AWS: '*', Service: 'ec2.amazonaws.com' }, P.ec2, 'service', 'ec2.amazonaws.com'],
  ])('%s → %s', (_n, entry, who, via, value) => {
    expect(principalOf(entry, who).principal).toEqual({ element: 'Principal', matched: true, via, value });
  });
});

describe('NotPrincipal: matches every principal it does not name (reference_policies_elements_notprincipal)', () => {
  const denyAllBut = (NotPrincipal: unknown) =>
    policy(stmt({ Effect: 'Deny', NotPrincipal, Action: 's3:*', Resource: '*' }), 'resource');
  it.each<[string, unknown, RequestPrincipal, boolean, string | undefined]>([
    ['the named user', { AWS: P.alice.arn }, P.alice, false, P.alice.arn],
    ['another user', { AWS: P.alice.arn }, P.bobOther, true, undefined],
    ['a user of the named account', { AWS: ACCT }, P.alice, false, ACCT],
    ['the most specific of several', { AWS: [ACCT, P.session.arn] }, P.session, false, P.session.arn],
    ['a user of another account', { AWS: ACCT }, P.bobOther, true, undefined],
    ['a service not named', { AWS: ACCT }, P.ec2, true, undefined],
  ])('%s', (_n, entry, who, matched, value) => {
    const e = evaluatePolicy(denyAllBut(entry), req(who, undefined, 's3:GetObject', 'arn:aws:s3:::b/k'));
    expect(e.statements[0]?.principal).toEqual({
      element: 'NotPrincipal',
      matched,
      ...(value !== undefined && { value }),
    });
    expect(e.result).toBe(matched ? 'Deny' : 'NoMatch');
  });
});

// The ARN patterns are built when principal.ts loads, so a test of them loads it afresh (a mutant in a
// module-level pattern is switched on after the other tests imported the module).
describe('an account is named only by its ID or its exact root ARN (a fresh module)', () => {
  it.each([
    `x-arn:aws:iam::${ACCT}:root`, // text before the ARN
    ` ${ACCT}`,
    `${ACCT}0`, // thirteen digits
    `arn:aws:iam::${ACCT}:root/x`,
  ])('%j names nobody', async (value) => {
    vi.resetModules();
    const { entryMatch } = await import('../../../src/engine/policy/principal.js');
    for (const who of [P.root, P.alice, P.session, P.fed])
      expect(entryMatch({ type: 'AWS', value }, who)).toBeUndefined();
    // while the account itself names each of them
    expect(entryMatch({ type: 'AWS', value: ACCT }, P.alice)).toBe('account');
    expect(entryMatch({ type: 'AWS', value: `arn:aws:iam::${ACCT}:root` }, P.session)).toBe('account');
  });
});
