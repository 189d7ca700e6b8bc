// normalizePolicy: IAM JSON (as parsed from YAML or JSON) → NormalizedPolicy, once. Never throws:
// problems are data, with a path into the document, and a statement that cannot be evaluated is kept
// as `skipped` (it never matches).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import { parseConditions, parsePrincipal, report, stringList, type Sink } from './normalize-elements.js';
import { didYouMean } from './suggest.js';
import type { NormalizedPolicy, NormalizedStatement, PolicyKind, PolicyProblem } from './types.js';

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
  label: string,
  kind: PolicyKind,
): { policy: NormalizedPolicy; problems: PolicyProblem[] } {
  const sink: Sink = { problems: [], prefix: '' };
  const policy: NormalizedPolicy = { label, kind, statements: [], source: doc };
  if (!isObject(doc)) {
    report(sink, [], 'a policy must be an object with a `Statement`');
    return { policy, problems: sink.problems };
  }
  for (const field of Object.keys(doc)) {
    if (!TOP_FIELDS.includes(field))
      report(sink, [field], `unknown policy field \`${field}\``, didYouMean(field, TOP_FIELDS));
  }
  const raw = doc['Statement'];
  if (raw === undefined) {
    report(sink, [], 'missing `Statement`');
    return { policy, problems: sink.problems };
  }
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((item, i) => {
    const path = Array.isArray(raw) ? ['Statement', i] : ['Statement'];
    sink.prefix = `statement ${i + 1}: `;
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
  const skip = (reason: string): NormalizedStatement => {
    st.skipped ??= reason;
    return st;
  };
  if (!isObject(item)) {
    report(sink, path, 'a statement must be an object');
    return skip('not an object');
  }
  for (const field of Object.keys(item)) {
    if (!STATEMENT_FIELDS.includes(field)) {
      report(
        sink,
        [...path, field],
        `unknown statement field \`${field}\``,
        didYouMean(field, STATEMENT_FIELDS),
      );
    }
  }
  if (typeof item['Sid'] === 'string') st.sid = item['Sid'];

  const effect = item['Effect'];
  if (effect === 'Allow' || effect === 'Deny') st.effect = effect;
  else if (effect === undefined) {
    report(sink, path, 'missing `Effect`', 'use `Allow` or `Deny`');
    skip('missing Effect');
  } else {
    report(
      sink,
      [...path, 'Effect'],
      `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${String(effect)}\``,
      didYouMean(String(effect), ['Allow', 'Deny']) ?? 'use `Allow` or `Deny`',
    );
    skip('invalid Effect');
  }

  const hasPrincipal = 'Principal' in item;
  const hasNotPrincipal = 'NotPrincipal' in item;
  if (PRINCIPAL_KINDS.includes(kind)) {
    if (kind === 'trust' && hasNotPrincipal)
      report(
        sink,
        [...path, 'NotPrincipal'],
        'a trust policy cannot use `NotPrincipal`',
        'name the principals in `Principal`',
      );
    if (hasPrincipal && hasNotPrincipal) {
      report(sink, path, 'a statement cannot have both `Principal` and `NotPrincipal`');
      skip('Principal and NotPrincipal');
    } else if (hasPrincipal || hasNotPrincipal) {
      const name = hasPrincipal ? 'Principal' : 'NotPrincipal';
      const entries = parsePrincipal(item[name], [...path, name], name, sink);
      if (entries) st.principal = { not: !hasPrincipal, entries };
      else skip(`invalid ${name}`);
    } else {
      report(sink, path, `missing \`Principal\`: a ${kind} policy must name who it applies to`);
      skip('missing Principal');
    }
  } else if (hasPrincipal || hasNotPrincipal) {
    // Kept but ignored: identity-side policies apply to the principal they are attached to.
    const name = hasPrincipal ? 'Principal' : 'NotPrincipal';
    report(
      sink,
      [...path, name],
      `a ${kind} policy cannot have a \`${name}\` element (it is ignored here)`,
      `remove \`${name}\``,
    );
  }

  const action = pickPair(item, 'Action', 'NotAction', path, sink);
  if (action === 'missing') {
    report(sink, path, 'missing `Action`');
    skip('missing Action');
  } else if (action) st.action = action;
  else skip('invalid Action');

  const resource = pickPair(item, 'Resource', 'NotResource', path, sink);
  if (kind === 'trust' && resource !== 'missing') {
    // IAM rejects this with MalformedPolicyDocument "Has prohibited field Resource"; the statement is
    // still evaluated against the role ARN so the learner sees what it would have done.
    report(
      sink,
      [...path, 'NotResource' in item ? 'NotResource' : 'Resource'],
      'has prohibited field Resource: a trust policy has no `Resource` (the role is the resource)',
      'remove `Resource`',
    );
  }
  if (resource === 'missing') {
    if (kind !== 'trust') {
      report(sink, path, 'missing `Resource`', 'use `"Resource": "*"` for every resource');
      skip('missing Resource');
    }
  } else if (resource) st.resource = resource;
  else skip('invalid Resource');

  if ('Condition' in item) {
    const conditions = parseConditions(item['Condition'], [...path, 'Condition'], sink);
    if (conditions) st.conditions = conditions;
    else skip('invalid Condition');
  }
  return st;
}

/** Action/NotAction or Resource/NotResource: exactly one of the pair. */
function pickPair(
  item: Record<string, unknown>,
  name: string,
  notName: string,
  path: (string | number)[],
  sink: Sink,
): { not: boolean; patterns: string[] } | 'missing' | undefined {
  const has = name in item;
  const hasNot = notName in item;
  if (!has && !hasNot) return 'missing';
  if (has && hasNot) {
    report(sink, path, `a statement cannot have both \`${name}\` and \`${notName}\``);
    return undefined;
  }
  const field = has ? name : notName;
  const patterns = stringList(item[field], [...path, field], field, sink);
  return patterns ? { not: hasNot, patterns } : undefined;
}
