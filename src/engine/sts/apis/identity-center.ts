/**
 * The IAM Identity Center access portal: a user signs in, then asks for a
 * permission set's credentials in an assigned account. Behind the scenes the
 * member account's AWSReservedSSO_* role is assumed with AssumeRoleWithSAML
 * from the AWSSSO_…_DO_NOT_DELETE provider (docs/decisions.md#identity-center).
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html
 */
import type { ApiHandler } from '../api.js';
import { fail } from '../api.js';
import { baseContext, callContext } from '../context.js';
import { ForbiddenException, UnauthorizedException } from '../errors.js';
import { authorizeFederated } from '../federation.js';
import { hex } from '../ids.js';
import { asText } from '../constraint-clauses.js';
import { REF } from '../refs.js';
import { issueRoleSession, roleDuration } from '../role-session.js';
import { iso } from '../time.js';

/** The access portal's default user session: 8 hours. */
const PORTAL_SESSION = 8 * 3600;
const NOT_SIGNED_IN = 'Session token not found or invalid';

export const signIn: ApiHandler = ({ state, caller, trace }) => {
  if (caller.type !== 'sso') throw new Error('SignIn needs an Identity Center user');
  const ic = state.world.identityCenter;
  if (!ic || !ic.users.has(caller.user)) {
    trace.fail({
      id: 'sso.user',
      phase: 'authenticate',
      values: { user: caller.user },
      ref: REF.identityCenterPermissionSets,
    });
    return fail(UnauthorizedException(NOT_SIGNED_IN));
  }
  const expires = state.now + PORTAL_SESSION * 1000;
  state.ssoSessions.set(caller.user, expires);
  trace.pass({
    id: 'sso.signin',
    phase: 'authenticate',
    values: { user: caller.user, until: iso(expires) },
    ref: REF.identityCenterDuration,
  });
  return {
    response: { accessToken: `aoa${hex(`${caller.user}|${state.now}`, 24)}`, expiresIn: PORTAL_SESSION },
  };
};

export const getRoleCredentials: ApiHandler = ({ state, call, caller, params, trace }) => {
  if (caller.type !== 'sso') throw new Error('GetRoleCredentials needs an Identity Center user');
  const ic = state.world.identityCenter;
  const until = state.ssoSessions.get(caller.user);
  if (!ic || until === undefined || state.now >= until) {
    trace.fail({
      id: 'sso.session',
      phase: 'authenticate',
      values: until === undefined ? { user: caller.user } : { user: caller.user, until: iso(until) },
      ref: REF.portalGetRoleCredentials,
    });
    return fail(UnauthorizedException(NOT_SIGNED_IN));
  }
  trace.pass({
    id: 'sso.session',
    phase: 'authenticate',
    values: { user: caller.user, until: iso(until) },
    ref: REF.portalGetRoleCredentials,
  });
  const account = asText(params.AccountId ?? '');
  const permissionSet = asText(params.RoleName ?? '');
  // An assignment always has its provisioned role and permission set (world-model.ts).
  const role = ic.roles.get(`${account}|${permissionSet}`);
  const ps = ic.permissionSets.get(permissionSet);
  if (!ic.assignments.has(`${caller.user}|${account}|${permissionSet}`) || !role || !ps) {
    trace.fail({
      id: 'sso.assignment',
      phase: 'authorize',
      values: { user: caller.user, permissionSet, account },
      ref: REF.identityCenterPermissionSets,
    });
    return fail(ForbiddenException('No access'));
  }
  trace.pass({
    id: 'sso.assignment',
    phase: 'authorize',
    values: { user: caller.user, permissionSet, account },
    ref: REF.identityCenterPermissionSets,
  });
  trace.info({
    id: 'sso.saml',
    phase: 'federation',
    values: {
      role: role.name,
      provider: role.trust.statements[0]?.principal?.entries[0]?.value ?? '',
      path: role.path,
    },
    ref: REF.identityCenterPermissionSets,
  });
  const providerArn = role.trust.statements[0]?.principal?.entries[0]?.value ?? '';
  const b = baseContext(state.now, true)
    .set('saml:aud', 'https://signin.aws.amazon.com/saml')
    .set('saml:sub', caller.user)
    .set('sts:RoleSessionName', caller.user);
  callContext(b, call);
  if (
    !authorizeFederated(
      providerArn,
      role,
      'sts:AssumeRoleWithSAML',
      b.build(),
      trace,
      REF.identityCenterPermissionSets,
    )
  ) {
    return fail(ForbiddenException('No access'));
  }
  // The permission set's session duration applies (1–12 h), not the role's 12-hour maximum.
  const d = roleDuration({ requested: ps.sessionDuration, role }, trace);
  if ('error' in d) return fail(d.error);
  trace.info({
    id: 'duration.sso',
    phase: 'duration',
    values: { seconds: ps.sessionDuration },
    ref: REF.identityCenterDuration,
  });
  const out = issueRoleSession(
    state,
    role,
    caller.user,
    {
      duration: d.seconds,
      mfa: false,
      tags: {},
      transitiveKeys: [],
      federation: { kind: 'saml', provider: providerArn, carried: [] },
      origin: 'GetRoleCredentials',
      identityCenter: true,
    },
    { arnCount: 0, passedTags: {} },
    trace,
  );
  if ('error' in out || !out.creds) return out;
  const c = out.creds;
  return {
    ...out,
    response: {
      roleCredentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        sessionToken: c.sessionToken,
        expiration: c.expiresAt,
      },
    },
  };
};
