// The lab with a client nobody here wrote: @aws-sdk/client-sts, unmodified, against the lab on 127.0.0.1.
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startLab, type Running } from './helpers.js';

const REPORT_READER = 'arn:aws:iam::222222222222:role/ReportReader';

const sessionOf = (
  c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
) => ({
  accessKeyId: c!.AccessKeyId!,
  secretAccessKey: c!.SecretAccessKey!,
  sessionToken: c!.SessionToken!,
});

describe('cross-account-assume-role through @aws-sdk/client-sts', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
  });
  afterAll(() => r.server.close());

  it('GetCallerIdentity with dana’s simulated key names dana, and checks off task 1', async () => {
    const out = await r.sts(r.key('user/dana')).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/dana' });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.lab.done.has('whoami')).toBe(true);
  });

  it('AssumeRole succeeds with the assumed-role ARN, and the session’s keys work for the next call', async () => {
    const out = await r
      .sts(r.key('user/dana'))
      .send(new AssumeRoleCommand({ RoleArn: REPORT_READER, RoleSessionName: 'dana-q1-report' }));
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/ReportReader/dana-q1-report',
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // Expiration is in the lab's clock (following the wall clock): one hour from now.
    const left = out.Credentials!.Expiration!.getTime() - r.lab.now();
    expect(left).toBeGreaterThan(3590_000);
    expect(left).toBeLessThanOrEqual(3600_000);
    const who = await r.sts(sessionOf(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::222222222222:assumed-role/ReportReader/dana-q1-report');
    expect(r.lab.done.has('assume')).toBe(true);
  });

  it('AccessDenied: the SDK error’s name and message are the engine’s code and message', async () => {
    const engine = r.lab.engine.fork();
    const expected = engine.call({
      api: 'AssumeRole',
      as: 'user/evan',
      params: { RoleArn: REPORT_READER, RoleSessionName: 'evan-curious' },
    });
    const err = await failure(
      r
        .sts(r.key('user/evan'))
        .send(new AssumeRoleCommand({ RoleArn: REPORT_READER, RoleSessionName: 'evan-curious' })),
    );
    expect(err).toEqual({ name: expected.code, message: expected.message, status: 403 });
    expect(err.message).toBe(
      'User: arn:aws:iam::111111111111:user/evan is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/ReportReader',
    );
    expect(r.events.at(-1)?.deciding).toMatch(/no identity-based policy allows/);
  });

  it('a wrong secret is SignatureDoesNotMatch; an unknown key is InvalidClientTokenId', async () => {
    const dana = r.key('user/dana');
    const wrong = await failure(
      r
        .sts({ ...dana, secretAccessKey: `x${dana.secretAccessKey.slice(1)}` })
        .send(new GetCallerIdentityCommand({})),
    );
    expect(wrong).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(wrong.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
    const unknown = await failure(
      r
        .sts({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' })
        .send(new GetCallerIdentityCommand({})),
    );
    expect(unknown).toEqual({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });

  it('credentials used after `advance` past their expiry get ExpiredToken', async () => {
    const out = await r
      .sts(r.key('user/dana'))
      .send(new AssumeRoleCommand({ RoleArn: REPORT_READER, RoleSessionName: 'later' }));
    r.lab.advance(3601);
    const err = await failure(r.sts(sessionOf(out.Credentials)).send(new GetCallerIdentityCommand({})));
    expect(err).toEqual({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
      status: 403,
    });
  });
});

describe('role chaining, MFA and web identity through @aws-sdk/client-sts', () => {
  it('a chained AssumeRole asking for 2 hours is refused by the 1-hour cap', async () => {
    const r = await startLab('role-chaining');
    try {
      const first = await r.sts(r.key('user/sam')).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::121212121212:role/Deployer',
          RoleSessionName: 'sam',
          DurationSeconds: 14400,
          Tags: [
            { Key: 'project', Value: 'tracking' },
            { Key: 'cost-center', Value: 'cc-118' },
          ],
          TransitiveTagKeys: ['project'],
          SourceIdentity: 'sam',
        }),
      );
      expect(r.lab.done.has('first-hop')).toBe(true);
      const err = await failure(
        r.sts(sessionOf(first.Credentials)).send(
          new AssumeRoleCommand({
            RoleArn: 'arn:aws:iam::343434343434:role/ProdOps',
            RoleSessionName: 'sam-migration',
            DurationSeconds: 7200,
          }),
        ),
      );
      expect(err).toEqual({
        name: 'ValidationError',
        message:
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
        status: 400,
      });
      expect(r.lab.done.has('chain-two-hours')).toBe(true);
    } finally {
      await r.server.close();
    }
  });

  it('GetSessionToken with the world’s MFA code gives an MFA session', async () => {
    const r = await startLab('mfa-get-session-token');
    try {
      const [device] = r.lab.mfaCodes();
      const out = await r
        .sts(r.key('user/lena'))
        .send(new GetSessionTokenCommand({ SerialNumber: device!.serial, TokenCode: device!.code }));
      expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
      expect(r.lab.done.has('mfa-session')).toBe(true);
      const wrong = await failure(
        r
          .sts(r.key('user/lena'))
          .send(new GetSessionTokenCommand({ SerialNumber: device!.serial, TokenCode: '000000' })),
      );
      expect(wrong.name).toBe('AccessDenied');
    } finally {
      await r.server.close();
    }
  });

  it('AssumeRoleWithWebIdentity (unsigned) with a token minted by `lab token`; a tampered token is refused', async () => {
    const r = await startLab('github-actions-oidc');
    try {
      const token = r.lab.token('deploy-main');
      expect(token?.kind).toBe('web-identity');
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      const out = await anonymous.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::444444444444:role/GitHubDeploy',
          RoleSessionName: 'GitHubActions',
          WebIdentityToken: token!.text,
        }),
      );
      expect(out.AssumedRoleUser?.Arn).toBe(
        'arn:aws:sts::444444444444:assumed-role/GitHubDeploy/GitHubActions',
      );
      expect(out.SubjectFromWebIdentityToken).toBe('repo:securecart/shop:ref:refs/heads/main');
      expect(r.lab.done.has('deploy-main')).toBe(true);

      // Change the sub claim (say, to another branch) and keep the signature: it no longer verifies.
      const [head, body, sig] = token!.text.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
      claims.sub = 'repo:securecart/shop:ref:refs/heads/feature';
      const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
      const err = await failure(
        anonymous.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: 'arn:aws:iam::444444444444:role/GitHubDeploy',
            RoleSessionName: 'GitHubActions',
            WebIdentityToken: forged,
          }),
        ),
      );
      // The SDK names the modeled wire code InvalidIdentityToken after its shape, InvalidIdentityTokenException.
      expect(err).toEqual({
        name: 'InvalidIdentityTokenException',
        message:
          "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
        status: 400,
      });
    } finally {
      await r.server.close();
    }
  });

  it('AssumeRoleWithSAML (unsigned) with the assertion `lab token` mints; an edited one fails its signature', async () => {
    const r = await startLab('saml-federation');
    try {
      const token = r.lab.token('assume');
      expect(token).toMatchObject({
        kind: 'saml',
        roleArn: 'arn:aws:iam::333333333333:role/Okta-FinanceAnalyst',
        principalArn: 'arn:aws:iam::333333333333:saml-provider/Okta',
      });
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      const ask = (assertion: string) =>
        anonymous.send(
          new AssumeRoleWithSAMLCommand({
            RoleArn: token!.roleArn!,
            PrincipalArn: token!.principalArn!,
            SAMLAssertion: assertion,
          }),
        );
      const out = await ask(token!.text);
      expect(out.AssumedRoleUser?.Arn).toBe(
        'arn:aws:sts::333333333333:assumed-role/Okta-FinanceAnalyst/priya.nair@larkspur.example',
      );
      expect(out.Subject).toBe('priya.nair@larkspur.example');
      expect(out.Issuer).toBe('http://www.okta.com/exk7h2q9d0Larkspur');
      expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
      expect(r.lab.done.has('assume')).toBe(true);
      expect(r.events.at(-1)).toMatchObject({
        api: 'AssumeRoleWithSAML',
        caller: 'unsigned',
        outcome: 'success',
      });

      // Give Priya the admin role inside the signed XML: the IdP's signature no longer covers it.
      const xml = Buffer.from(token!.text, 'base64').toString('utf8');
      expect(xml).toContain('role/Okta-FinanceAnalyst,');
      const edited = Buffer.from(
        xml.replace('role/Okta-FinanceAnalyst,', 'role/Okta-FinanceAdmin,'),
      ).toString('base64');
      const err = await failure(ask(edited));
      const engine = r.events.at(-1)!;
      expect(engine.outcome).toBe('error');
      expect(err.message).toBe(engine.message);
      expect(err.status).toBe(400);
    } finally {
      await r.server.close();
    }
  });
});
