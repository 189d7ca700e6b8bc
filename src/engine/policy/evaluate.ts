// evaluatePolicy: every statement of one normalised policy against a request. Every statement and every
// condition is evaluated (no short-circuit) so the explanation can show all of them; a matching Deny
// wins over a matching Allow.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { evaluateCondition } from '../conditions/evaluate.js';
import { matchPrincipal, VIA_RANK } from './principal.js';
import type {
  ElementMatch,
  EvalRequest,
  NormalizedPolicy,
  NormalizedStatement,
  PolicyEvaluation,
  RequestContext,
  StatementEvaluation,
} from './types.js';
import { substitute } from './variables.js';
import { wildcardMatch } from './wildcard.js';

// Action names are case-insensitive; `*` and `?` wildcards; NotAction matches every other action.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
function matchAction(spec: NormalizedStatement['action'], action: string): ElementMatch {
  let hit: string | undefined;
  for (const p of spec.patterns) {
    if (wildcardMatch(action, p, true)) {
      hit = p;
      break;
    }
  }
  if (spec.not)
    return hit === undefined
      ? { element: 'NotAction', matched: true }
      : { element: 'NotAction', matched: false, value: hit };
  return hit === undefined
    ? { element: 'Action', matched: false }
    : { element: 'Action', matched: true, value: hit };
}

// Resource ARNs are case-sensitive with `*`/`?` wildcards and may contain policy variables; a pattern
// whose variable cannot be resolved matches nothing, and makes a NotResource statement not apply.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
function matchResource(
  spec: NonNullable<NormalizedStatement['resource']>,
  resource: string,
  context: RequestContext,
): ElementMatch {
  let hit: string | undefined;
  let unresolved = false;
  for (const p of spec.patterns) {
    const s = substitute(p, context);
    if (s.unresolved.length) {
      unresolved = true;
      continue;
    }
    if (wildcardMatch(resource, s.pattern)) {
      hit = p;
      break;
    }
  }
  if (spec.not) {
    return hit === undefined && !unresolved
      ? { element: 'NotResource', matched: true }
      : { element: 'NotResource', matched: false, ...(hit !== undefined && { value: hit }) };
  }
  return hit === undefined
    ? { element: 'Resource', matched: false }
    : { element: 'Resource', matched: true, value: hit };
}

function evaluateStatement(st: NormalizedStatement, request: EvalRequest): StatementEvaluation {
  if (st.skipped !== undefined) {
    return {
      index: st.index,
      effect: st.effect,
      ...(st.sid !== undefined && { sid: st.sid }),
      action: { element: st.action.not ? 'NotAction' : 'Action', matched: false },
      conditions: [],
      matched: false,
      skipped: st.skipped,
    };
  }
  const principal = st.principal ? matchPrincipal(st.principal, request.principal) : undefined;
  const action = matchAction(st.action, request.action);
  const resource = st.resource ? matchResource(st.resource, request.resource, request.context) : undefined;
  const conditions = st.conditions.map((c) =>
    c.parsed
      ? evaluateCondition(c.parsed, c.key, c.values, request.context)
      : {
          operator: c.operator,
          key: c.key,
          policyValues: c.values,
          requestValues: null,
          matched: false,
          absent: true,
          perValue: c.values.map((value) => ({ value, matched: false })),
          reason: 'unknown-operator' as const,
        },
  );
  const matched =
    (principal?.matched ?? true) &&
    action.matched &&
    (resource?.matched ?? true) &&
    conditions.every((c) => c.matched);
  // Built property by property (no object spreads): this runs for every statement of every call.
  const out: StatementEvaluation = { index: st.index, effect: st.effect, action, conditions, matched };
  if (st.sid !== undefined) out.sid = st.sid;
  if (principal) out.principal = principal;
  if (resource) out.resource = resource;
  return out;
}

export function evaluatePolicy(policy: NormalizedPolicy, request: EvalRequest): PolicyEvaluation {
  const statements = policy.statements.map((st) => evaluateStatement(st, request));
  let deny = false;
  let matchedAllow: StatementEvaluation | undefined;
  for (const s of statements) {
    if (!s.matched) continue;
    if (s.effect === 'Deny') deny = true;
    // Report the most specific matching Allow (ties: the first), because its principal.via decides
    // what authorize() may bypass.
    else if (!matchedAllow || rank(s) > rank(matchedAllow)) matchedAllow = s;
  }
  const result = deny ? 'Deny' : matchedAllow ? 'Allow' : 'NoMatch';
  const { ref, kind } = policy;
  return matchedAllow ? { ref, kind, result, matchedAllow, statements } : { ref, kind, result, statements };
}

function rank(s: StatementEvaluation): number {
  return s.principal?.via ? VIA_RANK[s.principal.via] : -1;
}
