/**
 * The sentences for the problems the engine finds in a policy document (src/engine/policy/problems.ts),
 * in the house style: lowercase, user input in backticks, a separate hint for what to do.
 */
import type { PolicyKind, PolicyProblem, PolicyProblemCode, PolicyProblemDetail } from '../engine/types.js';
import { suggestionHint as guess } from './suggest.js';

/** A problem as a reader sees it: the message and, when there is something to do, a hint. */
export interface ProblemWords {
  message: string;
  hint?: string;
}

type Words<K extends PolicyProblemCode> = (p: Extract<PolicyProblemDetail, { code: K }>) => ProblemWords;

const ALLOW_OR_DENY = 'use `Allow` or `Deny`';

/** A policy type with its article: `an identity policy`, `an SCP`. */
const A_POLICY: Record<PolicyKind, string> = {
  scp: 'an SCP',
  trust: 'a trust policy',
  resource: 'a resource policy',
  identity: 'an identity policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
};

const WORDS: { [K in PolicyProblemCode]: Words<K> } = {
  'policy-not-object': () => ({ message: 'a policy must be an object with a `Statement`' }),
  'unknown-policy-field': (p) => ({
    message: `unknown policy field \`${p.field}\``,
    hint: guess(p.suggestion),
  }),
  'missing-statement': () => ({ message: 'missing `Statement`' }),
  'statement-not-object': () => ({ message: 'a statement must be an object' }),
  'unknown-statement-field': (p) => ({
    message: `unknown statement field \`${p.field}\``,
    hint: guess(p.suggestion),
  }),
  'missing-effect': () => ({ message: 'missing `Effect`', hint: ALLOW_OR_DENY }),
  'invalid-effect': (p) => ({
    message: `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${p.effect}\``,
    hint: guess(p.suggestion) ?? ALLOW_OR_DENY,
  }),
  'trust-not-principal': () => ({
    message: 'a trust policy cannot use `NotPrincipal`',
    hint: 'name the principals in `Principal`',
  }),
  'both-elements': (p) => ({
    message: `a statement cannot have both \`${p.element}\` and \`Not${p.element}\``,
  }),
  'missing-principal': (p) => ({
    message: `missing \`Principal\`: ${A_POLICY[p.kind]} must name who it applies to`,
  }),
  'principal-ignored': (p) => ({
    message: `${A_POLICY[p.kind]} cannot have a \`${p.element}\` element (it is ignored here)`,
    hint: `remove \`${p.element}\``,
  }),
  'missing-action': () => ({ message: 'missing `Action`' }),
  'missing-resource': () => ({
    message: 'missing `Resource`',
    hint: 'use `"Resource": "*"` for every resource',
  }),
  'trust-resource': () => ({
    message: 'has prohibited field Resource: a trust policy has no `Resource` (the role is the resource)',
    hint: 'remove `Resource`',
  }),
  'not-string-list': (p) => ({ message: `\`${p.element}\` must be a string or a list of strings` }),
  'empty-list': (p) => ({ message: `\`${p.element}\` is empty` }),
  'principal-shape': (p) => ({
    message: `\`${p.element}\` must be \`"*"\` or an object with \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\``,
  }),
  'unknown-principal-type': (p) => ({
    message: `unknown principal type \`${p.type}\``,
    hint: guess(p.suggestion),
  }),
  'principal-wildcard': (p) => ({
    message: `\`${p.value}\`: a principal cannot contain wildcards (it matches nobody)`,
    hint: 'use `"*"` with an `ArnLike` condition on `aws:PrincipalArn`',
  }),
  'condition-not-object': () => ({ message: '`Condition` must be an object of operators' }),
  'condition-block-not-object': (p) => ({ message: `\`${p.operator}\` must map condition keys to values` }),
  'condition-value-type': (p) => ({
    message: `\`${p.key}\`: condition values must be strings, numbers or booleans`,
  }),
  'unknown-set-operator': (p) => ({
    message: `unknown set operator \`${p.prefix}\``,
    hint: guess(p.suggestion),
  }),
  'unknown-operator': (p) => ({
    message: `unknown condition operator \`${p.operator}\``,
    hint: guess(p.suggestion),
  }),
  'null-if-exists': (p) => ({
    message: `\`${p.operator}\`: the Null operator cannot take IfExists`,
    hint: 'use `Null`',
  }),
};

/** A hint only when there is one (no `hint: undefined` key). */
function compact(words: ProblemWords): ProblemWords {
  return words.hint === undefined ? { message: words.message } : words;
}

/** The words for a problem's code and values, without where it is. */
export function policyProblemDetailText(p: PolicyProblemDetail): ProblemWords {
  return compact((WORDS[p.code] as (p: PolicyProblemDetail) => ProblemWords)(p));
}

/** `statement 2: ` before a problem inside a statement. */
export const statementPrefix = (statement: number | undefined): string =>
  statement === undefined ? '' : `statement ${statement + 1}: `;

/** A policy problem as a reader sees it, naming its statement: `statement 2: missing \`Action\``. */
export function policyProblemText(p: PolicyProblem): ProblemWords {
  const words = policyProblemDetailText(p);
  return { ...words, message: statementPrefix(p.statement) + words.message };
}
