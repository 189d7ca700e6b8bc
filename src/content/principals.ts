/**
 * Who may make a call in a scenario's world (`call --as`, `call --list-principals`): the world's
 * IAM users, account root users, Identity Center users, the steps that produced credentials,
 * the service principals its trust policies name, and `anonymous`.
 */
import type { Scenario } from './schema.js';

export function worldPrincipals(scenario: Scenario): string[] {
  const w = scenario.world;
  const accounts = new Set<string>([
    ...(w.accounts ?? []).map((a) => a.id),
    ...(w.users ?? []).map((u) => u.account),
    ...(w.roles ?? []).map((r) => r.account),
    ...(w.organization?.accounts ?? []),
  ]);
  const services = new Set<string>();
  for (const role of w.roles ?? []) collectServices(role.trust, services);
  return [
    ...(w.users ?? []).map((u) => `user/${u.name}`),
    ...[...accounts].map((a) => `root/${a}`),
    ...(w.identityCenter?.users ?? []).map((u) => `sso/${u.name}`),
    ...[...services].map((s) => `service/${s}`),
    ...scenario.steps.filter((s) => s.call).map((s) => `$${s.id}`),
    'anonymous',
  ];
}

/** Service principals named anywhere in a policy document (`Principal: {Service: …}`). */
function collectServices(doc: unknown, into: Set<string>): void {
  if (Array.isArray(doc)) {
    for (const d of doc) collectServices(d, into);
  } else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if (k !== 'Service') collectServices(v, into);
      else for (const s of [v].flat()) if (typeof s === 'string') into.add(s);
    }
  }
}

/**
 * Why `as` names nobody in the world, or undefined when it does. Any 12-digit account's root and
 * any service principal are accepted (the engine models both); an IAM or Identity Center user,
 * a step or an unknown form must exist.
 */
export function unknownPrincipal(
  scenario: Scenario,
  as: string,
  principals: readonly string[],
): string | undefined {
  if (as === 'anonymous' || principals.includes(as)) return undefined;
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  if (as.startsWith('$'))
    return `scenario \`${scenario.id}\` has no step \`${as.slice(1)}\` that makes a call`;
  if (kind === 'root' && /^\d{12}$/.test(name)) return undefined;
  if (kind === 'service' && name !== '') return undefined;
  if (kind === 'user') return `scenario \`${scenario.id}\` has no IAM user \`${name}\``;
  if (kind === 'sso') return `scenario \`${scenario.id}\` has no Identity Center user \`${name}\``;
  if (kind === 'root') return `\`${as}\` is not a root user: expected root/ and a 12-digit account ID`;
  return `\`${as}\` is not a caller: expected user/NAME, root/ACCOUNT, sso/NAME, service/PRINCIPAL, $STEP or anonymous`;
}
