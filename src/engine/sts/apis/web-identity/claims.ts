/**
 * What the token's claims become: session tags and a source identity from AWS's own claims, and
 * condition keys `<provider>:aud`, `:sub`, `:amr` and the token's other claims
 * (docs/decisions.md#request-context).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-idp
 */
import type { Call } from '../../../types.js';
import type { ContextEntry, RequestContext } from '../../../policy/types.js';
import { baseContext, callContext, ContextBuilder } from '../../context.js';
import { idpTags } from '../../federation.js';
import { requestTagKeys, roleResourceTags } from '../../role-session.js';
import type { EngineState } from '../../state.js';
import type { RoleModel } from '../../world-model.js';
import type { Token } from './request.js';
import type { CheckedToken } from './token.js';

const TAGS_CLAIM = 'https://aws.amazon.com/tags';
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';
/** Claims that stay available as condition keys in later requests (docs/decisions.md#request-context). */
const CARRIED = new Set(['amr', 'aud', 'id', 'sub']);
const GOOGLE = 'accounts.google.com';

/** The session tags and source identity the token's AWS claims carry. */
export interface TokenSession {
  tags: Record<string, string>;
  transitive: string[];
  sourceIdentity: string | undefined;
}

export function tokenSession(token: Token): TokenSession {
  const claims = token.claims ?? {};
  const tagClaim = (claims[TAGS_CLAIM] ?? {}) as { principal_tags?: unknown; transitive_tag_keys?: unknown };
  const transitive = tagClaim.transitive_tag_keys;
  const sourceIdentity = claims[SOURCE_IDENTITY_CLAIM];
  return {
    tags: idpTags(tagClaim.principal_tags),
    transitive: Array.isArray(transitive) ? transitive.map(String) : [],
    sourceIdentity: sourceIdentity === undefined ? undefined : String(sourceIdentity),
  };
}

/** The keys of one call, those the session carries, and the audience the response reports. */
export interface WebIdentityContext {
  context: RequestContext;
  carried: ContextEntry[];
  audience: string;
}

export function webIdentityContext(
  state: EngineState,
  call: Call,
  found: { token: Token; checked: CheckedToken; role: RoleModel; sessionName: string },
  session: TokenSession,
): WebIdentityContext {
  const { token, checked, role, sessionName } = found;
  const { host, audiences } = checked;
  const keys = new ContextBuilder();
  // Google's aud key is the azp claim when there is one; the aud claim is then google's oaud.
  const audience = host === GOOGLE && token.azp ? token.azp : checked.firstAudience;
  const several = audiences.length > 1 && host !== GOOGLE;
  keys.set(`${host}:aud`, several ? audiences : audience, several);
  if (host === GOOGLE) keys.set(`${host}:oaud`, checked.firstAudience);
  if (token.sub !== undefined) keys.set(`${host}:sub`, token.sub);
  for (const [name, value] of Object.entries(token.claims ?? {})) {
    if (name === TAGS_CLAIM || name === SOURCE_IDENTITY_CLAIM) continue;
    if (Array.isArray(value)) keys.set(`${host}:${name}`, value.map(String), true);
    else if (value !== null && typeof value !== 'object') keys.set(`${host}:${name}`, String(value));
  }
  const builder = baseContext(state.now, true).set('sts:RoleSessionName', sessionName);
  for (const entry of keys.build().values()) builder.add(entry);
  if (session.sourceIdentity) builder.set('sts:SourceIdentity', session.sourceIdentity);
  requestTagKeys(builder, session.tags, session.transitive);
  roleResourceTags(builder, role, {});
  callContext(builder, call);
  const carried = [...keys.build().values()].filter((entry) => CARRIED.has(entry.key.slice(host.length + 1)));
  return { context: builder.build(), carried, audience };
}
