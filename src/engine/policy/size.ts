// Policy size quotas: IAM refuses a policy document that is too long, so a world that could not
// exist in AWS is reported (errors where no account could hold the policy, warnings where only a
// quota increase or another way of attaching it would).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html ("IAM and AWS STS
// character limits": role trust policy 2,048 characters by default, adjustable up to 4,096; managed
// policy 6,144; inline policies per user 2,048 and per role 10,240 in total; white space not counted).
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html (SCP 5,120;
// that page counts white space when a policy is saved through the API: here it is never counted).
import type { World, WorldProblem } from '../types.js';

export const POLICY_LIMITS = {
  trustDefault: 2048,
  trustMax: 4096,
  managed: 6144,
  userInline: 2048,
  roleInline: 10240,
  scp: 5120,
} as const;

/** The size IAM counts: the policy as JSON, white space left out. */
export function policyChars(doc: unknown): number {
  let n = 0;
  for (const c of JSON.stringify(doc) ?? '') if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') n++;
  return n;
}

/** 6144 → `6,144`. */
const n = (x: number) => String(x).replace(/\B(?=(\d{3})+$)/g, ',');

export const SIZE_MSG = {
  tooLong: (what: string, size: number, max: number, why: string) =>
    `${what} is ${n(size)} characters; ${why} ${n(max)}`,
  trustQuota: 'over the default quota: this role needs a quota increase (up to 4,096) in the real AWS',
  userInlineHint:
    'as inline policies a user holds 2,048 characters in total; in AWS attach the larger ones as managed policies (6,144 each)',
  roleInlineHint:
    'as inline policies a role holds 10,240 characters in total; in AWS attach some as managed policies (6,144 each)',
  split: 'split it into smaller policies',
} as const;

type Path = (string | number)[];

/** Every policy of the world that no account, or no default account, could hold. */
export function policySizeProblems(world: World): WorldProblem[] {
  const out: WorldProblem[] = [];
  const over = (doc: unknown, max: number, path: Path, what: string, why: string, hint?: string) => {
    const size = policyChars(doc);
    if (size <= max) return false;
    out.push({
      path,
      message: SIZE_MSG.tooLong(what, size, max, why),
      hint: hint ?? SIZE_MSG.split,
      severity: 'error',
    });
    return true;
  };
  const total = (docs: readonly unknown[] | undefined) =>
    (docs ?? []).reduce<number>((s, d) => s + policyChars(d), 0);

  (world.roles ?? []).forEach((role, r) => {
    const at: Path = ['roles', r];
    const what = `role ${role.name}`;
    if (
      !over(
        role.trust,
        POLICY_LIMITS.trustMax,
        [...at, 'trust'],
        `${what}: the trust policy`,
        'IAM allows at most',
      )
    )
      if (policyChars(role.trust) > POLICY_LIMITS.trustDefault)
        out.push({
          path: [...at, 'trust'],
          message: SIZE_MSG.tooLong(
            `${what}: the trust policy`,
            policyChars(role.trust),
            POLICY_LIMITS.trustDefault,
            'the default quota is',
          ),
          hint: SIZE_MSG.trustQuota,
          severity: 'warning',
        });
    (role.policies ?? []).forEach((d, i) =>
      over(
        d,
        POLICY_LIMITS.roleInline,
        [...at, 'policies', i],
        `${what}: policy ${i + 1}`,
        'a role policy holds at most',
      ),
    );
    const sum = total(role.policies);
    if (
      sum > POLICY_LIMITS.roleInline &&
      (role.policies ?? []).every((d) => policyChars(d) <= POLICY_LIMITS.managed)
    )
      out.push({
        path: [...at, 'policies'],
        message: SIZE_MSG.tooLong(
          `${what}: its policies together`,
          sum,
          POLICY_LIMITS.roleInline,
          'inline policies hold at most',
        ),
        hint: SIZE_MSG.roleInlineHint,
        severity: 'warning',
      });
    if (role.permissionsBoundary)
      over(
        role.permissionsBoundary,
        POLICY_LIMITS.managed,
        [...at, 'permissionsBoundary'],
        `${what}: the permissions boundary`,
        'a managed policy holds at most',
      );
  });

  (world.users ?? []).forEach((user, u) => {
    const at: Path = ['users', u];
    const what = `user ${user.name}`;
    const fits = (user.policies ?? []).map(
      (d, i) =>
        !over(
          d,
          POLICY_LIMITS.managed,
          [...at, 'policies', i],
          `${what}: policy ${i + 1}`,
          'a managed policy holds at most',
        ),
    );
    const sum = total(user.policies);
    if (sum > POLICY_LIMITS.userInline && fits.every(Boolean))
      out.push({
        path: [...at, 'policies'],
        message: SIZE_MSG.tooLong(
          `${what}: its policies together`,
          sum,
          POLICY_LIMITS.userInline,
          'inline policies hold at most',
        ),
        hint: SIZE_MSG.userInlineHint,
        severity: 'warning',
      });
    if (user.permissionsBoundary)
      over(
        user.permissionsBoundary,
        POLICY_LIMITS.managed,
        [...at, 'permissionsBoundary'],
        `${what}: the permissions boundary`,
        'a managed policy holds at most',
      );
  });

  (world.managedPolicies ?? []).forEach((m, i) =>
    over(
      m.policy,
      POLICY_LIMITS.managed,
      ['managedPolicies', i, 'policy'],
      `managed policy ${m.name}`,
      'a managed policy holds at most',
    ),
  );
  (world.organization?.scps ?? []).forEach((scp, i) =>
    over(
      scp.policy,
      POLICY_LIMITS.scp,
      ['organization', 'scps', i, 'policy'],
      `SCP ${scp.name}`,
      'an SCP holds at most',
    ),
  );
  return out;
}
