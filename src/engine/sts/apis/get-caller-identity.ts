/**
 * GetCallerIdentity: "who am I". No permission is needed and it cannot be
 * denied — an explicit Deny on sts:GetCallerIdentity has no effect.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
import type { ApiHandler } from '../api.js';
import { authorizeCall } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import { viewOf } from '../mint.js';
import { REF } from '../refs.js';

export const getCallerIdentity: ApiHandler = ({ state, call, caller, trace }) => {
  if (caller.type !== 'credentials') throw new Error('GetCallerIdentity needs credentials');
  const c = caller.creds;
  // The caller's policies are evaluated only to show the learner that a Deny would be ignored.
  const b = baseContext(state.now, true);
  principalContext(b, state.world, caller, state.now, false);
  callContext(b, call);
  const target = { action: 'sts:GetCallerIdentity', resource: '*', resourceAccount: c.account, trust: false };
  const decision = authorizeCall(state, caller, target, b.build());
  const denied = decision.decision === 'ExplicitlyDenied' ? decision.deniedBy?.ref : undefined;
  trace.pass({
    id: 'authorize.none',
    phase: 'authorize',
    values: denied ? { api: 'GetCallerIdentity', deniedBy: denied } : { api: 'GetCallerIdentity' },
    ref: REF.getCallerIdentity,
  });
  return {
    response: { UserId: c.userId, Account: c.account, Arn: c.arn },
    view: viewOf(c, state.now),
  };
};
