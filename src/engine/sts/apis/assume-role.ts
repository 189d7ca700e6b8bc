/**
 * AssumeRole: an IAM user, a role session (chaining), GetSessionToken
 * credentials or an AWS service asks for a role's temporary credentials.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import type { ApiHandler } from '../api.js';
import { callerName, mergeTags } from '../credentials.js';
import { notAuthorized } from '../errors.js';
import { verifyMfa } from '../mfa.js';
import type { RoleSessionSpec } from '../mint.js';
import { findRole, issueRoleSession, roleDuration } from '../role-session.js';
import { chainingKind } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { checkSessionTags } from '../tags.js';
import { authorizeAssumeRole } from './assume-role/authorize.js';
import { assumeRoleCallerError } from './assume-role/caller.js';
import { assumeRoleContext } from './assume-role/context.js';
import { parseAssumeRole } from './assume-role/request.js';

export const assumeRole: ApiHandler = ({ state, call, caller, params, trace }) => {
  const parsed = parseAssumeRole(params, trace);
  if ('error' in parsed) return parsed;
  const { request } = parsed;

  const callerError = assumeRoleCallerError(caller, request.roleArn, trace);
  if (callerError) return { error: callerError };

  const policies = sessionPolicies(state, request.policy, request.policyArns, trace);
  if ('error' in policies) return policies;
  const tags = checkSessionTags(caller, request.tagList, request.transitive, trace);
  if ('error' in tags) return tags;
  const mfa = verifyMfa(caller, request.serial, request.code, trace);
  if ('error' in mfa) return mfa;

  const role = findRole(state, request.roleArn, trace);
  if (!role) return { error: notAuthorized(callerName(caller), 'sts:AssumeRole', request.roleArn) };
  const keys = assumeRoleContext(state, call, caller, { request, role, tags, mfaInCall: mfa.mfa });

  const parent = caller.type === 'credentials' ? caller.creds : undefined;
  const asks = {
    roleArn: request.roleArn,
    tags: request.tagList.length > 0 || request.transitive.length > 0,
    contexts: request.contexts,
    sourceIdentity: request.sourceIdentity,
    inheritedSourceIdentity: parent?.sourceIdentity,
  };
  const allowed = authorizeAssumeRole(state, caller, role, asks, keys.context, trace);
  if ('error' in allowed) return allowed;

  const duration = roleDuration(
    { requested: request.duration, role, chaining: chainingKind(caller), service: caller.type === 'service' },
    trace,
  );
  if ('error' in duration) return duration;

  // Built property by property (no spreads), in the session's usual property order: every call.
  const spec = { duration: duration.seconds, mfa: mfa.mfa || Boolean(parent?.mfa) } as RoleSessionSpec;
  if (mfa.mfa) spec.mfaAt = state.now;
  else if (parent?.mfaAt !== undefined && parent.mfa) spec.mfaAt = parent.mfaAt;
  if (policies.policies) spec.sessionPolicies = policies.policies;
  spec.tags = mergeTags(tags.inheritedTags, tags.tags);
  spec.transitiveKeys = tags.inheritedKeys.concat(request.transitive);
  if (allowed.sourceIdentity) spec.sourceIdentity = allowed.sourceIdentity;
  spec.origin = 'AssumeRole';
  if (caller.type === 'service') spec.byService = caller.service;
  if (keys.instanceKeys.length) spec.instanceKeys = keys.instanceKeys;
  return issueRoleSession(
    state,
    role,
    request.sessionName,
    spec,
    { policyText: request.policyText, arnCount: request.policyArns?.length ?? 0, passedTags: tags.tags },
    trace,
  );
};
