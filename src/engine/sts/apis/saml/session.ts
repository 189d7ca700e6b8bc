/**
 * The request context of an AssumeRoleWithSAML call and the session's length.
 * SAML keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
 */
import type { Call } from '../../../types.js';
import type { ContextEntry, RequestContext } from '../../../policy/types.js';
import { baseContext, callContext, ContextBuilder } from '../../context.js';
import type { AwsError } from '../../errors.js';
import { REF } from '../../refs.js';
import { requestTagKeys, roleDuration, roleResourceTags } from '../../role-session.js';
import { nameQualifier } from '../../sha1.js';
import type { EngineState } from '../../state.js';
import { iso, parseDuration, parseInstant } from '../../time.js';
import type { Trace } from '../../trace.js';
import type { RoleModel, SamlProviderModel } from '../../world-model.js';
import { SIGNIN } from './assertion.js';
import type { SamlSubject } from './attributes.js';
import type { Assertion } from './request.js';

/** The keys of one call, and those the session carries into later requests. */
export interface SamlContext {
  context: RequestContext;
  carried: ContextEntry[];
  subjectType: string;
  /** SubjectConfirmationData/@Recipient: saml:aud and the response's Audience. */
  recipient: string;
  qualifier: string;
}

export function samlContext(
  state: EngineState,
  call: Call,
  found: { assertion: Assertion; provider: SamlProviderModel; subject: SamlSubject; role: RoleModel },
  tags: { tags: Record<string, string>; transitive: string[] },
): SamlContext {
  const { assertion, provider, subject, role } = found;
  const subjectType = assertion.subjectType ?? 'persistent';
  // saml:aud is SubjectConfirmationData/@Recipient, never the AudienceRestriction.
  const recipient = assertion.recipient ?? SIGNIN;
  const qualifier = nameQualifier(provider.issuer, provider.account, provider.name);
  // saml:sub, saml:sub_type and saml:namequalifier stay available in the session's later requests.
  const carried = new ContextBuilder()
    .set('saml:sub', subject.subject)
    .set('saml:sub_type', subjectType)
    .set('saml:namequalifier', qualifier);
  const builder = baseContext(state.now, true)
    .set('saml:aud', recipient)
    .set('saml:iss', assertion.issuer)
    .set('saml:doc', `${provider.account}/${provider.name}`)
    .set('sts:RoleSessionName', subject.sessionName);
  for (const entry of carried.build().values()) builder.add(entry);
  if (assertion.sourceIdentity) builder.set('sts:SourceIdentity', assertion.sourceIdentity);
  requestTagKeys(builder, tags.tags, tags.transitive);
  roleResourceTags(builder, role, {});
  callContext(builder, call);
  return {
    context: builder.build(),
    carried: [...carried.build().values()],
    subjectType,
    recipient,
    qualifier,
  };
}

/**
 * The role's duration rule, then the assertion's own limits: SessionDuration can only shorten an API
 * session and SessionNotOnOrAfter caps it (docs/decisions.md#durations).
 */
export function samlDuration(
  state: EngineState,
  requested: number | undefined,
  role: RoleModel,
  assertion: Assertion,
  trace: Trace,
): { seconds: number } | { error: AwsError } {
  const limited = roleDuration({ requested, role }, trace);
  if ('error' in limited) return limited;
  let seconds = limited.seconds;
  const attribute = parseDuration(assertion.sessionDuration);
  if (attribute !== undefined && attribute < seconds) {
    trace.info({
      id: 'duration.saml',
      phase: 'duration',
      values: { source: 'attribute', seconds: attribute },
      ref: REF.samlAssertions,
    });
    seconds = attribute;
  }
  const sessionEnd = parseInstant(assertion.sessionNotOnOrAfter, state.now);
  if (sessionEnd !== undefined && (sessionEnd - state.now) / 1000 < seconds) {
    seconds = Math.max(0, Math.floor((sessionEnd - state.now) / 1000));
    trace.info({
      id: 'duration.saml',
      phase: 'duration',
      values: { source: 'session-not-on-or-after', until: iso(sessionEnd), seconds },
      ref: REF.assumeRoleWithSaml,
    });
  }
  return { seconds };
}
