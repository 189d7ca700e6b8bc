// Matching the Principal / NotPrincipal element against the requesting principal.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
import type { PrincipalEntry, PrincipalMatch, PrincipalMatchVia, RequestPrincipal } from './types.js';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
const USER_ARN = /^arn:[^:]+:iam::\d{12}:user\//;
const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\//;
const SESSION_ARN = /^arn:[^:]+:sts::\d{12}:assumed-role\//;
const FEDERATED_USER_ARN = /^arn:[^:]+:sts::\d{12}:federated-user\//;

// An account principal delegates to every IAM identity of that account (not only the root user).
const ACCOUNT_KINDS = new Set(['root', 'user', 'assumed-role', 'federated-user']);

/** How specific a match is: a more specific grant decides what authorize() may bypass. */
export const VIA_RANK: Record<PrincipalMatchVia, number> = {
  wildcard: 0,
  account: 1,
  service: 2,
  federated: 2,
  role: 3,
  'federated-user': 4,
  session: 4,
  user: 4,
};

/** Which way (if any) one policy principal entry names the requesting principal. No partial wildcards:
 * only a bare `*` is a wildcard; any other value is compared exactly (user and role names are
 * case-sensitive in ARNs). */
export function entryMatch(entry: PrincipalEntry, p: RequestPrincipal): PrincipalMatchVia | undefined {
  const v = entry.value;
  switch (entry.type) {
    case 'AWS': {
      if (v === '*') return 'wildcard';
      const account = ACCOUNT_ID.test(v) ? v : ROOT_ARN.exec(v)?.[1];
      if (account !== undefined)
        return ACCOUNT_KINDS.has(p.kind) && p.account === account ? 'account' : undefined;
      if (USER_ARN.test(v)) return p.kind === 'user' && p.arn === v ? 'user' : undefined;
      if (ROLE_ARN.test(v)) return p.kind === 'assumed-role' && p.roleArn === v ? 'role' : undefined;
      if (SESSION_ARN.test(v)) return p.kind === 'assumed-role' && p.arn === v ? 'session' : undefined;
      if (FEDERATED_USER_ARN.test(v))
        return p.kind === 'federated-user' && p.arn === v ? 'federated-user' : undefined;
      // Unique IDs (AROA…) left behind by a deleted principal, or anything else, match nobody.
      return undefined;
    }
    case 'Service':
      // Service principal names are lower-case DNS names; compare without case.
      return p.kind === 'service' && p.arn.toLowerCase() === v.toLowerCase() ? 'service' : undefined;
    case 'Federated':
      return p.kind === 'federated' && p.arn === v ? 'federated' : undefined;
    case 'CanonicalUser':
      // S3-only; the simulator has no canonical users.
      return undefined;
  }
}

/** Principal: matched when any entry names the principal (OR); the most specific match is reported.
 * NotPrincipal: matched when no entry names the principal. */
export function matchPrincipal(
  spec: { not: boolean; entries: PrincipalEntry[] },
  principal: RequestPrincipal,
): PrincipalMatch {
  let best: { via: PrincipalMatchVia; value: string } | undefined;
  for (const entry of spec.entries) {
    const via = entryMatch(entry, principal);
    if (via && (!best || VIA_RANK[via] > VIA_RANK[best.via])) best = { via, value: entry.value };
  }
  if (spec.not) {
    return best
      ? { element: 'NotPrincipal', matched: false, value: best.value }
      : { element: 'NotPrincipal', matched: true };
  }
  return best
    ? { element: 'Principal', matched: true, value: best.value, via: best.via }
    : { element: 'Principal', matched: false };
}
