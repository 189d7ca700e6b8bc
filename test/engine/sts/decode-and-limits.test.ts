/**
 * DecodeAuthorizationMessage, the packed-size limit and the SAML SessionDuration
 * attribute, through the public API.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { World } from '../../../src/engine/index.js';
import { allow, DEV, policy, roleArn, START, trusts, userArn } from './worlds.js';

const world = (userPolicies: ReturnType<typeof policy>[]): World =>
  ({
    start: START,
    users: [{ name: 'ana', account: DEV, policies: userPolicies }],
    roles: [
      {
        name: 'Tagged',
        account: DEV,
        trust: policy(trusts({ AWS: userArn(DEV, 'ana') }, ['sts:AssumeRole', 'sts:TagSession'])),
      },
    ],
    samlProviders: [{ name: 'Okta', account: DEV, issuer: 'http://www.okta.com/x' }],
  }) as World;

// https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
describe('DecodeAuthorizationMessage needs sts:DecodeAuthorizationMessage and reveals a denial', () => {
  it('decodes a failed Request step when allowed', () => {
    // Given a user allowed to decode messages but not to read the object
    const e = createEngine(world([policy(allow('sts:DecodeAuthorizationMessage'))]));
    const denied = e.call(
      { api: 'Request', as: 'user/ana', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
      { id: 'read' },
    );
    expect(denied.code).toBe('AccessDenied');
    // When the user decodes the denial
    const r = e.call({
      api: 'DecodeAuthorizationMessage',
      as: 'user/ana',
      params: { EncodedMessage: '$read' },
    });
    // Then the decoded message names the action, resource and principal
    expect(r.outcome).toBe('success');
    const decoded = JSON.parse(String(r.response?.DecodedMessage)) as Record<string, unknown>;
    expect(decoded).toMatchObject({ allowed: false, explicitDeny: false, action: 's3:GetObject' });
  });

  it('cannot decode a denial the engine was told to forget', () => {
    const e = createEngine(world([policy(allow('sts:DecodeAuthorizationMessage'))]));
    e.call(
      { api: 'Request', as: 'user/ana', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
      { id: 'read' },
    );
    e.forget('read');
    const r = e.call({
      api: 'DecodeAuthorizationMessage',
      as: 'user/ana',
      params: { EncodedMessage: '$read' },
    });
    expect(r.code).toBe('InvalidAuthorizationMessageException');
  });

  it('is denied without the permission, with the identity-policy wording (docs/decisions.md#error-messages)', () => {
    const e = createEngine(world([]));
    const r = e.call({
      api: 'DecodeAuthorizationMessage',
      as: 'user/ana',
      params: { EncodedMessage: 'abc' },
    });
    expect(r.code).toBe('AccessDenied');
    expect(r.message).toBe(
      `User: ${userArn(DEV, 'ana')} is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action`,
    );
  });

  it('rejects a message that is not one', () => {
    const e = createEngine(world([policy(allow('sts:DecodeAuthorizationMessage'))]));
    const r = e.call({
      api: 'DecodeAuthorizationMessage',
      as: 'user/ana',
      params: { EncodedMessage: 'garbage' },
    });
    expect(r.code).toBe('InvalidAuthorizationMessageException');
    expect(r.httpStatus).toBe(400);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html (PackedPolicySize)
describe('session tags and policies must fit the packed size', () => {
  const call = (tags: { Key: string; Value: string }[]) => ({
    api: 'AssumeRole' as const,
    as: 'user/ana',
    params: { RoleArn: roleArn(DEV, 'Tagged'), RoleSessionName: 's1', Tags: tags },
  });

  it('reports PackedPolicySize for a few tags', () => {
    const e = createEngine(world([]));
    const r = e.call(call([{ Key: 'team', Value: 'audit' }]));
    expect(r.outcome).toBe('success');
    expect(r.response?.PackedPolicySize).toBeGreaterThan(0);
    expect(r.response?.PackedPolicySize).toBeLessThan(100);
  });

  it('fails with PackedPolicyTooLarge for 50 long tags (docs/decisions.md#error-messages)', () => {
    const e = createEngine(world([]));
    const tags = Array.from({ length: 50 }, (_, i) => ({
      Key: `key-${i}-${'k'.repeat(100)}`,
      Value: 'v'.repeat(250),
    }));
    const r = e.call(call(tags));
    expect(r.code).toBe('PackedPolicyTooLarge');
    expect(r.message).toMatch(/^Packed size of session tags consumes \d+% of allotted space\.$/);
  });
});

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
describe('the SAML SessionDuration attribute can only shorten an API session', () => {
  const samlWorld = {
    start: START,
    roles: [
      {
        name: 'Fed',
        account: DEV,
        maxSessionDuration: 14400,
        trust: policy(
          trusts({ Federated: `arn:aws:iam::${DEV}:saml-provider/Okta` }, 'sts:AssumeRoleWithSAML'),
        ),
      },
    ],
    samlProviders: [{ name: 'Okta', account: DEV, issuer: 'http://www.okta.com/x' }],
  } as World;
  const call = (sessionDuration: number, DurationSeconds?: number) => ({
    api: 'AssumeRoleWithSAML' as const,
    as: 'anonymous',
    params: {
      RoleArn: roleArn(DEV, 'Fed'),
      PrincipalArn: `arn:aws:iam::${DEV}:saml-provider/Okta`,
      ...(DurationSeconds ? { DurationSeconds } : {}),
      SAMLAssertion: {
        issuer: 'http://www.okta.com/x',
        signedBy: 'Okta',
        subject: 'maria',
        audience: 'https://signin.aws.amazon.com/saml',
        roles: [`${roleArn(DEV, 'Fed')},arn:aws:iam::${DEV}:saml-provider/Okta`],
        sessionDuration,
      },
    },
  });

  it.each([
    [1800, undefined, 1800],
    [7200, undefined, 3600],
    [7200, 10800, 7200],
  ])('SessionDuration %i with DurationSeconds %s gives %i s', (attr, requested, expected) => {
    const r = createEngine(samlWorld).call(call(attr, requested));
    expect(r.outcome).toBe('success');
    expect(r.view?.expiresIn).toBe(expected);
  });
});

// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html (NameQualifier)
describe('the SAML NameQualifier is BASE64(SHA1(Issuer + AccountId + "/" + ProviderName))', () => {
  it('is returned and usable as saml:namequalifier in the trust policy', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha1').update(`http://www.okta.com/x${DEV}/Okta`).digest('base64');
    const provider = `arn:aws:iam::${DEV}:saml-provider/Okta`;
    const make = (value: string) =>
      createEngine({
        start: START,
        roles: [
          {
            name: 'Fed',
            account: DEV,
            trust: policy(
              trusts({ Federated: provider }, 'sts:AssumeRoleWithSAML', {
                StringEquals: { 'saml:namequalifier': value },
              }),
            ),
          },
        ],
        samlProviders: [{ name: 'Okta', account: DEV, issuer: 'http://www.okta.com/x' }],
      } as World);
    const call = {
      api: 'AssumeRoleWithSAML' as const,
      as: 'anonymous',
      params: {
        RoleArn: roleArn(DEV, 'Fed'),
        PrincipalArn: provider,
        SAMLAssertion: {
          issuer: 'http://www.okta.com/x',
          signedBy: 'Okta',
          subject: 'maria',
          audience: 'https://signin.aws.amazon.com/saml',
          roles: [`${roleArn(DEV, 'Fed')},${provider}`],
        },
      },
    };
    const ok = make(expected).call(call);
    expect(ok.outcome).toBe('success');
    expect(ok.response?.NameQualifier).toBe(expected);
    expect(make('something-else').call(call).code).toBe('AccessDenied');
  });
});
