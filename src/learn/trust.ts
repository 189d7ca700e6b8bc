/** The raw trust policy of the role a call involves, with the statement that matched highlighted. */
import type { Call, Policy, World } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import type { Theme } from '../ui/theme.js';

export interface TrustView {
  roleArn: string;
  policy: Policy;
  /**
   * Indexes of the statements that allowed (or explicitly denied) the call, in the order STS asked:
   * sts:AssumeRole first, then sts:TagSession or sts:SetSourceIdentity when the call needs them too.
   * Empty when none matched.
   */
  matched: number[];
  /** Whether the call's trust evaluation was reached at all. */
  evaluated: boolean;
}

const roleArnOf = (r: { name: string; account: string; path?: string }) =>
  `arn:aws:iam::${r.account}:role${r.path ?? '/'}${r.name}`;

/** The role a call targets (its RoleArn parameter), when the world defines it. */
export function trustViewFor(world: World, call: Call, result?: CallResult): TrustView | undefined {
  const arn = call.params?.RoleArn;
  if (typeof arn !== 'string') return undefined;
  const role = world.roles?.find(
    (r) => roleArnOf(r) === arn || `arn:aws:iam::${r.account}:role/${r.name}` === arn,
  );
  if (!role) return undefined;
  const matched: number[] = [];
  let evaluated = false;
  for (const check of result?.trace ?? []) {
    const evals = check.decision?.evaluations ?? (check.policy ? [check.policy] : []);
    for (const e of evals) {
      if (e.kind !== 'trust') continue;
      evaluated = true;
      const hit =
        e.result === 'Deny' ? e.statements.find((s) => s.matched && s.effect === 'Deny') : e.matchedAllow;
      if (hit && !matched.includes(hit.index)) matched.push(hit.index);
    }
  }
  return { roleArn: roleArnOf(role), policy: role.trust, matched, evaluated };
}

/** The trust policy as IAM JSON; the matching statement's lines are marked `>` and highlighted. */
export function renderTrustPolicy(view: TrustView, t: Theme): string {
  const statements = Array.isArray(view.policy.Statement) ? view.policy.Statement : [view.policy.Statement];
  const lines: string[] = [];
  const mark = (line: string, hit: boolean) => (hit ? t.accent(`> ${line}`) : `  ${line}`);
  lines.push(mark('{', false));
  if (view.policy.Version) lines.push(mark(`  "Version": ${JSON.stringify(view.policy.Version)},`, false));
  lines.push(mark('  "Statement": [', false));
  statements.forEach((s, i) => {
    const body = JSON.stringify(s, null, 2).split('\n');
    const comma = i < statements.length - 1 ? ',' : '';
    body.forEach((l, j) =>
      lines.push(mark(`    ${l}${j === body.length - 1 ? comma : ''}`, view.matched.includes(i))),
    );
  });
  lines.push(mark('  ]', false));
  lines.push(mark('}', false));
  const note = !view.evaluated
    ? 'STS stopped before it evaluated this trust policy.'
    : view.matched.length === 0
      ? 'No statement matched this call.'
      : view.matched.length === 1
        ? `Statement ${view.matched[0]! + 1} (marked >) decided this call.`
        : `Statements ${view.matched.map((i) => i + 1).join(' and ')} (marked >) decided this call: each allows one of the actions it needs (sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity).`;
  return [t.bold(`Trust policy of ${view.roleArn}`), ...lines, t.dim(note)].join('\n');
}
