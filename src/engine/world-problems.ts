/**
 * What can be wrong with a world, found when it is built, as codes with their values (a malformed
 * policy, a dangling reference, a policy too long for IAM). The sentences are built outside the engine
 * (src/content/problem-text.ts).
 */
import type { PolicyProblemDetail } from './policy/problems.js';
import type { PolicyRef } from './policy/ref.js';

/** Which IAM or Organizations size quota a policy is over (policy/size.ts). */
export type SizeLimit =
  /** A role trust policy over the adjustable maximum (4,096). */
  | 'trust-max'
  /** A role trust policy over the default quota (2,048): legal after a quota increase. */
  | 'trust-default'
  /** One inline role policy over the role's inline total (10,240). */
  | 'role-inline'
  /** A role's inline policies together, each small enough to attach as managed instead. */
  | 'role-inline-total'
  /** A user's inline policies together, each small enough to attach as managed instead. */
  | 'user-inline-total'
  /** A policy over the managed-policy size (6,144). */
  | 'managed'
  | 'scp';

/** What a size problem measured: one policy, or a principal's inline policies together. */
export type SizeSubject =
  PolicyRef | { kind: 'role-policies'; role: string } | { kind: 'user-policies'; user: string };

/** One problem with the world, by code. */
export type WorldProblemDetail =
  /** A problem inside one of the world's policies (`statement` 0-based, when in a statement). */
  | (PolicyProblemDetail & { policy: PolicyRef; statement?: number })
  /** docs/decisions.md#wildcard-trust-principal: an Allow for `*` with no condition. */
  | { code: 'open-trust'; policy: PolicyRef; statement: number }
  /** `start` is not an ISO-8601 time from 1970 to 9999. */
  | { code: 'invalid-start'; start: string }
  /** An SCP attached to the organization's management account (SCPs never apply there). */
  | { code: 'scp-management'; scp: string; account: string }
  | { code: 'duplicate-user'; name: string }
  | { code: 'duplicate-role'; name: string }
  | { code: 'unknown-sso-user'; user: string }
  | { code: 'unknown-permission-set'; permissionSet: string }
  /** `size` characters (white space not counted) against a quota of `max`. */
  | { code: 'policy-size'; subject: SizeSubject; limit: SizeLimit; size: number; max: number };

/** A world problem's code. */
export type WorldProblemCode = WorldProblemDetail['code'];

/** A problem with the world itself, found when it is built. */
export type WorldProblem = WorldProblemDetail & {
  /** Path into the world object, e.g. ['roles', 0, 'trust', 'Statement', 0, 'Condition']. */
  path: (string | number)[];
  /** `warning` for legal but risky content (e.g. a `*` principal with no condition). */
  severity: 'error' | 'warning';
};
