/**
 * AssumeRoleWithWebIdentity: an unsigned request carrying an OIDC token
 * (GitHub Actions, EKS service accounts, Cognito, Google…). STS checks the
 * token against the IAM OIDC provider, then the role's trust policy.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { baseContext, callContext, ContextBuilder } from '../context.js';
import { AccessDenied, ExpiredTokenException, InvalidIdentityToken } from '../errors.js';
import { authorizeIdpCall, idpTags } from '../federation.js';
import { FIELDS, roleArnFailure, parseRoleArn, Validator } from '../params.js';
import { REF } from '../refs.js';
import {
  findRole,
  issueRoleSession,
  requestTagKeys,
  roleDuration,
  roleResourceTags,
} from '../role-session.js';
import { DURATION } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { epochSeconds, iso, parseInstant } from '../time.js';

const DENIED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';
/** Web identity providers STS knows without an IAM OIDC provider (docs/decisions.md#web-identity-providers). */
const BUILT_IN = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);
const TAGS_CLAIM = 'https://aws.amazon.com/tags';
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';
/** Claims that stay available as condition keys in later requests (docs/decisions.md#request-context). */
const CARRIED = new Set(['amr', 'aud', 'id', 'sub']);

interface Token {
  iss?: string;
  signedBy?: string;
  sub?: string;
  aud?: string | string[];
  azp?: string;
  exp?: string | number;
  claims?: Record<string, unknown>;
}

export const assumeRoleWithWebIdentity: ApiHandler = ({ state, call, params, trace }) => {
  const v = new Validator(params);
  const parsed = v.result(
    {
      roleArn: v.required(FIELDS.RoleArn),
      sessionName: v.required(FIELDS.RoleSessionName),
      duration: v.duration(DURATION.roleMin, DURATION.roleModelMax),
      policyText: v.policyText(2048),
      policyArns: v.policyArns(),
      token: v.present('WebIdentityToken', 'webIdentityToken'),
    },
    trace,
    REF.assumeRoleWithWebIdentity,
  );
  if ('error' in parsed) return parsed;
  const { roleArn, sessionName, duration, policyText, policyArns } = parsed.request;
  const badArn = roleArnFailure(roleArn, trace, REF.assumeRoleWithWebIdentity);
  if (badArn) return fail(badArn);
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    title: "parameters satisfy the API's constraints",
    detail: `RoleSessionName \`${sessionName}\``,
    ref: REF.assumeRoleWithWebIdentity,
  });
  const raw = parsed.request.token;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    trace.fail({
      id: 'oidc.parse',
      phase: 'federation',
      title: 'WebIdentityToken is a JWT (an OIDC ID token)',
      detail: 'not a structured token',
      ref: REF.oidcProviders,
    });
    return fail(
      InvalidIdentityToken(
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      ),
    );
  }
  const token = raw as Token;
  const iss = token.iss ?? '';
  const host = iss.replace(/^https:\/\//, '');
  const account = parseRoleArn(roleArn)?.account ?? '';

  // The issuer: an IAM OIDC provider in the role's account, or a built-in web identity provider.
  const builtIn = BUILT_IN.has(host);
  const provider = builtIn
    ? undefined
    : state.world.oidcProviders.find((p) => p.account === account && p.host === host);
  if (!builtIn && !provider) {
    trace.fail({
      id: 'oidc.provider',
      phase: 'federation',
      title: "the token's issuer is an OIDC provider in the role's account",
      detail: `iss ${iss || '(none)'}; account ${account}`,
      ref: REF.oidcProviders,
    });
    return fail(InvalidIdentityToken(`No OpenIDConnect provider found in your account for ${iss}`));
  }
  const providerArn = provider ? provider.arn : host;
  trace.pass({
    id: 'oidc.provider',
    phase: 'federation',
    title: provider
      ? `the OIDC provider exists: ${provider.arn}`
      : `${host} is a built-in web identity provider`,
    detail: iss,
    ref: REF.oidcProviders,
  });
  if (token.signedBy !== iss) {
    trace.fail({
      id: 'oidc.signature',
      phase: 'federation',
      title: "the signature verifies with a key from the issuer's JWKS",
      detail: `signed by ${token.signedBy ?? '(nobody)'}`,
      ref: REF.oidcRoles,
    });
    return fail(
      InvalidIdentityToken(
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      ),
    );
  }
  trace.pass({
    id: 'oidc.signature',
    phase: 'federation',
    title: "the signature verifies with a key from the issuer's JWKS",
    detail: iss,
    ref: REF.oidcRoles,
  });
  const exp = parseInstant(token.exp ?? '+1h', state.now);
  if (exp !== undefined && state.now >= exp) {
    trace.fail({
      id: 'oidc.expiry',
      phase: 'federation',
      title: 'the token has not expired',
      detail: `exp ${iso(exp)}; now ${iso(state.now)}`,
      ref: REF.assumeRoleWithWebIdentity,
    });
    return fail(
      ExpiredTokenException(
        `Token expired: current date/time ${epochSeconds(state.now)} must be before the expiration date/time${epochSeconds(exp)}`,
      ),
    );
  }
  trace.pass({
    id: 'oidc.expiry',
    phase: 'federation',
    title: 'the token has not expired',
    detail: exp !== undefined ? `exp ${iso(exp)}` : undefined,
    ref: REF.assumeRoleWithWebIdentity,
  });
  const auds = token.aud === undefined ? [] : Array.isArray(token.aud) ? token.aud : [token.aud];
  const [firstAud] = auds;
  if (firstAud === undefined) {
    trace.fail({
      id: 'oidc.audience',
      phase: 'federation',
      title: 'the token has an aud claim',
      ref: REF.oidcProviders,
    });
    return fail(InvalidIdentityToken('Missing a required claim: aud'));
  }
  if (provider && !auds.some((a) => provider.audiences.includes(a))) {
    trace.fail({
      id: 'oidc.audience',
      phase: 'federation',
      title: "the token's aud is one of the provider's client IDs",
      detail: `aud ${auds.join(', ')}; provider allows ${provider.audiences.join(', ')}`,
      ref: REF.oidcProviders,
    });
    return fail(InvalidIdentityToken('Incorrect token audience'));
  }
  trace.pass({
    id: 'oidc.audience',
    phase: 'federation',
    title: provider
      ? "the token's aud is one of the provider's client IDs"
      : 'aud is checked by the trust policy',
    detail: auds.join(', '),
    ref: REF.oidcProviders,
  });

  const claims = token.claims ?? {};
  const tagClaim = (claims[TAGS_CLAIM] ?? {}) as { principal_tags?: unknown; transitive_tag_keys?: unknown };
  const tags = idpTags(tagClaim.principal_tags);
  const transitive = Array.isArray(tagClaim.transitive_tag_keys)
    ? tagClaim.transitive_tag_keys.map(String)
    : [];
  const sourceIdentity =
    claims[SOURCE_IDENTITY_CLAIM] === undefined ? undefined : String(claims[SOURCE_IDENTITY_CLAIM]);
  const sp = sessionPolicies(state, params.Policy, policyArns, trace);
  if ('error' in sp) return fail(sp.error);
  const role = findRole(state, roleArn, trace);
  if (!role) return fail(AccessDenied(DENIED));

  // Web identity keys: <provider>:aud, :sub, :amr and the token's other claims (docs/decisions.md#request-context).
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
  const keys = new ContextBuilder();
  const audKey = host === 'accounts.google.com' && token.azp ? token.azp : firstAud;
  keys.set(
    `${host}:aud`,
    auds.length > 1 && host !== 'accounts.google.com' ? auds : audKey,
    auds.length > 1 && host !== 'accounts.google.com',
  );
  if (host === 'accounts.google.com') keys.set(`${host}:oaud`, firstAud);
  if (token.sub !== undefined) keys.set(`${host}:sub`, token.sub);
  for (const [name, value] of Object.entries(claims)) {
    if (name === TAGS_CLAIM || name === SOURCE_IDENTITY_CLAIM) continue;
    if (Array.isArray(value)) keys.set(`${host}:${name}`, value.map(String), true);
    else if (value !== null && typeof value !== 'object') keys.set(`${host}:${name}`, String(value));
  }
  const b = baseContext(state.now, true).set('sts:RoleSessionName', sessionName);
  for (const e of keys.build().values()) b.add(e);
  if (sourceIdentity) b.set('sts:SourceIdentity', sourceIdentity);
  requestTagKeys(b, tags, transitive);
  roleResourceTags(b, role, {});
  callContext(b, call);
  const context = b.build();
  const sends = { tags: Object.keys(tags).length > 0, sourceIdentity: Boolean(sourceIdentity) };
  const assume = { action: 'sts:AssumeRoleWithWebIdentity', ref: REF.oidcRoles };
  if (!authorizeIdpCall(providerArn, role, assume, sends, context, trace)) return fail(AccessDenied(DENIED));
  const d = roleDuration({ requested: duration, role }, trace);
  if ('error' in d) return fail(d.error);
  const carried = [...keys.build().values()].filter((e) => CARRIED.has(e.key.slice(host.length + 1)));
  return issueRoleSession(
    state,
    role,
    sessionName,
    {
      duration: d.seconds,
      mfa: false,
      ...(sp.policies ? { sessionPolicies: sp.policies } : {}),
      tags,
      transitiveKeys: transitive,
      ...(sourceIdentity ? { sourceIdentity } : {}),
      federation: { kind: 'web-identity', provider: providerArn, carried },
      origin: 'AssumeRoleWithWebIdentity',
    },
    { policyText, arnCount: policyArns?.length ?? 0, passedTags: tags },
    trace,
    { SubjectFromWebIdentityToken: token.sub, Provider: host, Audience: audKey },
  );
};
