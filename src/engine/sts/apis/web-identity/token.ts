/**
 * The OIDC token, checked against its issuer: an IAM OIDC provider in the role's account (or a
 * built-in web identity provider), a signature from the issuer's keys, an unexpired token and an
 * audience the provider knows. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html
 */
import { ExpiredTokenException, InvalidIdentityToken, type AwsError } from '../../errors.js';
import { parseRoleArn } from '../../arns.js';
import { REF } from '../../refs.js';
import type { EngineState } from '../../state.js';
import { epochSeconds, iso, parseInstant } from '../../time.js';
import type { Trace } from '../../trace.js';
import type { WebIdentityRequest } from './request.js';

/** Web identity providers STS knows without an IAM OIDC provider (docs/decisions.md#web-identity-providers). */
const BUILT_IN = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

const error = (aws: AwsError) => ({ error: aws });

/** The token's issuer as STS resolved it, and its audiences. */
export interface CheckedToken {
  /** The issuer without `https://`: the condition-key prefix. */
  host: string;
  /** The IAM OIDC provider's ARN, or the built-in provider's host. */
  providerArn: string;
  audiences: string[];
  firstAudience: string;
}

export function checkToken(
  state: EngineState,
  request: WebIdentityRequest,
  trace: Trace,
): CheckedToken | { error: AwsError } {
  const { token } = request;
  const iss = token.iss ?? '';
  const host = iss.replace(/^https:\/\//, '');
  const account = parseRoleArn(request.roleArn)?.account ?? '';

  // The issuer: an IAM OIDC provider in the role's account, or a built-in web identity provider.
  const builtIn = BUILT_IN.has(host);
  const provider = builtIn
    ? undefined
    : state.world.oidcProviders.find((known) => known.account === account && known.host === host);
  if (!builtIn && !provider) {
    trace.fail({
      id: 'oidc.provider',
      phase: 'federation',
      values: { issuer: iss, account },
      ref: REF.oidcProviders,
    });
    return error(InvalidIdentityToken(`No OpenIDConnect provider found in your account for ${iss}`));
  }
  const providerArn = provider ? provider.arn : host;
  trace.pass({
    id: 'oidc.provider',
    phase: 'federation',
    values: provider
      ? { issuer: iss, account, provider: provider.arn }
      : { issuer: iss, account, builtIn: host },
    ref: REF.oidcProviders,
  });
  if (token.signedBy !== iss) {
    trace.fail({
      id: 'oidc.signature',
      phase: 'federation',
      values: token.signedBy === undefined ? { issuer: iss } : { issuer: iss, signedBy: token.signedBy },
      ref: REF.oidcRoles,
    });
    return error(
      InvalidIdentityToken(
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      ),
    );
  }
  trace.pass({
    id: 'oidc.signature',
    phase: 'federation',
    values: { issuer: iss, signedBy: token.signedBy },
    ref: REF.oidcRoles,
  });
  const exp = parseInstant(token.exp ?? '+1h', state.now);
  if (exp !== undefined && state.now >= exp) {
    trace.fail({
      id: 'oidc.expiry',
      phase: 'federation',
      values: { expires: iso(exp), now: iso(state.now) },
      ref: REF.assumeRoleWithWebIdentity,
    });
    return error(
      ExpiredTokenException(
        `Token expired: current date/time ${epochSeconds(state.now)} must be before the expiration date/time${epochSeconds(exp)}`,
      ),
    );
  }
  trace.pass({
    id: 'oidc.expiry',
    phase: 'federation',
    values: exp !== undefined ? { expires: iso(exp), now: iso(state.now) } : { now: iso(state.now) },
    ref: REF.assumeRoleWithWebIdentity,
  });
  const auds = token.aud === undefined ? [] : Array.isArray(token.aud) ? token.aud : [token.aud];
  const [firstAud] = auds;
  if (firstAud === undefined) {
    trace.fail({
      id: 'oidc.audience',
      phase: 'federation',
      values: { audiences: [] },
      ref: REF.oidcProviders,
    });
    return error(InvalidIdentityToken('Missing a required claim: aud'));
  }
  if (provider && !auds.some((aud) => provider.audiences.includes(aud))) {
    trace.fail({
      id: 'oidc.audience',
      phase: 'federation',
      values: { audiences: auds, allowed: provider.audiences },
      ref: REF.oidcProviders,
    });
    return error(InvalidIdentityToken('Incorrect token audience'));
  }
  trace.pass({
    id: 'oidc.audience',
    phase: 'federation',
    values: provider ? { audiences: auds, allowed: provider.audiences } : { audiences: auds },
    ref: REF.oidcProviders,
  });

  return { host, providerArn, audiences: auds, firstAudience: firstAud };
}
