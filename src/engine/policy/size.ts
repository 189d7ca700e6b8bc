// Policy size quotas: IAM refuses a policy document that is too long, so a world that could not
// exist in AWS is reported (errors where no account could hold the policy, warnings where only a
// quota increase or another way of attaching it would).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html ("IAM and AWS STS
// character limits": role trust policy 2,048 characters by default, adjustable up to 4,096; managed
// policy 6,144; inline policies per user 2,048 and per role 10,240 in total; white space not counted).
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html (SCP 5,120;
// that page counts white space when a policy is saved through the API: here it is never counted).
import type { SizeLimit, SizeSubject, World, WorldProblem } from '../types.js';

export const POLICY_LIMITS = {
  trustDefault: 2048,
  trustMax: 4096,
  managed: 6144,
  userInline: 2048,
  roleInline: 10240,
  scp: 5120,
} as const;

/** The quota each size limit measures against. */
const MAX: Record<SizeLimit, number> = {
  'trust-max': POLICY_LIMITS.trustMax,
  'trust-default': POLICY_LIMITS.trustDefault,
  'role-inline': POLICY_LIMITS.roleInline,
  'role-inline-total': POLICY_LIMITS.roleInline,
  'user-inline-total': POLICY_LIMITS.userInline,
  managed: POLICY_LIMITS.managed,
  scp: POLICY_LIMITS.scp,
};

/**
 * The size IAM counts: the policy as JSON, white space left out, in characters (a character outside
 * the Basic Multilingual Plane, two UTF-16 units, counts once: its second unit is skipped; JSON.stringify
 * writes a lone surrogate as an escape, so every low surrogate in its text ends a pair).
 */
export function policyChars(doc: unknown): number {
  const text = JSON.stringify(doc) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // space, tab, line feed, carriage return; a low surrogate
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
}

type Path = (string | number)[];

/** Every policy of the world that no account, or no default account, could hold. */
export function policySizeProblems(world: World): WorldProblem[] {
  const out: WorldProblem[] = [];
  // An inline policy is measured up to three times (alone, as a managed policy, in its total)
  const sizes = new Map<unknown, number>();
  const sizeOf = (doc: unknown): number => {
    let size = sizes.get(doc);
    if (size === undefined) sizes.set(doc, (size = policyChars(doc)));
    return size;
  };
  const problem = (
    path: Path,
    subject: SizeSubject,
    limit: SizeLimit,
    size: number,
    severity: WorldProblem['severity'],
  ) => out.push({ code: 'policy-size', subject, limit, size, max: MAX[limit], path, severity });
  /** An error when `doc` is over `limit`; true when it was. */
  const over = (doc: unknown, limit: SizeLimit, path: Path, subject: SizeSubject) => {
    const size = sizeOf(doc);
    if (size <= MAX[limit]) return false;
    problem(path, subject, limit, size, 'error');
    return true;
  };
  const total = (docs: readonly unknown[] | undefined) =>
    (docs ?? []).reduce<number>((s, d) => s + sizeOf(d), 0);

  /** A principal's inline policies: each against `each`; together against `together` when every one of
   * them could be attached as a managed policy instead. */
  const inline = (
    docs: readonly unknown[] | undefined,
    at: Path,
    each: SizeLimit,
    one: (index: number) => SizeSubject,
    together: SizeLimit,
    all: SizeSubject,
  ) => {
    const fits = (docs ?? []).map(
      (d, index) => !over(d, each, [...at, 'policies', index], one(index)) && sizeOf(d) <= MAX.managed,
    );
    const sum = total(docs);
    if (sum > MAX[together] && fits.every(Boolean))
      problem([...at, 'policies'], all, together, sum, 'warning');
  };
  const boundary = (doc: unknown, at: Path, subject: SizeSubject) => {
    if (doc) over(doc, 'managed', [...at, 'permissionsBoundary'], subject);
  };

  (world.roles ?? []).forEach((r, i) => {
    const at: Path = ['roles', i];
    const role = r.name;
    if (!over(r.trust, 'trust-max', [...at, 'trust'], { kind: 'trust', role })) {
      const size = sizeOf(r.trust);
      if (size > MAX['trust-default'])
        problem([...at, 'trust'], { kind: 'trust', role }, 'trust-default', size, 'warning');
    }
    const one = (index: number) => ({ kind: 'role-policy', role, index }) as const;
    inline(r.policies, at, 'role-inline', one, 'role-inline-total', { kind: 'role-policies', role });
    boundary(r.permissionsBoundary, at, { kind: 'role-boundary', role });
  });

  (world.users ?? []).forEach((u, i) => {
    const at: Path = ['users', i];
    const user = u.name;
    const one = (index: number) => ({ kind: 'user-policy', user, index }) as const;
    inline(u.policies, at, 'managed', one, 'user-inline-total', { kind: 'user-policies', user });
    boundary(u.permissionsBoundary, at, { kind: 'user-boundary', user });
  });

  (world.managedPolicies ?? []).forEach((m, i) =>
    over(m.policy, 'managed', ['managedPolicies', i, 'policy'], { kind: 'managed', name: m.name }),
  );
  (world.organization?.scps ?? []).forEach((scp, i) =>
    over(scp.policy, 'scp', ['organization', 'scps', i, 'policy'], { kind: 'scp', name: scp.name }),
  );
  return out;
}
