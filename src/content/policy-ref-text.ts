/**
 * How a policy is named to a reader (a trace line, a problem, a step of the "why?" screen), from the
 * engine's reference to it: `trust policy of role Ops`, `user alice policy 1`.
 */
import type { PolicyRef } from '../engine/types.js';

const WORDS: { [K in PolicyRef['kind']]: (ref: Extract<PolicyRef, { kind: K }>) => string } = {
  trust: (r) => `trust policy of role ${r.role}`,
  'role-policy': (r) => `role ${r.role} policy ${r.index + 1}`,
  'role-boundary': (r) => `permissions boundary of role ${r.role}`,
  'user-policy': (r) => `user ${r.user} policy ${r.index + 1}`,
  'user-boundary': (r) => `permissions boundary of user ${r.user}`,
  'permission-set-policy': (r) => `permission set ${r.permissionSet} policy ${r.index + 1}`,
  'permission-set-boundary': (r) => `permissions boundary of ${r.permissionSet}`,
  scp: (r) => `SCP ${r.name}`,
  managed: (r) => `managed policy ${r.name}`,
  'aws-managed': (r) => `AWS managed policy ${r.name}`,
  resource: (r) => `resource policy of ${r.arn}`,
  session: () => 'session policy',
  'managed-session': (r) => `managed session policy ${r.name}`,
  inline: (r) => `inline policy ${r.name} of role ${r.role}`,
  named: (r) => r.name,
};

/** The policy's name as a reader sees it. */
export function policyRefText(ref: PolicyRef): string {
  return (WORDS[ref.kind] as (r: PolicyRef) => string)(ref);
}
