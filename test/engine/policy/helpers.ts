import { normalizePolicy } from '../../../src/engine/policy/normalize.js';
import type {
  ContextEntry,
  EvalRequest,
  NormalizedPolicy,
  PolicyKind,
  RequestContext,
  RequestPrincipal,
} from '../../../src/engine/policy/types.js';

/** Build a request context; arrays become multivalued keys. */
export function ctx(values: Record<string, string | string[]> = {}): RequestContext {
  const map = new Map<string, ContextEntry>();
  for (const [key, v] of Object.entries(values)) {
    map.set(key.toLowerCase(), { key, values: Array.isArray(v) ? v : [v], multi: Array.isArray(v) });
  }
  return map;
}

export const ACCT = '111122223333';
export const OTHER = '444455556666';
export const principals = {
  alice: { kind: 'user', arn: `arn:aws:iam::${ACCT}:user/Alice`, account: ACCT },
  root: { kind: 'root', arn: `arn:aws:iam::${ACCT}:root`, account: ACCT },
  session: {
    kind: 'assumed-role',
    arn: `arn:aws:sts::${ACCT}:assumed-role/Dev/s1`,
    account: ACCT,
    roleArn: `arn:aws:iam::${ACCT}:role/Dev`,
  },
  fed: { kind: 'federated-user', arn: `arn:aws:sts::${ACCT}:federated-user/Bob`, account: ACCT },
  bobOther: { kind: 'user', arn: `arn:aws:iam::${OTHER}:user/Bob`, account: OTHER },
  ec2: { kind: 'service', arn: 'ec2.amazonaws.com' },
  github: {
    kind: 'federated',
    arn: `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com`,
  },
  anonymous: { kind: 'anonymous', arn: '*' },
} satisfies Record<string, RequestPrincipal>;

export const ROLE_ARN = `arn:aws:iam::${ACCT}:role/Target`;

export function req(
  principal: RequestPrincipal,
  context: RequestContext = ctx(),
  action = 'sts:AssumeRole',
  resource = ROLE_ARN,
): EvalRequest {
  return { principal, action, resource, context };
}

/** Normalise a policy that must have no problems. */
export function policy(
  doc: unknown,
  kind: PolicyKind = 'identity',
  name = `${kind}-policy`,
): NormalizedPolicy {
  const { policy: p, problems } = normalizePolicy(doc, { kind: 'named', name }, kind);
  if (problems.length) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  return p;
}

export const stmt = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [s] });
