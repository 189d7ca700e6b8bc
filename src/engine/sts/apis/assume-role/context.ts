/**
 * The request context of an AssumeRole call: the caller's keys, the request's sts: keys, session
 * tags, the role's tags, and for a service caller its own keys
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-sts).
 */
import type { Call } from '../../../types.js';
import type { ContextEntry, RequestContext } from '../../../policy/types.js';
import { baseContext, callContext, principalContext } from '../../context.js';
import type { Caller } from '../../credentials.js';
import { EC2_SERVICE, takeInstanceKeys } from '../../instance-keys.js';
import { requestTagKeys, roleResourceTags } from '../../role-session.js';
import { serviceTagsAsPrincipalTags } from '../../service-tags.js';
import type { EngineState } from '../../state.js';
import type { SessionTagRequest } from '../../tags.js';
import type { RoleModel } from '../../world-model.js';
import type { AssumeRoleRequest } from './request.js';

export interface AssumeRoleContext {
  context: RequestContext;
  /** EC2 instance credentials: where they were delivered (instance-keys.ts). */
  instanceKeys: ContextEntry[];
}

export function assumeRoleContext(
  state: EngineState,
  call: Call,
  caller: Caller,
  found: { request: AssumeRoleRequest; role: RoleModel; tags: SessionTagRequest; mfaInCall: boolean },
): AssumeRoleContext {
  const { request, role, tags } = found;
  const inherited = caller.type === 'credentials' ? caller.creds.sourceIdentity : undefined;
  const builder = baseContext(state.now, caller.type !== 'service');
  principalContext(builder, state.world, caller, state.now, found.mfaInCall);
  builder.set('sts:RoleSessionName', request.sessionName);
  if (request.externalId !== undefined) builder.set('sts:ExternalId', request.externalId);
  if (request.sourceIdentity !== undefined) builder.set('sts:SourceIdentity', request.sourceIdentity);
  else if (inherited) builder.set('sts:SourceIdentity', inherited);
  requestTagKeys(builder, tags.tags, request.transitive);
  if (caller.type === 'service') serviceTagsAsPrincipalTags(builder, caller.service, tags.tags);
  roleResourceTags(builder, role, tags.inheritedTags);
  callContext(builder, call);
  const instanceKeys =
    caller.type === 'service' && caller.service === EC2_SERVICE ? takeInstanceKeys(builder) : [];
  return { context: builder.build(), instanceKeys };
}
