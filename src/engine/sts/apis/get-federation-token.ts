/**
 * GetFederationToken: an identity broker (an IAM user with long-term keys)
 * mints a federated-user session whose permissions are the user's ∩ the
 * session policy — no session policy, no permissions.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { authorizeCall, traceAuthorization } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import { callerName } from '../credentials.js';
import { notAuthorized, PackedPolicyTooLarge } from '../errors.js';
import { credentialsResponse, mint, packedPolicySize, viewOf } from '../mint.js';
import { FIELDS, Validator } from '../params.js';
import { REF } from '../refs.js';
import { longTermCaller, tokenDuration } from '../token-rules.js';
import { DURATION } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { checkSessionTags } from '../tags.js';
import { requestTagKeys } from '../role-session.js';

export const getFederationToken: ApiHandler = ({ state, call, caller, params, trace }) => {
  const v = new Validator(params);
  const request = {
    name: v.required(FIELDS.Name),
    requested: v.duration(DURATION.tokenMin, DURATION.tokenMax),
    policyText: v.policyText(2048),
    policyArns: v.policyArns(),
    tagList: v.tags() ?? [],
  };
  if (params.TransitiveTagKeys !== undefined) {
    trace.info({
      id: 'tags.transitive',
      phase: 'tags',
      title: 'federated-user sessions cannot chain, so tags are never transitive',
      ref: REF.sessionTags,
    });
  }
  const parsed = v.result(request, trace, REF.getFederationToken);
  if ('error' in parsed) return parsed;
  const { name, requested, policyText, policyArns, tagList } = parsed.request;
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    title: "parameters satisfy the API's constraints",
    detail: `Name \`${name}\` (2–32)`,
    ref: REF.getFederationToken,
  });
  const lt = longTermCaller(caller, 'GetFederationToken', trace);
  if ('error' in lt) return fail(lt.error);
  const c = lt.creds;

  const sp = sessionPolicies(state, params.Policy, policyArns, trace);
  if ('error' in sp) return fail(sp.error);
  const tags = checkSessionTags(caller, tagList, [], trace);
  if ('error' in tags) return fail(tags.error);

  const fedArn = `arn:aws:sts::${c.account}:federated-user/${name}`;
  const b = baseContext(state.now, true);
  principalContext(b, state.world, caller, state.now, false);
  requestTagKeys(b, tags.tags, []);
  callContext(b, call);
  const context = b.build();
  const target = {
    action: 'sts:GetFederationToken',
    resource: fedArn,
    resourceAccount: c.account,
    trust: false,
  };
  if (
    !traceAuthorization(
      trace,
      authorizeCall(state, caller, target, context),
      'sts:GetFederationToken',
      fedArn,
      REF.getFederationToken,
    )
  ) {
    return fail(notAuthorized(callerName(caller), 'sts:GetFederationToken', fedArn));
  }
  if (tagList.length > 0) {
    const tagTarget = { ...target, action: 'sts:TagSession' };
    if (
      !traceAuthorization(
        trace,
        authorizeCall(state, caller, tagTarget, context),
        'sts:TagSession',
        fedArn,
        REF.sessionTags,
      )
    ) {
      return fail(notAuthorized(callerName(caller), 'sts:TagSession', fedArn));
    }
  }
  const seconds = tokenDuration(requested, c, trace, REF.getFederationToken);
  const size = packedPolicySize(policyText, policyArns?.length ?? 0, tags.tags);
  if (size > 100) {
    trace.fail({
      id: 'issue.packed',
      phase: 'issue',
      title: 'session policies and tags fit the packed size limit',
      detail: `${size}%`,
      ref: REF.sessionTags,
    });
    return fail(PackedPolicyTooLarge(`Packed policy consumes ${size}% of allotted space`));
  }
  if (!sp.policies) {
    trace.info({
      id: 'session.none',
      phase: 'issue',
      title: 'no session policy: the federated user will have no permissions',
      detail: 'except where a resource-based policy names the federated-user ARN',
      ref: REF.getFederationToken,
    });
  }
  const creds = mint(state, {
    kind: 'federated-user',
    account: c.account,
    arn: fedArn,
    userId: `${c.account}:${name}`,
    ...(c.user ? { user: c.user } : {}),
    duration: seconds,
    mfa: false,
    ...(sp.policies ? { sessionPolicies: sp.policies } : { sessionPolicies: undefined }),
    tags: tags.tags,
    transitiveKeys: [],
    origin: 'GetFederationToken',
  });
  if (!sp.policies) delete creds.sessionPolicies;
  trace.pass({
    id: 'issue.credentials',
    phase: 'issue',
    title: `issued federated-user credentials for ${fedArn}`,
    detail: `access key ${creds.accessKeyId}`,
  });
  return {
    response: {
      Credentials: credentialsResponse(creds),
      FederatedUser: { FederatedUserId: creds.userId, Arn: fedArn },
      PackedPolicySize: size,
    },
    creds,
    view: viewOf(creds, state.now),
  };
};
