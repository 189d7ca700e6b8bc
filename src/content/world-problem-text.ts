/**
 * The sentences for the problems the engine finds in a world (src/engine/world-problems.ts): a
 * problem inside a policy is named by its policy, then worded as in policy-problem-text.ts.
 */
import type {
  PolicyProblemCode,
  PolicyRef,
  SizeLimit,
  SizeSubject,
  WorldProblemCode,
  WorldProblemDetail,
} from '../engine/types.js';
import { policyProblemText, type ProblemWords } from './policy-problem-text.js';
import { policyRefText } from './policy-ref-text.js';

/** The world problems that are not about a policy's content. */
type OwnCode = Exclude<WorldProblemCode, PolicyProblemCode>;
type Words<K extends WorldProblemCode> = (p: Extract<WorldProblemDetail, { code: K }>) => ProblemWords;

/** 6144 → `6,144`. */
const thousands = (x: number) => String(x).replace(/\B(?=(\d{3})+$)/g, ',');

/** What each size quota is, before its number: `a managed policy holds at most 6,144`. */
const SIZE_QUOTA: Record<SizeLimit, string> = {
  'trust-max': 'IAM allows at most',
  'trust-default': 'the default quota is',
  'role-inline': 'a role policy holds at most',
  'role-inline-total': 'inline policies hold at most',
  'user-inline-total': 'inline policies hold at most',
  managed: 'a managed policy holds at most',
  scp: 'an SCP holds at most',
};

/** What to do about a policy over a quota. */
export const SIZE_HINT: Record<SizeLimit, string> = {
  'trust-max': 'split it into smaller policies',
  'trust-default': 'over the default quota: this role needs a quota increase (up to 4,096) in the real AWS',
  'role-inline': 'split it into smaller policies',
  'role-inline-total':
    'as inline policies a role holds 10,240 characters in total; in AWS attach some as managed policies (6,144 each)',
  'user-inline-total':
    'as inline policies a user holds 2,048 characters in total; in AWS attach the larger ones as managed policies (6,144 each)',
  managed: 'split it into smaller policies',
  scp: 'split it into smaller policies',
};

/** The part of a principal a size problem measured, after its name: `role Ops: the trust policy`. */
const SIZE_PART: Partial<Record<SizeSubject['kind'], string>> = {
  trust: 'the trust policy',
  'role-policies': 'its policies together',
  'user-policies': 'its policies together',
  'role-boundary': 'the permissions boundary',
  'user-boundary': 'the permissions boundary',
};

/** What a size problem measured: `role Ops: policy 2`, `user ana: its policies together`, `SCP S`. */
function sizeSubjectText(s: SizeSubject): string {
  const owner = 'user' in s ? `user ${s.user}` : 'role' in s ? `role ${s.role}` : undefined;
  const part = 'index' in s ? `policy ${s.index + 1}` : SIZE_PART[s.kind];
  if (owner !== undefined && part !== undefined) return `${owner}: ${part}`;
  // Only single policies are left: both `…-policies` subjects have an owner and a part.
  return policyRefText(s as PolicyRef);
}

const WORDS: { [K in OwnCode]: Words<K> } = {
  'open-trust': (p) => ({
    message: `${policyRefText(p.policy)}: statement ${p.statement + 1} lets any principal assume the role and has no condition`,
    hint: 'fence it, e.g. with `StringEquals: { aws:PrincipalOrgID: o-… }`',
  }),
  'invalid-start': (p) => ({
    message: `\`${p.start}\` is not an ISO-8601 time from 1970 to 9999`,
  }),
  'scp-management': (p) => ({
    message: `SCP ${p.scp}: SCPs never apply to the management account \`${p.account}\``,
  }),
  'duplicate-user': (p) => ({ message: `duplicate user name \`${p.name}\`` }),
  'duplicate-role': (p) => ({ message: `duplicate role name \`${p.name}\`` }),
  'unknown-sso-user': (p) => ({ message: `unknown Identity Center user \`${p.user}\`` }),
  'unknown-permission-set': (p) => ({ message: `unknown permission set \`${p.permissionSet}\`` }),
  'policy-size': (p) => ({
    message: `${sizeSubjectText(p.subject)} is ${thousands(p.size)} characters; ${SIZE_QUOTA[p.limit]} ${thousands(p.max)}`,
    hint: SIZE_HINT[p.limit],
  }),
};

const isOwn = (p: WorldProblemDetail): p is Extract<WorldProblemDetail, { code: OwnCode }> => p.code in WORDS;

/** A world problem as a reader sees it; a policy's problem is named by its policy. */
export function worldProblemText(p: WorldProblemDetail): ProblemWords {
  if (isOwn(p)) return (WORDS[p.code] as (p: WorldProblemDetail) => ProblemWords)(p);
  const words = policyProblemText({ ...p, path: [] });
  return { ...words, message: `${policyRefText(p.policy)}: ${words.message}` };
}
