/**
 * AssumeRole: an IAM user, a role session (chaining), GetSessionToken
 * credentials or an AWS service asks for a role's temporary credentials.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { authorizeCall, traceAuthorization } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import { callerName, mergeTags, type Caller } from '../credentials.js';
import { AccessDenied, notAuthorized } from '../errors.js';
import { verifyMfa } from '../mfa.js';
import { FIELDS, roleArnFailure, Validator, type Params } from '../params.js';
import { REF } from '../refs.js';
import {
  findRole,
  issueRoleSession,
  requestTagKeys,
  roleDuration,
  roleResourceTags,
} from '../role-session.js';
import { chainingKind, DURATION, isRootCaller, ROOT_CANNOT_ASSUME_ROLE, stsCallAllowed } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { checkSessionTags } from '../tags.js';
import { EC2_SERVICE, takeInstanceKeys } from '../instance-keys.js';
import { serviceTagsAsPrincipalTags } from '../service-tags.js';
import type { Trace } from '../trace.js';
import type { EngineState } from '../state.js';
import type { RoleModel } from '../world-model.js';
import type { RequestContext } from '../../policy/types.js';

/** AssumeRole's parameters, once they satisfy the model. */
interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  duration: number | undefined;
  externalId: string | undefined;
  serial: string | undefined;
  code: string | undefined;
  sourceIdentity: string | undefined;
  policyText: string | undefined;
  policyArns: string[] | undefined;
  tagList: { key: string; value: string }[];
  transitive: string[];
}

function parseAssumeRole(params: Params, trace: Trace) {
  const v = new Validator(params);
  const request: AssumeRoleRequest = {
    roleArn: v.required(FIELDS.RoleArn),
    sessionName: v.required(FIELDS.RoleSessionName),
    duration: v.duration(DURATION.roleMin, DURATION.roleModelMax),
    externalId: v.optional(FIELDS.ExternalId),
    serial: v.optional(FIELDS.SerialNumber),
    code: v.optional(FIELDS.TokenCode),
    sourceIdentity: v.optional(FIELDS.SourceIdentity),
    // docs/decisions.md#session-policy-limits: the inline session policy is held to the documented 2048 characters.
    policyText: v.policyText(2048),
    policyArns: v.policyArns(),
    tagList: v.tags() ?? [],
    transitive: v.transitiveTagKeys() ?? [],
  };
  return v.result(request, trace, REF.assumeRole);
}

export const assumeRole: ApiHandler = ({ state, call, caller, params, trace }) => {
  // 1. Model constraints, then ARN syntax (docs/decisions.md#validation-messages: both before any role lookup).
  const parsed = parseAssumeRole(params, trace);
  if ('error' in parsed) return parsed;
  const { roleArn, sessionName, duration, externalId, serial, code, sourceIdentity } = parsed.request;
  const { policyText, policyArns, tagList, transitive } = parsed.request;
  const badArn = roleArnFailure(roleArn, trace, REF.assumeRole);
  if (badArn) return fail(badArn);
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    title: "parameters satisfy the API's constraints",
    detail: `RoleSessionName \`${sessionName}\` matches [\\w+=,.@-]* (2–64)${duration !== undefined ? `; DurationSeconds ${duration} in 900–43200` : ''}`,
    ref: REF.assumeRole,
  });

  // 2. Who may call AssumeRole at all.
  if (isRootCaller(caller)) {
    trace.fail({
      id: 'caller.root',
      phase: 'caller',
      title: 'the caller is not the root user',
      detail: 'the root user cannot assume roles',
      ref: REF.tempRequest,
    });
    return fail(AccessDenied(ROOT_CANNOT_ASSUME_ROLE));
  }
  if (caller.type === 'credentials' && !stsCallAllowed(caller.creds, 'AssumeRole')) {
    trace.fail({
      id: 'caller.type',
      phase: 'caller',
      title: 'these credentials may call AssumeRole',
      detail: 'GetFederationToken credentials can call only GetCallerIdentity among STS APIs',
      ref: REF.tempRequest,
    });
    return fail(notAuthorized(callerName(caller), 'sts:AssumeRole', roleArn));
  }
  trace.pass({
    id: 'caller.type',
    phase: 'caller',
    title: 'these credentials may call AssumeRole',
    detail: callerName(caller),
    ref: REF.tempRequest,
  });

  // 3. Session policies, session tags, MFA.
  const sp = sessionPolicies(state, params.Policy, policyArns, trace);
  if ('error' in sp) return fail(sp.error);
  const tags = checkSessionTags(caller, tagList, transitive, trace);
  if ('error' in tags) return fail(tags.error);
  const mfa = verifyMfa(caller, serial, code, trace);
  if ('error' in mfa) return fail(mfa.error);

  // 4. The role, and the request context of this call.
  const role = findRole(state, roleArn, trace);
  if (!role) return fail(notAuthorized(callerName(caller), 'sts:AssumeRole', roleArn));
  const inheritedSi = caller.type === 'credentials' ? caller.creds.sourceIdentity : undefined;
  const b = baseContext(state.now, caller.type !== 'service');
  principalContext(b, state.world, caller, state.now, mfa.mfa);
  b.set('sts:RoleSessionName', sessionName);
  if (externalId !== undefined) b.set('sts:ExternalId', externalId);
  if (sourceIdentity !== undefined) b.set('sts:SourceIdentity', sourceIdentity);
  else if (inheritedSi) b.set('sts:SourceIdentity', inheritedSi);
  requestTagKeys(b, tags.tags, transitive);
  if (caller.type === 'service') serviceTagsAsPrincipalTags(b, caller.service, tags.tags);
  roleResourceTags(b, role, tags.inheritedTags);
  callContext(b, call);
  const instanceKeys = caller.type === 'service' && caller.service === EC2_SERVICE ? takeInstanceKeys(b) : [];
  const context = b.build();

  // 5. Authorization: the trust policy, and the caller's side (docs/decisions.md#same-vs-cross-account).
  if (!authorizeAssume(state, caller, role, 'sts:AssumeRole', context, trace)) {
    return fail(notAuthorized(callerName(caller), 'sts:AssumeRole', roleArn));
  }
  if (tagList.length > 0 || transitive.length > 0) {
    // Passing session tags needs sts:TagSession as well. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
    if (!authorizeAssume(state, caller, role, 'sts:TagSession', context, trace)) {
      return fail(notAuthorized(callerName(caller), 'sts:TagSession', roleArn));
    }
  }
  const si = sourceIdentityRule(state, caller, role, sourceIdentity, inheritedSi, context, trace);
  if ('error' in si) return fail(si.error);

  // 6. Duration.
  const d = roleDuration(
    { requested: duration, role, chaining: chainingKind(caller), service: caller.type === 'service' },
    trace,
  );
  if ('error' in d) return fail(d.error);

  // 7. Issue the session.
  const parent = caller.type === 'credentials' ? caller.creds : undefined;
  const mfaNow = mfa.mfa || Boolean(parent?.mfa);
  return issueRoleSession(
    state,
    role,
    sessionName,
    {
      duration: d.seconds,
      mfa: mfaNow,
      ...(mfa.mfa
        ? { mfaAt: state.now }
        : parent?.mfaAt !== undefined && parent.mfa
          ? { mfaAt: parent.mfaAt }
          : {}),
      ...(sp.policies ? { sessionPolicies: sp.policies } : {}),
      tags: mergeTags(tags.inheritedTags, tags.tags),
      transitiveKeys: [...tags.inheritedKeys, ...transitive],
      ...(si.value ? { sourceIdentity: si.value } : {}),
      origin: 'AssumeRole',
      ...(caller.type === 'service' ? { byService: caller.service } : {}),
      ...(instanceKeys.length ? { instanceKeys } : {}),
    },
    { policyText, arnCount: policyArns?.length ?? 0, passedTags: tags.tags },
    trace,
  );
};

/** Authorizes one action of an assume call against the role's trust policy and the caller's policies. */
function authorizeAssume(
  state: EngineState,
  caller: Caller,
  role: RoleModel,
  action: string,
  context: RequestContext,
  trace: Trace,
): boolean {
  const decision = authorizeCall(
    state,
    caller,
    { action, resource: role.arn, resourceAccount: role.account, resourcePolicy: role.trust, trust: true },
    context,
  );
  const ref =
    caller.type === 'credentials' && caller.creds.account !== role.account
      ? REF.crossAccount
      : REF.evaluationLogic;
  return traceAuthorization(trace, decision, action, role.arn, ref);
}

/**
 * Source identity: once set it is immutable and carries into chained sessions,
 * and every hop that sets or carries one needs sts:SetSourceIdentity.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */
function sourceIdentityRule(
  state: EngineState,
  caller: Caller,
  role: RoleModel,
  passed: string | undefined,
  inherited: string | undefined,
  context: RequestContext,
  trace: Trace,
): { value?: string | undefined } | { error: ReturnType<typeof notAuthorized> } {
  if (passed === undefined && inherited === undefined) return {};
  if (inherited !== undefined && passed !== undefined && passed !== inherited) {
    trace.fail({
      id: 'source-identity.immutable',
      phase: 'source-identity',
      title: 'source identity is unchanged from the calling session',
      detail: `the session carries \`${inherited}\`; the request sets \`${passed}\` (AWS denies the request; its exact message is not documented)`,
      ref: REF.sourceIdentity,
    });
    return { error: notAuthorized(callerName(caller), 'sts:SetSourceIdentity', role.arn) };
  }
  if (!authorizeAssume(state, caller, role, 'sts:SetSourceIdentity', context, trace)) {
    return { error: notAuthorized(callerName(caller), 'sts:SetSourceIdentity', role.arn) };
  }
  return { value: passed ?? inherited };
}
