/**
 * "Which trust condition lets this call through?" — the right condition block
 * of the role's trust policy against condition blocks from OTHER scenarios'
 * trust policies. A distractor is kept only when the engine proves it wrong:
 * the scenario is replayed with the role's condition replaced by the
 * distractor, every earlier step must behave exactly as before, and this call
 * must then fail. Pure (the engine is pure).
 */
import { runScenario } from '../content/run.js';
import type { Scenario, Step } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';

export type ConditionBlock = Record<string, Record<string, unknown>>;

/** APIs whose success depends on a role trust policy. */
export const ASSUME_APIS = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const scalar = (v: unknown): string => (Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v));

/** A condition block as the quiz shows it: `StringEquals: { sts:ExternalId: audit-2026 }` (FORMAT.md style). */
export function renderCondition(block: ConditionBlock): string {
  return Object.entries(block)
    .map(([op, keys]) => {
      const inner = Object.entries(keys)
        .map(([k, v]) => `${k}: ${scalar(v)}`)
        .join(', ');
      return `${op}: { ${inner} }`;
    })
    .join('; ');
}

interface StatementLike {
  Effect?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

function statements(policy: unknown): StatementLike[] {
  if (!isObject(policy)) return [];
  const s = policy.Statement;
  return (Array.isArray(s) ? s : [s]).filter(isObject) as StatementLike[];
}

/** The world role a step's `RoleArn` names (by account and name; paths ignored). */
export function roleIndexFor(scenario: Scenario, step: Step): number {
  const arn = step.call?.params?.RoleArn;
  if (typeof arn !== 'string') return -1;
  const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!m) return -1;
  return (scenario.world.roles ?? []).findIndex((r) => r.account === m[1] && r.name === m[2]);
}

/**
 * The kind of flow a trust condition belongs to, so a distractor comes from the
 * same kind: `web:<provider>` (the OIDC provider its keys name, e.g.
 * `web:cognito-identity.amazonaws.com`), `saml`, or `role` (AssumeRole).
 */
export function conditionKind(block: ConditionBlock): string {
  const keys = Object.values(block).flatMap((byKey) => Object.keys(byKey ?? {}));
  const provider = keys
    .map((k) => /^([^:]+):/.exec(k)?.[1])
    .find((p) => p !== undefined && !['aws', 'sts', 'saml', 'iam'].includes(p.toLowerCase()));
  if (provider) return `web:${provider.toLowerCase()}`;
  if (keys.some((k) => k.toLowerCase().startsWith('saml:'))) return 'saml';
  return 'role';
}

/**
 * The kind of flow a trust statement admits: `service:<principals>` when it trusts an AWS service
 * (IAM Roles Anywhere, EC2, Lambda: their conditions name that service's ARNs and keys, so one from
 * another kind of caller would be pickable at sight), `saml` for a SAML provider, else the
 * condition's kind (conditionKind).
 */
export function statementKind(st: { Principal?: unknown; Condition?: unknown }): string {
  const principal = isObject(st.Principal) ? st.Principal : {};
  if (principal.Service !== undefined)
    return `service:${[principal.Service].flat().map(String).sort().join(',')}`;
  const federated = [principal.Federated].flat();
  if (federated.some((f) => typeof f === 'string' && f.includes(':saml-provider/'))) return 'saml';
  return conditionKind((isObject(st.Condition) ? st.Condition : {}) as ConditionBlock);
}

/** Every Allow statement with conditions in every role trust policy of a scenario: its block and kind. */
export function trustStatements(scenario: Scenario): { condition: ConditionBlock; kind: string }[] {
  const out: { condition: ConditionBlock; kind: string }[] = [];
  for (const role of scenario.world.roles ?? []) {
    for (const st of statements(role.trust)) {
      if (st.Effect === 'Allow' && isObject(st.Condition) && Object.keys(st.Condition).length > 0) {
        out.push({ condition: st.Condition as ConditionBlock, kind: statementKind(st) });
      }
    }
  }
  return out;
}

type Mutation = (statement: Record<string, unknown>) => void;

/** A copy of the scenario with one trust statement of one role changed. */
function withStatement(scenario: Scenario, role: number, statement: number, mutate: Mutation): Scenario {
  const copy = structuredClone(scenario);
  const trust = copy.world.roles![role]!.trust as { Statement: unknown };
  const list = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
  mutate(list[statement] as Record<string, unknown>);
  trust.Statement = list;
  return copy;
}

/** Runs a scenario up to `step` and the step's call; also returns the outcomes of the steps before. */
function replay(scenario: Scenario, step: Step): { before: string[]; result: CallResult } {
  const run = runScenario(scenario, { before: step.id });
  const before = run.steps.map((s) => `${s.result?.outcome ?? 'advance'}:${s.result?.code ?? ''}`);
  return { before, result: run.engine.call(step.call!, { id: step.id }) };
}

/** The trust statement (index) whose condition let a successful assume step through, if any. */
export function decidingStatement(
  scenario: Scenario,
  step: Step,
): { role: number; statement: number } | undefined {
  const role = roleIndexFor(scenario, step);
  if (role < 0) return undefined;
  const list = statements(scenario.world.roles![role]!.trust);
  for (const [i, st] of list.entries()) {
    if (st.Effect !== 'Allow' || !isObject(st.Condition) || Object.keys(st.Condition).length === 0) continue;
    // Removing this statement must make the call fail: then it is the one that let it through.
    const denied = withStatement(scenario, role, i, (s) => {
      s.Effect = 'Deny';
      s.Condition = { Bool: { 'aws:SecureTransport': 'false' } }; // never true in the engine's requests
    });
    const original = replay(scenario, step);
    const changed = replay(denied, step);
    if (original.result.outcome === 'success' && changed.result.outcome === 'error')
      return { role, statement: i };
  }
  return undefined;
}

/** The verdict on one distractor: `code` when the engine denies the call with it in place. */
export interface DistractorCheck {
  condition: ConditionBlock;
  /** The engine's result with the distractor in place of the real condition. */
  outcome: 'success' | 'error' | 'unverifiable';
  code?: string;
}

/**
 * Puts `candidate` in place of the deciding statement's condition and replays.
 * `unverifiable` when an earlier step changes behaviour (the comparison would not be fair).
 */
export function checkDistractor(
  scenario: Scenario,
  step: Step,
  at: { role: number; statement: number },
  candidate: ConditionBlock,
): DistractorCheck {
  const original = replay(scenario, step);
  const swapped = withStatement(scenario, at.role, at.statement, (s) => {
    s.Condition = structuredClone(candidate);
  });
  const run = replay(swapped, step);
  if (run.before.join('|') !== original.before.join('|'))
    return { condition: candidate, outcome: 'unverifiable' };
  return { condition: candidate, outcome: run.result.outcome, code: run.result.code };
}
