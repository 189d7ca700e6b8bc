/**
 * One line per authorization step, in the learner's words, built from the engine's step codes
 * (the engine says why as data; the wording lives here).
 */
import type {
  AuthorizationStep,
  ConditionEvaluation,
  ConditionReason,
  PrincipalMatchVia,
  StepCode,
} from '../engine/policy/types.js';
import { policyRefText } from '../content/policy-ref-text.js';

const VIA_TEXT: Record<PrincipalMatchVia, string> = {
  wildcard: 'everyone (`*`)',
  account: 'the account',
  user: 'the IAM user ARN',
  role: 'the role ARN',
  session: 'the exact session ARN',
  'federated-user': 'the federated-user ARN',
  service: 'the service principal',
  federated: 'the identity provider',
};

/** The policy a step is about, as the learner reads it. */
const policyName = (step: AuthorizationStep): string =>
  step.policy ? policyRefText(step.policy) : 'a policy';

const statementName = (step: AuthorizationStep): string =>
  step.statement
    ? `statement ${step.statement.index + 1}${step.statement.sid ? ` (${step.statement.sid})` : ''}`
    : 'a statement';

const STEP_TEXT: Record<StepCode, (step: AuthorizationStep, via: string | undefined) => string> = {
  'explicit-deny': (s) => `explicit Deny in \`${policyName(s)}\` ${statementName(s)}: a Deny always wins`,
  'no-scps': () => "no extra SCPs apply to the principal's account",
  'scp-pass': () => 'FullAWSAccess (implicit) allows; no SCP Deny matched',
  'no-trust-policy': () => 'the role has no trust policy to evaluate',
  'trust-allow': (s, via) =>
    `\`${policyName(s)}\` ${statementName(s)} allows, naming ${via ?? 'the principal'}`,
  'trust-no-allow': (s) =>
    `\`${policyName(s)}\` has no matching Allow: a trust policy must explicitly allow the principal`,
  'no-resource-policy': () => 'no resource-based policy',
  'resource-no-allow': (s) => `\`${policyName(s)}\` has no matching Allow`,
  'cross-account-no-resource': () =>
    'cross-account: the resource side must allow too, and nothing on it does',
  'direct-grant': (_, via) =>
    `same account: the resource policy names ${via ?? 'the principal'}, which is enough on its own`,
  bypassed: (_, via) => `not needed: the resource policy names ${via ?? 'the principal'}`,
  'role-grant': () => 'same account: the resource policy names the role ARN, so no identity policy is needed',
  'only-resource-decides': () =>
    'no identity side (service, federation or anonymous): the resource policy decides',
  root: () => 'the root user: its identity side is implicitly allowed',
  'identity-allow': (s) => `\`${policyName(s)}\` ${statementName(s)} allows`,
  'identity-none': () => 'no identity-based policy allows the action',
  'identity-none-account': (_, via) =>
    `no identity-based policy allows the action, and the resource policy names ${via ?? 'no one'} (not a direct grant)`,
  'no-boundary': () => 'no permissions boundary',
  'boundary-allow': (s) => `the permissions boundary \`${policyName(s)}\` allows`,
  'boundary-none': (s) => `the permissions boundary \`${policyName(s)}\` does not allow the action`,
  'no-session': () => 'no session policy was passed',
  'session-allow': (s) => `the session policy \`${policyName(s)}\` allows`,
  'session-none': () => 'no session policy allows the action',
  'session-required': () => 'a GetFederationToken session without a session policy has no permissions',
};

/** The step's one-line note, e.g. "`trust policy of role R` statement 1 allows, naming the account". */
export function stepNote(step: AuthorizationStep): string {
  return STEP_TEXT[step.code](step, step.via ? VIA_TEXT[step.via] : undefined);
}

const CONDITION_TEXT: Record<ConditionReason, (unresolved: string) => string> = {
  'if-exists-absent': () => 'key absent: …IfExists is true',
  'any-value-absent': () => 'key absent or empty: ForAnyValue is false',
  'all-values-absent': () => 'key absent or empty: ForAllValues is true',
  'negated-absent': () => 'key absent: a negated operator is true',
  'positive-absent': () => 'key absent: the condition is false',
  unresolved: (vars) => `unresolved ${vars}: that value never matches`,
  'unresolved-negated': (vars) => `unresolved ${vars}: the negated condition cannot hold`,
  'multi-no-set': () => 'multivalued key without ForAnyValue/ForAllValues: true if any request value matches',
  'unknown-operator': () => 'unknown operator',
};

/** Why a condition came out as it did, in words (e.g. "key absent: …IfExists is true"), or undefined. */
export function conditionNote(c: ConditionEvaluation): string | undefined {
  return c.reason ? CONDITION_TEXT[c.reason]((c.unresolved ?? []).join(', ')) : undefined;
}
