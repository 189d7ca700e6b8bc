/** The words for the checks on the session being made: role, duration, policies, tags and issue. */
import { humanDuration } from '../ui/duration.js';
import type { DurationLimitValues } from '../engine/types.js';
import type { CheckWords, WordingTable } from './check-text.js';
import { policyProblemText } from '../content/policy-problem-text.js';
import { policyRefText } from '../content/policy-ref-text.js';

type SessionIds =
  | 'role.exists'
  | 'duration.chaining'
  | 'duration.limit'
  | 'duration.root'
  | 'duration.saml'
  | 'duration.sso'
  | 'iam.policy'
  | 'iam.put-role-policy'
  | 'iam.role'
  | 'issue.credentials'
  | 'issue.packed'
  | 'session.none'
  | 'session.policy'
  | 'session.policyArns'
  | 'source-identity.immutable'
  | 'tags.inherited'
  | 'tags.rules'
  | 'tags.transitive'
  | 'tags.unique';

/** "requested 7200 s", or "default 1 h" when the call named no duration. */
const asked = (v: DurationLimitValues) =>
  v.requested === undefined ? `default ${humanDuration(v.seconds)}` : `requested ${v.requested} s`;

const pairs = (tags: Record<string, string>) =>
  Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

function durationLimit(v: DurationLimitValues, ok: boolean): CheckWords {
  switch (v.rule) {
    case 'chaining':
      return {
        title: 'duration within the 1-hour role-chaining limit',
        detail: `${asked(v)}; limit ${v.maximum} s`,
      };
    case 'service':
      return {
        title: `duration ${humanDuration(v.seconds)}: MaxSessionDuration does not limit sessions AWS services assume`,
        detail: asked(v),
      };
    case 'token':
      return { title: `duration ${humanDuration(v.seconds)}`, detail: asked(v) };
    case 'role':
      return ok
        ? {
            title: `duration ${humanDuration(v.seconds)} is within the limits`,
            detail: `${asked(v)}; role maximum ${v.maximum} s${v.chaining ? '; chaining limit 3600 s' : ''}`,
          }
        : {
            title: "duration within the role's MaxSessionDuration",
            detail: `${asked(v)}; role ${v.role} allows at most ${v.maximum} s`,
          };
  }
}

const ISSUED = {
  'role-session': 'temporary',
  'session-token': 'session',
  'federated-user': 'federated-user',
};

export const SESSION_TEXT: WordingTable<SessionIds> = {
  'role.exists': (v, ok) =>
    ok
      ? { title: `the role exists: ${v.role}`, detail: `unique id ${v.uniqueId ?? ''}` }
      : { title: 'the role exists', detail: `no role \`${v.role}\` in this world` },
  'duration.chaining': (v) => ({
    title: 'role chaining: the session is capped at 1 hour',
    detail:
      v.via === 'session-token'
        ? 'GetSessionToken credentials calling AssumeRole are treated as role chaining (observed AWS behaviour, not documented)'
        : 'the caller is a role session, so this is role chaining',
  }),
  'duration.limit': durationLimit,
  'duration.root': (v) => ({
    title: "the root user's sessions are silently capped at 1 hour",
    detail: `requested ${v.requested} s → ${v.maximum} s`,
  }),
  'duration.saml': (v) =>
    v.source === 'attribute'
      ? { title: `the SessionDuration attribute shortens the session to ${v.seconds} s` }
      : { title: `SessionNotOnOrAfter caps the session at ${v.until}`, detail: `${v.seconds} s` },
  'duration.sso': (v) => ({ title: `the permission set's session duration: ${v.seconds} s` }),
  'iam.role': (v) => ({ title: 'the role exists', detail: `no role \`${v.role}\`` }),
  'iam.policy': (v) => ({
    title: 'the policy document is valid',
    detail: policyProblemText(v.problem).message,
  }),
  'iam.put-role-policy': (v) => ({
    title: `inline policy ${v.policy} is now attached to role ${v.role}`,
    detail:
      'it applies to every session of the role from the next request on, including sessions issued earlier',
  }),
  'issue.packed': (v) => ({
    title: 'session policies and tags fit the packed size limit',
    detail: `${v.percent}% of the allotted space`,
  }),
  'issue.credentials': (v) => ({
    title: `issued ${ISSUED[v.kind]} credentials for ${v.arn}`,
    detail: `access key ${v.accessKeyId}${v.expiration !== undefined ? `; expires ${v.expiration}` : ''}${v.mfa ? '; MFA-authenticated' : ''}`,
  }),
  'session.none': () => ({
    title: 'no session policy: the federated user will have no permissions',
    detail: 'except where a resource-based policy names the federated-user ARN',
  }),
  'session.policy': (v): CheckWords => {
    if ('policies' in v) {
      const n = v.policies.length;
      return {
        title: `${n} session ${n === 1 ? 'policy' : 'policies'}: the session gets at most what they allow`,
        detail: v.policies.map(policyRefText).join(', '),
      };
    }
    return v.problem === 'json'
      ? { title: 'the session policy is JSON' }
      : { title: 'the session policy is a valid IAM policy', detail: policyProblemText(v.detail).message };
  },
  'session.policyArns': (v) => ({
    title: 'each PolicyArn is a managed policy',
    detail: `\`${v.arn}\` does not exist in this world`,
  }),
  'source-identity.immutable': (v) => ({
    title: 'source identity is unchanged from the calling session',
    detail: `the session carries \`${v.inherited}\`; the request sets \`${v.passed}\` (AWS denies the request; its exact message is not documented)`,
  }),
  'tags.unique': (v) => ({
    title: 'tag keys are unique, ignoring case',
    detail: `\`${v.key}\` appears twice`,
  }),
  'tags.transitive': (v) =>
    'key' in v
      ? { title: 'every transitive tag key is one of the tags', detail: `\`${v.key}\` is not a tag` }
      : { title: 'federated-user sessions cannot chain, so tags are never transitive' },
  'tags.inherited': (v) => ({
    title: 'no tag overrides a transitive tag inherited from the calling session',
    detail: `\`${v.key}\` is inherited as transitive`,
  }),
  'tags.rules': (v) => ({
    title: 'session tags are well formed',
    detail: [
      Object.keys(v.passed).length ? `passed: ${pairs(v.passed)}` : '',
      v.transitive.length ? `transitive: ${v.transitive.join(', ')}` : '',
      Object.keys(v.inherited).length ? `inherited transitive: ${pairs(v.inherited)}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  }),
};
