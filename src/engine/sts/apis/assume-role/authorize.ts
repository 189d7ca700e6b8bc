/**
 * The authorization of an AssumeRole call: the trust policy and the caller's side for
 * sts:AssumeRole (docs/decisions.md#same-vs-cross-account), sts:TagSession when session tags are
 * passed, sts:SetContext when context assertions are provided, and sts:SetSourceIdentity when a
 * source identity is set or carried.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import type { RequestContext } from '../../../policy/types.js';
import { authorizeCall, traceAuthorization } from '../../authz.js';
import { callerName, type Caller } from '../../credentials.js';
import { notAuthorized, type AwsError } from '../../errors.js';
import { REF } from '../../refs.js';
import type { EngineState } from '../../state.js';
import type { Trace } from '../../trace.js';
import type { RoleModel } from '../../world-model.js';

/** What the call asks for beyond the role itself. */
export interface AssumeAsks {
  /** The RoleArn as requested: AWS's denial names it as sent. */
  roleArn: string;
  /** Session tags or transitive keys are passed. */
  tags: boolean;
  /** ProvidedContexts are passed. */
  contexts: boolean;
  /** SourceIdentity passed in the request. */
  sourceIdentity: string | undefined;
  /** The source identity the calling session carries. */
  inheritedSourceIdentity: string | undefined;
}

/** The session's source identity when every action is allowed, else the AWS error. */
export function authorizeAssumeRole(
  state: EngineState,
  caller: Caller,
  role: RoleModel,
  asks: AssumeAsks,
  context: RequestContext,
  trace: Trace,
): { sourceIdentity: string | undefined } | { error: AwsError } {
  if (!authorizeAssume(state, caller, role, 'sts:AssumeRole', context, trace)) {
    return { error: notAuthorized(callerName(caller), 'sts:AssumeRole', asks.roleArn) };
  }
  // Passing session tags needs sts:TagSession as well. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
  if (asks.tags && !authorizeAssume(state, caller, role, 'sts:TagSession', context, trace)) {
    return { error: notAuthorized(callerName(caller), 'sts:TagSession', asks.roleArn) };
  }
  // Passing ProvidedContexts needs sts:SetContext as well (its order after TagSession is ours:
  // docs/decisions.md#provided-contexts). https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
  if (asks.contexts && !authorizeAssume(state, caller, role, 'sts:SetContext', context, trace)) {
    return { error: notAuthorized(callerName(caller), 'sts:SetContext', asks.roleArn) };
  }
  const source = sourceIdentityRule(
    state,
    caller,
    role,
    asks.sourceIdentity,
    asks.inheritedSourceIdentity,
    context,
    trace,
  );
  if ('error' in source) return source;
  return { sourceIdentity: source.value };
}

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
      // AWS denies the request; its exact message is not documented.
      values: { inherited, passed },
      ref: REF.sourceIdentity,
    });
    return { error: notAuthorized(callerName(caller), 'sts:SetSourceIdentity', role.arn) };
  }
  if (!authorizeAssume(state, caller, role, 'sts:SetSourceIdentity', context, trace)) {
    return { error: notAuthorized(callerName(caller), 'sts:SetSourceIdentity', role.arn) };
  }
  return { value: passed ?? inherited };
}
