// normalizePolicy: IAM JSON (as parsed from YAML or JSON) → NormalizedPolicy, once. Never throws:
// problems are data, with a path into the document, and a statement that cannot be evaluated is kept
// as `skipped` (it never matches).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import {
  parseConditions,
  parsePrincipal,
  report,
  stringList,
  suggest,
  type Sink,
} from './normalize-elements.js';
import type { PairedElement, PolicyProblem, SkipReason } from './problems.js';
import type { PolicyRef } from './ref.js';
import type { NormalizedPolicy, NormalizedStatement, PolicyKind } from './types.js';

const TOP_FIELDS = ['Version', 'Id', 'Statement'];
const STATEMENT_FIELDS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const PRINCIPAL_KINDS: readonly PolicyKind[] = ['trust', 'resource'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function normalizePolicy(
  doc: unknown,
  ref: PolicyRef,
  kind: PolicyKind,
): { policy: NormalizedPolicy; problems: PolicyProblem[] } {
  const sink: Sink = { problems: [] };
  const policy: NormalizedPolicy = { ref, kind, statements: [], source: doc };
  if (!isObject(doc)) {
    report(sink, [], { code: 'policy-not-object' });
    return { policy, problems: sink.problems };
  }
  for (const field of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(field))
      report(sink, [field], { code: 'unknown-policy-field', field, ...suggest(field, TOP_FIELDS) });
  }
  const raw = doc['Statement'];
  if (raw === undefined) {
    report(sink, [], { code: 'missing-statement' });
    return { policy, problems: sink.problems };
  }
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((item, i) => {
    const path = Array.isArray(raw) ? ['Statement', i] : ['Statement'];
    sink.statement = i;
    policy.statements.push(normalizeStatement(item, i, path, kind, sink));
  });
  return { policy, problems: sink.problems };
}

// Rules on which elements each policy type may have:
// trust policies need a Principal and have no Resource and no NotPrincipal
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html,
//  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html);
// identity-side policies (identity, boundary, session, SCP) have no Principal and need a Resource
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
function normalizeStatement(
  item: unknown,
  index: number,
  path: (string | number)[],
  kind: PolicyKind,
  sink: Sink,
): NormalizedStatement {
  const st: NormalizedStatement = {
    index,
    effect: 'Deny',
    action: { not: false, patterns: [] },
    conditions: [],
  };
  const skip = (reason: SkipReason): NormalizedStatement => {
    st.skipped ??= reason;
    return st;
  };
  if (!isObject(item)) {
    report(sink, path, { code: 'statement-not-object' });
    return skip('not-an-object');
  }
  for (const field of Object.keys(item)) {
    if (!STATEMENT_FIELDS.includes(field)) {
      report(sink, [...path, field], {
        code: 'unknown-statement-field',
        field,
        ...suggest(field, STATEMENT_FIELDS),
      });
    }
  }
  if (typeof item['Sid'] === 'string') st.sid = item['Sid'];

  const effect = item['Effect'];
  if (effect === 'Allow' || effect === 'Deny') st.effect = effect;
  else if (effect === undefined) {
    report(sink, path, { code: 'missing-effect' });
    skip('missing-effect');
  } else {
    const written = String(effect);
    report(sink, [...path, 'Effect'], {
      code: 'invalid-effect',
      effect: written,
      ...suggest(written, ['Allow', 'Deny']),
    });
    skip('invalid-effect');
  }

  const hasPrincipal = 'Principal' in item;
  const hasNotPrincipal = 'NotPrincipal' in item;
  if (PRINCIPAL_KINDS.includes(kind)) {
    if (kind === 'trust' && hasNotPrincipal)
      report(sink, [...path, 'NotPrincipal'], { code: 'trust-not-principal' });
    if (hasPrincipal && hasNotPrincipal) {
      report(sink, path, { code: 'both-elements', element: 'Principal' });
      skip('principal-and-not-principal');
    } else if (hasPrincipal || hasNotPrincipal) {
      const name = hasPrincipal ? 'Principal' : 'NotPrincipal';
      const entries = parsePrincipal(item[name], [...path, name], name, sink);
      if (entries) st.principal = { not: !hasPrincipal, entries };
      else skip(hasPrincipal ? 'invalid-principal' : 'invalid-not-principal');
    } else {
      report(sink, path, { code: 'missing-principal', kind });
      skip('missing-principal');
    }
  } else if (hasPrincipal || hasNotPrincipal) {
    // Kept but ignored: identity-side policies apply to the principal they are attached to.
    const name = hasPrincipal ? 'Principal' : 'NotPrincipal';
    report(sink, [...path, name], { code: 'principal-ignored', kind, element: name });
  }

  const action = pickPair(item, 'Action', path, sink);
  if (action === 'missing') {
    report(sink, path, { code: 'missing-action' });
    skip('missing-action');
  } else if (action) st.action = action;
  else skip('invalid-action');

  const resource = pickPair(item, 'Resource', path, sink);
  if (kind === 'trust' && resource !== 'missing') {
    // IAM rejects this with MalformedPolicyDocument "Has prohibited field Resource"; the statement is
    // still evaluated against the role ARN so the learner sees what it would have done.
    report(sink, [...path, 'NotResource' in item ? 'NotResource' : 'Resource'], { code: 'trust-resource' });
  }
  if (resource === 'missing') {
    if (kind !== 'trust') {
      report(sink, path, { code: 'missing-resource' });
      skip('missing-resource');
    }
  } else if (resource) st.resource = resource;
  else skip('invalid-resource');

  if ('Condition' in item) {
    const conditions = parseConditions(item['Condition'], [...path, 'Condition'], sink);
    if (conditions) st.conditions = conditions;
    else skip('invalid-condition');
  }
  return st;
}

/** Action/NotAction or Resource/NotResource: exactly one of the pair. */
function pickPair(
  item: Record<string, unknown>,
  name: Exclude<PairedElement, 'Principal'>,
  path: (string | number)[],
  sink: Sink,
): { not: boolean; patterns: string[] } | 'missing' | undefined {
  const notName = `Not${name}` as const;
  const has = name in item;
  const hasNot = notName in item;
  if (!has && !hasNot) return 'missing';
  if (has && hasNot) {
    report(sink, path, { code: 'both-elements', element: name });
    return undefined;
  }
  const field = has ? name : notName;
  const patterns = stringList(item[field], [...path, field], field, sink);
  return patterns ? { not: hasNot, patterns } : undefined;
}
