// Which policy a trace step, an evaluation or a problem is about, as data: the engine names a policy by
// where it sits in the world; the words (`trust policy of role Ops`) are built outside it
// (src/content/policy-ref-text.ts).

/** A policy of the world or of a request, by where it comes from. `index` is 0-based. */
export type PolicyRef =
  | { kind: 'trust'; role: string }
  | { kind: 'role-policy'; role: string; index: number }
  | { kind: 'role-boundary'; role: string }
  | { kind: 'user-policy'; user: string; index: number }
  | { kind: 'user-boundary'; user: string }
  | { kind: 'permission-set-policy'; permissionSet: string; index: number }
  | { kind: 'permission-set-boundary'; permissionSet: string }
  | { kind: 'scp'; name: string }
  /** A customer managed policy of the world. */
  | { kind: 'managed'; name: string }
  | { kind: 'aws-managed'; name: string }
  /** A resource's resource-based policy. */
  | { kind: 'resource'; arn: string }
  /** The inline session policy a request passed. */
  | { kind: 'session' }
  /** A managed policy a request passed as a session policy (`PolicyArns`). */
  | { kind: 'managed-session'; name: string }
  /** An inline policy written to a role during the scenario (iam:PutRolePolicy). */
  | { kind: 'inline'; name: string; role: string }
  /** A policy known by a name only (the engine's own tests, tools). */
  | { kind: 'named'; name: string };
