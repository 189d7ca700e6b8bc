/**
 * Request: use credentials for any other AWS action. The decision is IAM's
 * policy evaluation: SCPs, the resource's policy, the identity policies, the
 * permissions boundary and the session policies.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { authorizeCall, traceAuthorization } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import { callerName, type Credentials } from '../credentials.js';
import { applyIamWrite } from '../iam-writes.js';
import { AccessDenied, invalidSessionToken } from '../errors.js';
import { viewOf } from '../mint.js';
import { REF } from '../refs.js';
import { iamAccess } from '../request-gates.js';
import type { RecordedDenial } from '../state.js';
import type { ResourceModel, WorldModel } from '../world-model.js';
import type { AuthorizationDecision } from '../../policy/types.js';

export const request: ApiHandler = ({ state, call, caller, params, trace }) => {
  if (caller.type === 'service') return serviceRequest({ state, call, caller, params, trace });
  if (caller.type !== 'credentials') throw new Error('Request needs credentials');
  const c = caller.creds;
  const action = call.action ?? '';
  const resourceArn = call.resource ?? '*';
  const service = action.split(':')[0]?.toLowerCase() ?? '';
  const gate = credentialGate(c, action, service);
  if (gate) {
    trace.fail({
      id: 'caller.type',
      phase: 'caller',
      values: gate.values,
      ref: REF.tempRequest,
    });
    return fail(gate.error);
  }
  const resource = findResource(state.world, resourceArn);
  const resourceAccount = resource?.account ?? (resourceArn.split(':')[4] || c.account);
  const b = baseContext(state.now, true);
  principalContext(b, state.world, caller, state.now, false);
  for (const [k, v] of Object.entries(resource?.tags ?? {})) b.set(`aws:ResourceTag/${k}`, v);
  b.set('aws:ResourceAccount', resourceAccount);
  if (state.world.orgId && state.world.orgAccounts.has(resourceAccount))
    b.set('aws:ResourceOrgID', state.world.orgId);
  callContext(b, call);
  const context = b.build();
  const decision = authorizeCall(
    state,
    caller,
    {
      action,
      resource: resourceArn,
      resourceAccount,
      ...(resource?.policy ? { resourcePolicy: resource.policy } : {}),
      trust: false,
    },
    context,
  );
  const ref = resourceAccount !== c.account ? REF.crossAccount : REF.evaluationLogic;
  if (!traceAuthorization(trace, decision, action, resourceArn, ref)) {
    return {
      error: AccessDenied(denialMessage(c.arn, action, resourceArn, decision)),
      denial: recordDenial(c, action, resourceArn, decision, context),
    };
  }
  const effect = applyIamWrite(state, action, resourceArn, params, trace);
  if (effect) return fail(effect);
  return {
    response: { Action: action, Resource: resourceArn, Decision: 'Allowed' },
    view: viewOf(c, state.now),
  };
};

/**
 * An AWS service principal acting with its own identity (CloudTrail writing to a
 * bucket, Config reading one): only the resource's policy can allow it, and
 * aws:PrincipalIsAWSService is true. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
 */
const serviceRequest: ApiHandler = ({ state, call, caller, trace }) => {
  const action = call.action ?? '';
  const resourceArn = call.resource ?? '*';
  const resource = findResource(state.world, resourceArn);
  const b = baseContext(state.now, true);
  principalContext(b, state.world, caller, state.now, false);
  for (const [k, v] of Object.entries(resource?.tags ?? {})) b.set(`aws:ResourceTag/${k}`, v);
  if (resource?.account) b.set('aws:ResourceAccount', resource.account);
  callContext(b, call);
  const decision = authorizeCall(
    state,
    caller,
    {
      action,
      resource: resourceArn,
      resourceAccount: resource?.account,
      ...(resource?.policy ? { resourcePolicy: resource.policy } : {}),
      trust: false,
    },
    b.build(),
  );
  const who = callerName(caller);
  if (!traceAuthorization(trace, decision, action, resourceArn, REF.evaluationLogic)) {
    return fail(AccessDenied(denialMessage(who, action, resourceArn, decision)));
  }
  return { response: { Action: action, Resource: resourceArn, Decision: 'Allowed' } };
};

/**
 * What temporary credentials may not do whatever their policies say (docs/decisions.md#temporary-credential-gates):
 * GetFederationToken sessions never call IAM; GetSessionToken sessions call IAM only
 * with MFA (without it AWS answers InvalidClientTokenId); both are limited among STS APIs.
 */
function credentialGate(c: Credentials, action: string, service: string) {
  const iam = iamAccess(c.kind);
  if (iam === 'never' && service === 'iam') {
    return {
      values: { gate: 'iam' as const, kind: 'federated-user' as const, action, mfa: c.mfa },
      error: AccessDenied(`User: ${c.arn} is not authorized to perform: ${action}`),
    };
  }
  if (iam === 'with-mfa' && service === 'iam' && !c.mfa) {
    return {
      values: { gate: 'iam' as const, kind: 'session-token' as const, action, mfa: c.mfa },
      error: invalidSessionToken(),
    };
  }
  return undefined;
}

/** The resource's own entry, or for an S3 object its bucket's, or the nearest parent ARN's. */
function findResource(world: WorldModel, arn: string): ResourceModel | undefined {
  const exact = world.resources.get(arn);
  if (exact) return exact;
  for (const r of world.resources.values()) {
    if (arn.startsWith(`${r.arn}/`)) return r;
  }
  return undefined;
}

/**
 * AccessDenied wording by the gate that denied (troubleshoot_access-denied.html).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
function denialMessage(arn: string, action: string, resource: string, d: AuthorizationDecision): string {
  const head = `User: ${arn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (d.decision === 'ExplicitlyDenied') {
    const kind = d.deniedBy?.kind;
    const where =
      kind === 'scp'
        ? 'a service control policy'
        : kind === 'resource'
          ? 'a resource-based policy'
          : kind === 'boundary'
            ? 'a permissions boundary'
            : kind === 'session'
              ? 'a session policy'
              : 'an identity-based policy';
    return `${head} with an explicit deny in ${where}`;
  }
  switch (d.reason) {
    case 'boundary':
      return `${head} because no permissions boundary allows the ${action} action`;
    case 'session-policy':
      return `${head} because no session policy allows the ${action} action`;
    case 'no-resource-allow':
      return `${head} because no resource-based policy allows the ${action} action`;
    default:
      return `${head} because no identity-based policy allows the ${action} action`;
  }
}

function recordDenial(
  c: Credentials,
  action: string,
  resource: string,
  d: AuthorizationDecision,
  context: ReadonlyMap<string, { key: string; values: string[] }>,
): RecordedDenial {
  return {
    allowed: false,
    explicitDeny: d.decision === 'ExplicitlyDenied',
    principal: { id: c.userId, arn: c.arn },
    action,
    resource,
    conditions: [...context.values()].map((e) => ({ key: e.key, values: e.values })),
    matchedStatements: d.evaluations.flatMap((e) =>
      e.statements
        .filter((s) => s.matched)
        .map((s) => ({ policy: e.ref, ...(s.sid ? { sid: s.sid } : {}), effect: s.effect })),
    ),
  };
}
