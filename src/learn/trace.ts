/**
 * The evaluation trace as text: every check STS made, in order, ✔/✘; for authorization checks every
 * policy and statement with principal/action/resource matches and each condition's request value
 * against the policy values. A renderer only: all facts come from the engine's CallResult.
 */
import type {
  AuthorizationDecision,
  ConditionEvaluation,
  ElementMatch,
  PolicyEvaluation,
  PrincipalMatch,
  StatementEvaluation,
} from '../engine/policy/types.js';
import type { CallResult, TraceCheck } from '../engine/types.js';
import { policyRefText } from '../content/policy-ref-text.js';
import { conditionNote, stepNote } from './authorize-notes.js';
import { checkText } from './check-text.js';
import type { Theme } from '../ui/theme.js';

const mark = (t: Theme, ok: boolean) => (ok ? t.ok(t.sym.ok) : t.fail(t.sym.fail));

const quoteList = (vs: readonly string[]) =>
  vs.length === 1 ? `"${vs[0]}"` : `[${vs.map((v) => `"${v}"`).join(', ')}]`;

/** One condition: `StringEquals sts:ExternalId: request "a" vs policy "b" ✔`. */
export function conditionLine(c: ConditionEvaluation, t: Theme): string {
  const request = c.requestValues === null ? 'absent' : quoteList(c.requestValues);
  const why = conditionNote(c);
  const note = why ? t.dim(` (${why})`) : '';
  return `${mark(t, c.matched)} ${c.operator} ${t.code(c.key)}: request ${request} vs policy ${quoteList(c.policyValues)}${note}`;
}

function elementLine(m: ElementMatch | PrincipalMatch, t: Theme): string {
  const via = 'via' in m && m.via ? t.dim(` (${m.via})`) : '';
  const value = m.matched
    ? m.value !== undefined
      ? ` ${m.value}`
      : ''
    : t.dim(' no entry matches the request');
  return `${mark(t, m.matched)} ${m.element}${value}${via}`;
}

function statementLines(s: StatementEvaluation, t: Theme): string[] {
  const name = `statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''} ${s.effect}`;
  const head = `${mark(t, s.matched)} ${s.matched ? t.bold(name) : name}${s.matched ? ': matches' : ': does not match'}`;
  if (s.skipped) return [head, `    ${t.warn(`skipped: ${s.skipped}`)}`];
  const parts = [s.principal, s.action, s.resource].filter((m): m is ElementMatch => m !== undefined);
  return [
    head,
    ...parts.map((m) => `    ${elementLine(m, t)}`),
    ...s.conditions.map((c) => `    ${conditionLine(c, t)}`),
  ];
}

const RESULT_WORD: Record<PolicyEvaluation['result'], string> = {
  Allow: 'allows',
  Deny: 'denies',
  NoMatch: 'no statement matches',
};

/** One policy's evaluation with every statement. */
export function policyLines(p: PolicyEvaluation, t: Theme): string[] {
  const word = RESULT_WORD[p.result];
  const styled = p.result === 'Allow' ? t.ok(word) : p.result === 'Deny' ? t.fail(word) : t.dim(word);
  return [
    `${t.sym.bullet} ${policyRefText(p.ref)}: ${styled}`,
    ...p.statements.flatMap((s) => statementLines(s, t)).map((l) => `  ${l}`),
  ];
}

function decisionLines(d: AuthorizationDecision, t: Theme): string[] {
  const gates = d.steps.map((g) => {
    const sym =
      g.outcome === 'pass' ? t.ok(t.sym.ok) : g.outcome === 'fail' ? t.fail(t.sym.fail) : t.dim('·');
    return `${sym} ${stepNote(g)}`;
  });
  return [...gates, ...d.evaluations.flatMap((p) => policyLines(p, t))];
}

/**
 * The check that decided the call: the first that failed, else the first authorization (the policy
 * evaluation that let it through), else none.
 */
export function decidingCheck(trace: readonly TraceCheck[]): number | undefined {
  const failed = trace.findIndex((c) => !c.ok && !c.info);
  if (failed >= 0) return failed;
  const authorized = trace.findIndex((c) => c.decision || c.policy);
  return authorized >= 0 ? authorized : undefined;
}

/** What a check's policy evaluation came to, statement by statement (equal = same tree). */
function policySignature(c: TraceCheck): string | undefined {
  const evals = c.decision?.evaluations ?? (c.policy ? [c.policy] : undefined);
  if (!evals) return undefined;
  const parts = evals.map(
    (e) =>
      `${JSON.stringify(e.ref)}=${e.result}[${e.statements.map((s) => `${s.index}${s.effect}${s.matched ? '+' : '-'}${s.skipped ? 's' : ''}`).join(',')}]`,
  );
  return `${c.decision?.decision ?? ''}|${parts.join(';')}`;
}

/** Marks the check that decided the call in a collapsed trace. */
export const DECIDED = '▲ this check decided the call';

/** A call's result as the trace needs it: which API answered, and every check it made. */
export type TracedCall = Pick<CallResult, 'api' | 'trace'>;

export interface TraceOptions {
  /** Every check's detail (`d`); otherwise one line per check and the deciding check open. */
  expand?: boolean;
}

function detailLines(c: TraceCheck, detail: string | undefined, t: Theme): string[] {
  return c.decision
    ? decisionLines(c.decision, t)
    : c.policy
      ? policyLines(c.policy, t)
      : (detail?.split('\n') ?? []).map((l) => t.dim(l));
}

/**
 * Who made the checks: STS for its own APIs; for a request to another service (`api: Request`,
 * `s3:GetObject`) that service, so the heading says AWS, also when it failed before authorization
 * (expired credentials); otherwise an authorization check of another service's action says so.
 */
function checker({ api, trace }: TracedCall): 'STS' | 'AWS' {
  if (api === 'Request') return 'AWS';
  const other = trace.some(
    (c) => c.id.startsWith('authorize.') && c.id.includes(':') && !c.id.startsWith('authorize.sts:'),
  );
  return other ? 'AWS' : 'STS';
}

/**
 * Every check, in order, under a heading. Collapsed (the default in a walkthrough): one line per
 * check with the deciding one open. A policy tree that repeats an earlier check's (TagSession and
 * SetSourceIdentity after AssumeRole) folds into one line.
 */
export function renderTrace(call: TracedCall, t: Theme, opts: TraceOptions = {}): string {
  const { trace } = call;
  const expand = opts.expand ?? true;
  const decider = decidingCheck(trace);
  const out: string[] = [t.bold(`What ${checker(call)} checked:`)];
  const seen = new Set<string>();
  let folded = false;
  for (const [i, c] of trace.entries()) {
    const sym = c.info ? t.dim(t.sym.info) : mark(t, c.ok);
    const words = checkText(c);
    out.push(`${String(i + 1).padStart(2)}. ${sym} ${t.wrap(words.title, 6).slice(6)}`);
    if (i === decider && !expand) out.push(`      ${t.accent(DECIDED)}`);
    const signature = policySignature(c);
    const repeat = signature !== undefined && seen.has(signature);
    if (signature !== undefined) seen.add(signature);
    if (!expand && i !== decider) {
      folded ||= Boolean(words.detail || c.decision || c.policy);
      continue;
    }
    const detail = repeat
      ? [t.dim(`same policies as above: ${mark(t, c.ok)}`)]
      : detailLines(c, words.detail, t);
    for (const line of detail) out.push(t.wrap(line, 6));
    if (!c.ok && c.ref) out.push(t.dim(t.wrap(`doc: ${c.ref}`, 6)));
  }
  if (folded) out.push(t.dim('    (d: every check in detail)'));
  return out.join('\n');
}
