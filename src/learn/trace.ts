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
import type { TraceCheck } from '../engine/types.js';
import type { Theme } from '../ui/theme.js';

const mark = (t: Theme, ok: boolean) => (ok ? t.ok(t.sym.ok) : t.fail(t.sym.fail));

const quoteList = (vs: readonly string[]) =>
  vs.length === 1 ? `"${vs[0]}"` : `[${vs.map((v) => `"${v}"`).join(', ')}]`;

/** One condition: `StringEquals sts:ExternalId: request "a" vs policy "b" ✔`. */
export function conditionLine(c: ConditionEvaluation, t: Theme): string {
  const request = c.requestValues === null ? 'absent' : quoteList(c.requestValues);
  const note = c.note ? t.dim(` (${c.note})`) : '';
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
    `${t.sym.bullet} ${p.label}: ${styled}`,
    ...p.statements.flatMap((s) => statementLines(s, t)).map((l) => `  ${l}`),
  ];
}

function decisionLines(d: AuthorizationDecision, t: Theme): string[] {
  const gates = d.steps.map((g) => {
    const sym =
      g.outcome === 'pass' ? t.ok(t.sym.ok) : g.outcome === 'fail' ? t.fail(t.sym.fail) : t.dim('·');
    return `${sym} ${g.note}`;
  });
  return [...gates, ...d.evaluations.flatMap((p) => policyLines(p, t))];
}

/** Every check, in order, indented under a `Trace` heading. */
export function renderTrace(trace: readonly TraceCheck[], t: Theme): string {
  const out: string[] = [t.bold('What STS checked:')];
  for (const [i, c] of trace.entries()) {
    const sym = c.info ? t.dim(t.sym.info) : mark(t, c.ok);
    out.push(`${String(i + 1).padStart(2)}. ${sym} ${c.title}`);
    const detail = c.decision
      ? decisionLines(c.decision, t)
      : c.policy
        ? policyLines(c.policy, t)
        : (c.detail?.split('\n') ?? []).map((l) => t.dim(l));
    for (const line of detail) out.push(`      ${line}`);
    if (!c.ok && c.ref) out.push(`      ${t.dim(`doc: ${c.ref}`)}`);
  }
  return out.join('\n');
}
