/** The words for the checks on who is calling and what was sent: authentication, caller, parameters, MFA. */
import type { CheckWords, WordingTable } from './check-text.js';
import type { Signer } from '../engine/types.js';
import { policyRefText } from '../content/policy-ref-text.js';

type RequestIds =
  | 'auth.caller'
  | 'auth.expiry'
  | 'auth.token-version'
  | 'region.active'
  | 'authorize.none'
  | 'caller.long-term'
  | 'caller.root'
  | 'caller.type'
  | 'validate.arns'
  | 'validate.params'
  | 'validate.roleArn'
  | 'mfa.code'
  | 'mfa.device'
  | 'key.known'
  | 'message.valid';

/** The signer as a learner reads it: "IAM user dana's long-term access key", "role session arn:…". */
function who(s: Signer): string {
  switch (s.kind) {
    case 'user':
      return `IAM user ${s.user ?? ''}'s long-term access key`;
    case 'root':
      return `the root user of ${s.account}`;
    case 'session-token':
      return `GetSessionToken credentials of ${s.user ? `IAM user ${s.user}` : 'the root user'}`;
    case 'role-session':
      return `role session ${s.arn}`;
    case 'federated-user':
      return `federated user session ${s.arn}`;
  }
}

const STS_LIMIT: Partial<Record<Signer['kind'], string>> = {
  'federated-user': 'GetFederationToken credentials can call only GetCallerIdentity among STS APIs',
  'session-token':
    'GetSessionToken credentials can call only AssumeRole and GetCallerIdentity among STS APIs',
};

const PARAMETERS = "parameters satisfy the API's constraints";

export const REQUEST_TEXT: WordingTable<RequestIds> = {
  'auth.caller': (v): CheckWords => {
    switch (v.case) {
      case 'unsigned':
        return {
          title: v.accepted
            ? `unsigned request: ${v.api} needs no AWS credentials`
            : `${v.api} must be signed with AWS credentials, and this request is unsigned`,
        };
      case 'portal-unsigned':
        return { title: `${v.api} needs a signed-in Identity Center user (\`sso/NAME\`)` };
      case 'sso-not-portal':
        return { title: `an Identity Center user signs in to the portal; ${v.api} needs AWS credentials` };
      case 'portal-sso':
        return { title: `Identity Center user \`${v.user}\` calls the access portal` };
      case 'portal-not-sso':
        return { title: `${v.api} is an Identity Center portal call: the caller must be \`sso/NAME\`` };
      case 'service':
        return {
          title: v.accepted
            ? `the service \`${v.service}\` calls STS for its resource`
            : `a service principal only assumes roles and makes requests here; it does not call ${v.api}`,
        };
      case 'unknown-key':
        return {
          title: 'the access key is not recognised',
          detail: v.as.startsWith('$')
            ? `step \`${v.as.slice(1)}\` produced no credentials (it failed, or has not run yet)`
            : `no credentials called \`${v.as}\` exist in this world`,
        };
      case 'long-term':
        return {
          title: `signed with ${who(v.signer)}`,
          detail: `access key ${v.accessKeyId} (long-term, never expires)`,
        };
    }
  },
  'auth.expiry': (v, ok) =>
    ok
      ? {
          title: `signed with ${who(v.signer)}, valid until ${v.expiresAt}`,
          detail: `${v.secondsLeft} s left`,
        }
      : {
          title: `signed with ${who(v.signer)}, which expired at ${v.expiresAt}`,
          detail: `now ${v.now}: ${-v.secondsLeft} s past expiry`,
        },
  'auth.token-version': (v, ok) => ({
    title: `the session token (version ${v.version}) is valid in ${v.region}`,
    detail: !ok
      ? `${v.region} is an opt-in Region; version 1 tokens from the global endpoint are valid only in Regions enabled by default`
      : v.optIn
        ? 'version 2 tokens are valid in every Region'
        : `${v.region} is enabled by default`,
  }),
  'region.active': (v, ok) => ({
    title: `STS is active in ${v.region} for account ${v.account}`,
    detail: ok ? `endpoint sts.${v.region}.amazonaws.com` : 'the account deactivated STS in this Region',
  }),
  'authorize.none': (v) =>
    v.api === 'GetSessionToken'
      ? {
          title: 'GetSessionToken needs no permission: an Allow or Deny on sts:GetSessionToken has no effect',
        }
      : {
          title: 'GetCallerIdentity needs no permission and cannot be denied',
          detail: v.deniedBy
            ? `${policyRefText(v.deniedBy)} denies sts:GetCallerIdentity, and that has no effect`
            : 'no policy is needed',
        },
  'caller.long-term': (v, ok) => ({
    title: 'the caller signs with long-term credentials',
    detail: ok ? v.caller : `${v.caller} is a temporary session`,
  }),
  'caller.root': () => ({
    title: 'the caller is not the root user',
    detail: 'the root user cannot assume roles',
  }),
  'caller.type': (v, ok) => {
    if (v.gate === 'iam') {
      return v.kind === 'federated-user'
        ? { title: 'GetFederationToken credentials cannot call IAM APIs', detail: v.action }
        : {
            title: 'GetSessionToken credentials call IAM only when MFA was used to get them',
            detail: `${v.action} with a session created without MFA`,
          };
    }
    const limit =
      (v.kind && STS_LIMIT[v.kind]) ?? `${v.kind ?? 'these'} credentials are limited among STS APIs`;
    return { title: `these credentials may call ${v.api}`, detail: ok ? v.caller : limit };
  },
  'validate.roleArn': (v) => ({ title: 'RoleArn is a well-formed ARN', detail: v.roleArn }),
  'validate.arns': (v) => ({
    title: 'RoleArn names a role and PrincipalArn a SAML provider',
    detail: `${v.roleArn} / ${v.principalArn}`,
  }),
  'validate.params': (v): CheckWords => {
    if ('violations' in v) {
      return {
        title: PARAMETERS,
        detail: v.violations.map((x) => `${x.member}: ${x.constraint}`).join('; '),
      };
    }
    switch (v.api) {
      case 'AssumeRole':
        return {
          title: PARAMETERS,
          detail: `RoleSessionName \`${v.sessionName}\` matches [\\w+=,.@-]* (2–64)${v.duration !== undefined ? `; DurationSeconds ${v.duration} in 900–43200` : ''}`,
        };
      case 'AssumeRoleWithWebIdentity':
        return { title: PARAMETERS, detail: `RoleSessionName \`${v.sessionName}\`` };
      case 'GetFederationToken':
        return { title: PARAMETERS, detail: `Name \`${v.name}\` (2–32)` };
      case 'GetAccessKeyInfo':
        return { title: 'AccessKeyId is 16–128 word characters', detail: v.accessKeyId };
      default:
        return { title: PARAMETERS };
    }
  },
  'mfa.device': (v, ok) =>
    ok
      ? { title: "SerialNumber is the caller's MFA device", detail: v.device ?? '' }
      : {
          title: 'SerialNumber is an MFA device of the caller',
          detail: v.device
            ? `sent ${v.sent ?? '(none)'}; the caller's device is ${v.device}`
            : `the caller has no MFA device (sent ${v.sent ?? '(none)'})`,
        },
  'mfa.code': (v, ok) => ({
    title: "TokenCode is the device's current code",
    detail: ok ? 'the session will be MFA-authenticated' : `sent ${v.sent}`,
  }),
  'key.known': (v, ok) =>
    ok
      ? {
          title: `${v.key} belongs to account ${v.account ?? ''}`,
          detail: v.key.startsWith('ASIA') ? 'a temporary key (ASIA…)' : 'a long-term key (AKIA…)',
        }
      : { title: 'the key belongs to this world', detail: `${v.key} was never issued here` },
  'message.valid': (v) =>
    'message' in v
      ? { title: 'EncodedMessage is an authorization message', detail: v.message }
      : { title: 'decoded the authorization failure', detail: `${v.action} on ${v.resource}` },
};
