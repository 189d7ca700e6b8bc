/**
 * GetFederationToken: an identity broker (an IAM user with long-term keys)
 * mints a federated-user session whose permissions are the user's ∩ the
 * session policy — no session policy, no permissions.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
import type { ApiHandler, ApiOutcome, ApiRequest } from '../api.js';
import { authorizeCall, traceAuthorization } from '../authz.js';
import { baseContext, callContext, principalContext } from '../context.js';
import { callerName, type Credentials } from '../credentials.js';
import { notAuthorized, PackedPolicyTooLarge, type AwsError } from '../errors.js';
import { credentialsResponse, mint, packedPolicySize, viewOf } from '../mint.js';
import { FIELDS } from '../field-constraints.js';
import { Validator, type Params } from '../params.js';
import { REF } from '../refs.js';
import { requestTagKeys } from '../role-session.js';
import { DURATION } from '../rules.js';
import { sessionPolicies } from '../session-policy.js';
import { checkSessionTags } from '../tags.js';
import { longTermCaller, tokenDuration } from '../token-rules.js';
import type { Trace } from '../trace.js';
import type { NormalizedPolicy } from '../../policy/types.js';

interface FederationTokenRequest {
  name: string;
  requested: number | undefined;
  policyText: string | undefined;
  policyArns: string[] | undefined;
  tagList: { key: string; value: string }[];
}

export const getFederationToken: ApiHandler = (req) => {
  const { state, caller, params, trace } = req;
  const parsed = parseFederationToken(params, trace);
  if ('error' in parsed) return parsed;
  const { request } = parsed;

  const longTerm = longTermCaller(caller, 'GetFederationToken', trace);
  if ('error' in longTerm) return longTerm;
  const policies = sessionPolicies(state, params.Policy, request.policyArns, trace);
  if ('error' in policies) return policies;
  const tags = checkSessionTags(caller, request.tagList, [], trace);
  if ('error' in tags) return tags;

  const federatedArn = `arn:aws:sts::${longTerm.creds.account}:federated-user/${request.name}`;
  const denied = authorizeFederationToken(req, longTerm.creds, federatedArn, tags.tags, request);
  if (denied) return { error: denied };

  const seconds = tokenDuration(request.requested, longTerm.creds, trace, REF.getFederationToken);
  return issueFederatedUser(req, longTerm.creds, request, {
    seconds,
    federatedArn,
    tags: tags.tags,
    policies: policies.policies,
  });
};

function parseFederationToken(
  params: Params,
  trace: Trace,
): { request: FederationTokenRequest } | { error: AwsError } {
  const validator = new Validator(params);
  const request = {
    name: validator.required(FIELDS.Name),
    requested: validator.duration(DURATION.tokenMin, DURATION.tokenMax),
    policyText: validator.policyText(2048),
    policyArns: validator.policyArns(),
    tagList: validator.tags() ?? [],
  };
  if (params.TransitiveTagKeys !== undefined) {
    trace.info({
      id: 'tags.transitive',
      phase: 'tags',
      values: { federated: true },
      ref: REF.sessionTags,
    });
  }
  const parsed = validator.result(request, trace, REF.getFederationToken);
  if ('error' in parsed) return parsed;
  trace.pass({
    id: 'validate.params',
    phase: 'validate',
    values: { api: 'GetFederationToken', name: request.name },
    ref: REF.getFederationToken,
  });
  return parsed;
}

/** sts:GetFederationToken on the federated-user ARN, and sts:TagSession when tags are passed. */
function authorizeFederationToken(
  { state, call, caller, trace }: ApiRequest,
  broker: Credentials,
  federatedArn: string,
  tags: Record<string, string>,
  request: FederationTokenRequest,
): AwsError | undefined {
  const builder = baseContext(state.now, true);
  principalContext(builder, state.world, caller, state.now, false);
  requestTagKeys(builder, tags, []);
  callContext(builder, call);
  const context = builder.build();
  const target = {
    action: 'sts:GetFederationToken',
    resource: federatedArn,
    resourceAccount: broker.account,
    trust: false,
  };
  const decision = authorizeCall(state, caller, target, context);
  if (!traceAuthorization(trace, decision, target.action, federatedArn, REF.getFederationToken)) {
    return notAuthorized(callerName(caller), target.action, federatedArn);
  }
  if (request.tagList.length === 0) return undefined;
  const tagTarget = { ...target, action: 'sts:TagSession' };
  const tagDecision = authorizeCall(state, caller, tagTarget, context);
  if (!traceAuthorization(trace, tagDecision, tagTarget.action, federatedArn, REF.sessionTags)) {
    return notAuthorized(callerName(caller), tagTarget.action, federatedArn);
  }
  return undefined;
}

/** Mints the federated-user session, unless session policies and tags overflow the packed size. */
function issueFederatedUser(
  { state, trace }: ApiRequest,
  broker: Credentials,
  request: FederationTokenRequest,
  session: {
    seconds: number;
    federatedArn: string;
    tags: Record<string, string>;
    policies: NormalizedPolicy[] | undefined;
  },
): ApiOutcome {
  const { federatedArn, policies } = session;
  const size = packedPolicySize(request.policyText, request.policyArns?.length ?? 0, session.tags);
  if (size > 100) {
    trace.fail({
      id: 'issue.packed',
      phase: 'issue',
      values: { percent: size },
      ref: REF.sessionTags,
    });
    return { error: PackedPolicyTooLarge(`Packed policy consumes ${size}% of allotted space`) };
  }
  if (!policies) {
    trace.info({
      id: 'session.none',
      phase: 'issue',
      values: {},
      ref: REF.getFederationToken,
    });
  }
  const creds = mint(state, {
    kind: 'federated-user',
    account: broker.account,
    arn: federatedArn,
    userId: `${broker.account}:${request.name}`,
    ...(broker.user ? { user: broker.user } : {}),
    duration: session.seconds,
    mfa: false,
    ...(policies ? { sessionPolicies: policies } : {}),
    tags: session.tags,
    transitiveKeys: [],
    origin: 'GetFederationToken',
  });
  trace.pass({
    id: 'issue.credentials',
    phase: 'issue',
    values: { kind: 'federated-user', arn: federatedArn, accessKeyId: creds.accessKeyId, mfa: creds.mfa },
  });
  return {
    response: {
      Credentials: credentialsResponse(creds),
      FederatedUser: { FederatedUserId: creds.userId, Arn: federatedArn },
      PackedPolicySize: size,
    },
    creds,
    view: viewOf(creds, state.now),
  };
}
