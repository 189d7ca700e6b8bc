// The lab's OIDC ID tokens are RS256, the one algorithm STS accepts, and a
// token whose header names another algorithm is refused as STS refuses it (src/lab/tokens.ts).
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createHmac, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLine } from '../../src/lab/render.js';
import { IdpKeys, mintJwt, readJwt } from '../../src/lab/tokens.js';
import { createTheme } from '../../src/ui/theme.js';
import { failure, startLab, type Running } from './helpers.js';

const GITHUB = 'https://token.actions.githubusercontent.com';
const part = (jwt: string, i: number) =>
  JSON.parse(Buffer.from(jwt.split('.')[i]!, 'base64url').toString()) as Record<string, unknown>;
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('minted ID tokens', () => {
  const keys = new IdpKeys();
  const now = Date.parse('2026-03-02T09:00:00Z');
  const token = {
    iss: GITHUB,
    signedBy: GITHUB,
    sub: 'repo:o/r:ref:refs/heads/main',
    aud: 'sts.amazonaws.com',
  };

  it('are RS256 with a key id per signer, and verify with the lab’s public key', () => {
    const jwt = mintJwt(token, now, keys);
    const head = part(jwt, 0);
    expect(head).toEqual({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^[\w-]{22}$/) });
    const [h, p, s] = jwt.split('.');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), keys.publicKey(), Buffer.from(s!, 'base64url'))).toBe(
      true,
    );
    expect(readJwt(jwt, keys)?.signedBy).toBe(GITHUB);
    // another signer (a forged-token what-if) gets its own kid, and the token says it is theirs
    const evil = mintJwt({ ...token, signedBy: 'https://evil.example.com' }, now, keys);
    expect(part(evil, 0).kid).not.toBe(head.kid);
    expect(readJwt(evil, keys)?.signedBy).toBe('https://evil.example.com');
  });

  it('a kid the lab never issued, or another lab’s key, verifies as nobody’s', () => {
    const jwt = mintJwt(token, now, keys);
    const [, p, s] = jwt.split('.');
    const otherKid = `${b64url({ alg: 'RS256', typ: 'JWT', kid: GITHUB })}.${p}.${s}`;
    expect(readJwt(otherKid, keys)?.signedBy).toBe('(signature does not verify)');
    expect(readJwt(mintJwt(token, now, new IdpKeys()), keys)?.signedBy).toBe('(signature does not verify)');
  });
});

describe('a token whose header is not RS256, sent to the lab', () => {
  let r: Running;
  beforeAll(async () => {
    r = await startLab('github-actions-oidc');
  });
  afterAll(async () => {
    await r.server.close();
  });

  /** The step's own claims under another `alg`: HS256 signed with the RSA public key as its secret, or none. */
  function resigned(alg: 'HS256' | 'none'): string {
    const [h, p] = r.lab.token('deploy-main')!.text.split('.');
    const head = b64url({ ...part(`${h}.${p}.x`, 0), alg });
    if (alg === 'none') return `${head}.${p}.`;
    const secret = r.lab['idp'].publicKey().export({ type: 'spki', format: 'pem' });
    return `${head}.${p}.${createHmac('sha256', secret).update(`${head}.${p}`).digest('base64url')}`;
  }

  it.each(['HS256', 'none'] as const)(
    'alg %s: InvalidIdentityToken, and the call line says why',
    async (alg) => {
      // Given the deploy-main token re-signed as `alg` (the classic algorithm confusion for HS256)
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      // When it is sent
      const err = await failure(
        anonymous.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: 'arn:aws:iam::444444444444:role/GitHubDeploy',
            RoleSessionName: 'GitHubActions',
            WebIdentityToken: resigned(alg),
          }),
        ),
      );
      // Then STS's answer for a token it cannot verify (docs/decisions.md#id-token-algorithm), and not the deploy-main task
      expect(err).toEqual({
        name: 'InvalidIdentityTokenException',
        message:
          "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
        status: 400,
      });
      expect(r.lab.done.has('deploy-main')).toBe(false);
      expect(eventLine(r.events.at(-1)!, createTheme({ color: false, plain: true, columns: 300 }))).toContain(
        "InvalidIdentityToken: failed check: the signature verifies with a key from the issuer's JWKS — signed by (not RS256: STS accepts only RS256-signed ID tokens)",
      );
    },
  );
});
