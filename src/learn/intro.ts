/** The scenario's intro: title, story and the cast (accounts, users, roles, providers, Identity Center). */
import type { Policy, Scenario, World } from '../content/schema.js';
import { renderTable } from '../ui/table.js';
import type { Theme } from '../ui/theme.js';

/** Who a trust policy trusts, in one short line: `AWS 111111111111, Service ec2.amazonaws.com`. */
export function trustSummary(policy: Policy): string {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  const out: string[] = [];
  for (const s of statements) {
    if (s.Effect !== 'Allow' || !s.Principal) continue;
    if (s.Principal === '*') out.push('anyone (*)');
    else
      for (const [kind, v] of Object.entries(s.Principal))
        for (const value of Array.isArray(v) ? v : [v]) out.push(`${kind} ${value}`);
  }
  return out.length > 0 ? `trusts ${[...new Set(out)].join(', ')}` : 'trusts no one';
}

/** One row per actor: kind, name, account, what matters about it. */
export function actorRows(world: World): string[][] {
  const rows: string[][] = [];
  const accountName = new Map((world.accounts ?? []).map((a) => [a.id, a.name ?? '']));
  for (const a of world.accounts ?? []) rows.push(['account', a.name ?? a.id, a.id, '']);
  if (world.organization) {
    const o = world.organization;
    const scps = (o.scps ?? []).map((s) => s.name).join(', ');
    rows.push([
      'organization',
      o.id,
      o.management ?? '',
      `${o.accounts.length} accounts${scps ? `; SCPs: ${scps}` : ''}`,
    ]);
  }
  for (const u of world.users ?? []) {
    const notes = [
      u.mfa ? 'MFA device' : '',
      u.tags
        ? `tags ${Object.entries(u.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push(['IAM user', u.name, u.account, notes]);
  }
  for (const r of world.roles ?? []) {
    const max = r.maxSessionDuration ? `; max session ${r.maxSessionDuration / 3600} h` : '';
    rows.push(['IAM role', r.name, r.account, trustSummary(r.trust) + max]);
  }
  for (const p of world.samlProviders ?? [])
    rows.push(['SAML provider', p.name, p.account, `issuer ${p.issuer}`]);
  for (const p of world.oidcProviders ?? [])
    rows.push(['OIDC provider', p.url, p.account, `audiences ${p.audiences.join(', ')}`]);
  const ic = world.identityCenter;
  if (ic) {
    for (const u of ic.users) rows.push(['Identity Center user', u.name, ic.account, u.email ?? '']);
    for (const ps of ic.permissionSets)
      rows.push(['permission set', ps.name, ic.account, `session ${(ps.sessionDuration ?? 3600) / 3600} h`]);
    for (const a of ic.assignments)
      rows.push([
        'assignment',
        `${a.user} → ${a.permissionSet}`,
        a.account,
        accountName.get(a.account) ?? '',
      ]);
  }
  for (const r of world.resources ?? []) {
    const tags = r.tags
      ? `tags ${Object.entries(r.tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`
      : '';
    rows.push([
      'resource',
      r.arn,
      r.account ?? '',
      [r.policy ? 'resource policy' : '', tags].filter(Boolean).join('; '),
    ]);
  }
  return rows;
}

/** Title, level and topics, summary, and the actors table. */
export function renderIntro(scenario: Scenario, t: Theme): string {
  const meta = [scenario.level, (scenario.topics ?? []).join(', ')].filter(Boolean).join(' · ');
  const out = [t.heading(scenario.title)];
  if (meta) out.push(t.dim(t.wrap(meta)));
  if (scenario.summary) out.push('', t.wrap(scenario.summary));
  const rows = actorRows(scenario.world);
  if (rows.length > 0) {
    out.push(
      '',
      t.bold('Who is involved:'),
      renderTable(['kind', 'name', 'account', 'notes'], rows, t).trimEnd(),
    );
  }
  if (scenario.world.start)
    out.push('', t.dim(`Simulated time starts at ${scenario.world.start.replace('T', ' ')}.`));
  return out.join('\n');
}

/** The takeaways as a bulleted list. */
export function renderTakeaways(scenario: Scenario, t: Theme): string {
  const items = scenario.takeaways ?? [];
  if (items.length === 0) return '';
  return [t.heading('Takeaways'), ...items.map((s) => `${t.sym.bullet} ${t.wrap(s, 2).trimStart()}`)].join(
    '\n',
  );
}
