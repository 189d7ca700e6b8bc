/**
 * Questions generated from every scenario, via the engine:
 *  - gen/<scenario>/api/<step>      which STS API does this step call?
 *  - gen/<scenario>/trust/<step>    which trust condition lets this call through?
 *  - gen/<scenario>/outcome/<whatIf> what happens? (the engine's result is the answer)
 * Deterministic: the same content always yields the same questions and choices.
 */
import { runScenario, runWhatIf } from '../content/run.js';
import type { ApiName, Call, Scenario, Step, WhatIf } from '../content/schema.js';
import { outcomeChoices, outcomeLabels, outcomeOf, SUCCESS } from './outcome.js';
import { createRandom, hashString, shuffle } from './prng.js';
import type { BankQuestion } from './question.js';
import {
  ASSUME_APIS,
  checkDistractor,
  decidingStatement,
  renderCondition,
  trustConditions,
  type ConditionBlock,
} from './trust.js';

type StsApi = Exclude<ApiName, 'SignIn' | 'GetRoleCredentials' | 'Request'>;

/** What each STS API is for, one line: the explanation of why the other choices are wrong. */
export const API_NOTES: Record<StsApi, string> = {
  AssumeRole: 'a signed request by an IAM user, a role session or an AWS service for a role’s credentials',
  AssumeRoleWithSAML: 'an unsigned request that trades a SAML assertion from an IdP for a role’s credentials',
  AssumeRoleWithWebIdentity:
    'an unsigned request that trades an OIDC token (GitHub, EKS, Cognito, …) for a role’s credentials',
  GetSessionToken: 'an IAM user (or root) gets temporary credentials for itself, typically to add MFA',
  GetFederationToken:
    'an IAM user acting as a broker gets credentials for a federated user, scoped by a session policy',
  GetCallerIdentity: '“who am I?”: the account, ARN and user ID behind the credentials; needs no permission',
  GetAccessKeyInfo: 'the account that owns an access key ID',
  DecodeAuthorizationMessage: 'decodes the encoded message that came with an authorization failure',
};

/** Plausible wrong answers per API: the ones learners mix it up with. */
const API_DISTRACTORS: Record<StsApi, StsApi[]> = {
  AssumeRole: ['AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken', 'AssumeRoleWithSAML'],
  AssumeRoleWithSAML: ['AssumeRoleWithWebIdentity', 'AssumeRole', 'GetFederationToken'],
  AssumeRoleWithWebIdentity: ['AssumeRoleWithSAML', 'AssumeRole', 'GetFederationToken'],
  GetSessionToken: ['GetFederationToken', 'AssumeRole', 'GetCallerIdentity'],
  GetFederationToken: ['GetSessionToken', 'AssumeRole', 'AssumeRoleWithWebIdentity'],
  GetCallerIdentity: ['GetAccessKeyInfo', 'GetSessionToken', 'DecodeAuthorizationMessage'],
  GetAccessKeyInfo: ['GetCallerIdentity', 'DecodeAuthorizationMessage', 'GetSessionToken'],
  DecodeAuthorizationMessage: ['GetCallerIdentity', 'GetAccessKeyInfo', 'GetSessionToken'],
};

const isStsApi = (api: string): api is StsApi => api in API_NOTES;

// Longest names first so `AssumeRole` does not eat the start of `AssumeRoleWithSAML`.
const API_MENTION =
  /\b(?:AssumeRoleWithSAML|AssumeRoleWithWebIdentity|AssumeRole|GetSessionToken|GetFederationToken|GetCallerIdentity|GetAccessKeyInfo|DecodeAuthorizationMessage|assume-role-with-saml|assume-role-with-web-identity|assume-role|get-session-token|get-federation-token|get-caller-identity|get-access-key-info|decode-authorization-message)\b/g;

/** Text with every STS API name hidden, so the prompt does not give the answer away. */
export function maskApis(text: string): string {
  return text.replace(API_MENTION, '[…]');
}

/** The caller of a call in words. */
export function describeCaller(as: string): string {
  if (as === 'anonymous') return 'an unsigned request (no AWS credentials)';
  if (as.startsWith('$')) return `the temporary credentials from step \`${as.slice(1)}\``;
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  if (kind === 'user') return `IAM user \`${name}\` (long-term access key)`;
  if (kind === 'root') return `the root user of account ${name}`;
  if (kind === 'service') return `the AWS service \`${name}\``;
  if (kind === 'sso') return `Identity Center user \`${name}\``;
  return as;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const paragraph = (text: string | undefined) =>
  (text ?? '')
    .trim()
    .split(/\n\s*\n/)[0]
    ?.trim() ?? '';

function base(scenario: Scenario, id: string) {
  return {
    id,
    refs: scenario.refs ?? [],
    topics: scenario.topics ?? [],
    exam: scenario.exam ?? [],
    scenario: scenario.id,
    origin: 'generated' as const,
  };
}

function stepLine(scenario: Scenario, step: Step): string {
  const title = step.title ? `: ${step.title}` : '';
  return `Scenario “${scenario.title}”, step \`${step.id}\`${title}`;
}

/** "Which API does this step call?" for each step that calls one of the STS APIs. */
export function apiQuestion(scenario: Scenario, step: Step): BankQuestion | undefined {
  const call = step.call;
  if (!call || !isStsApi(call.api)) return undefined; // Request, SignIn, GetRoleCredentials are not STS APIs
  const api = call.api;
  const params = Object.keys(call.params ?? {});
  const prompt = [
    maskApis(stepLine(scenario, step)),
    maskApis(paragraph(step.narrate)),
    `The request is made by ${describeCaller(call.as)}` +
      (params.length ? ` with the parameters ${params.join(', ')}.` : ' with no parameters.'),
    'Which STS API does this step call?',
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  const distractors = API_DISTRACTORS[api].slice(0, 3);
  const choices = shuffle([api, ...distractors], createRandom(hashString(`api/${scenario.id}/${step.id}`)));
  const explain = [
    `${api}: ${API_NOTES[api]}.`,
    ...distractors.map((d) => `Not ${d}: ${API_NOTES[d]}.`),
    step.explain?.trim() ?? '',
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  return {
    ...base(scenario, `gen/${scenario.id}/api/${step.id}`),
    type: 'single',
    prompt,
    choices,
    answer: api,
    explain,
    difficulty: 1,
  };
}

/**
 * "Which trust condition lets this call through?" for each successful assume
 * step whose role trust policy has a condition. Distractors come from other
 * scenarios' trust policies and are each proved wrong on the engine.
 */
export function trustQuestion(
  scenario: Scenario,
  step: Step,
  pool: readonly { scenario: string; condition: ConditionBlock }[],
): BankQuestion | undefined {
  const call = step.call;
  if (!call || !ASSUME_APIS.has(call.api)) return undefined;
  const at = decidingStatement(scenario, step);
  if (!at) return undefined;
  const trust = scenario.world.roles![at.role]!.trust;
  const list = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
  const right = renderCondition(list[at.statement]!.Condition as ConditionBlock);
  const seen = new Set([right]);
  const random = createRandom(hashString(`trust/${scenario.id}/${step.id}`));
  const picked: { text: string; code: string | undefined; from: string }[] = [];
  for (const cand of shuffle(pool, random)) {
    if (picked.length === 3) break;
    if (cand.scenario === scenario.id) continue;
    const text = renderCondition(cand.condition);
    if (seen.has(text)) continue;
    seen.add(text);
    const verdict = checkDistractor(scenario, step, at, cand.condition);
    // Only a distractor the engine denies is wrong beyond doubt; anything else is left out.
    if (verdict.outcome === 'error') picked.push({ text, code: verdict.code, from: cand.scenario });
  }
  if (picked.length < 2) return undefined;
  const role = scenario.world.roles![at.role]!;
  const choices = shuffle([right, ...picked.map((p) => p.text)], random);
  const explain = [
    `The trust policy of role ${role.name} allows ${call.api} only with ${right}, and this request meets it.`,
    step.explain?.trim() ?? '',
    ...picked.map(
      (p) =>
        `With ${p.text} (from scenario \`${p.from}\`) in its place, STS refuses this request: ${p.code}.`,
    ),
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  return {
    ...base(scenario, `gen/${scenario.id}/trust/${step.id}`),
    type: 'single',
    prompt: [
      stepLine(scenario, step),
      `${capitalize(describeCaller(call.as))} calls ${call.api} for role ${role.name} (account ${role.account}), and it succeeds.`,
      'Which condition in the role’s trust policy lets this call through?',
    ].join('\n'),
    choices,
    answer: right,
    explain,
    topics: [...new Set([...(scenario.topics ?? []), 'trust-policy'])],
    difficulty: 2,
  };
}

/** `params.ExternalId: not-the-id`, `params.SerialNumber removed`, … for a what-if's change. */
export function describeChange(change: Record<string, unknown>, path = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(change)) {
    const p = path ? `${path}.${k}` : k;
    if (v === null) out.push(`${p} removed`);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out.push(...describeChange(v as Record<string, unknown>, p));
    else out.push(`${p}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return out;
}

/** "What happens?" for a what-if: the engine runs it and its outcome is the answer. */
export function whatIfQuestion(scenario: Scenario, whatIf: WhatIf): BankQuestion | undefined {
  let run;
  try {
    run = runWhatIf(scenario, whatIf);
  } catch {
    return undefined; // a broken reference; `validate` reports it
  }
  const call: Call = run.call;
  const answer = outcomeOf(run.result);
  const choices = shuffle(
    outcomeChoices(call.api, answer),
    createRandom(hashString(`outcome/${scenario.id}/${whatIf.id}`)),
  );
  const step = run.step;
  const changes = describeChange(whatIf.change);
  const wait =
    whatIf.advance !== undefined ? [`The clock first moves forward ${String(whatIf.advance)}.`] : [];
  const prompt = [
    `Scenario “${scenario.title}”: what if… ${whatIf.title ?? whatIf.id}`,
    paragraph(whatIf.narrate),
    `Step \`${step.id}\` (${call.api} by ${describeCaller(call.as)}) runs with this change: ${changes.join('; ')}.`,
    ...wait,
    'What happens?',
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  const result =
    answer === SUCCESS
      ? 'The engine lets the call through.'
      : `The engine answers ${answer}: ${run.result.message ?? ''}`.trim();
  return {
    ...base(scenario, `gen/${scenario.id}/outcome/${whatIf.id}`),
    type: 'outcome',
    prompt,
    choices,
    answer,
    labels: outcomeLabels(choices),
    explain: [result, whatIf.explain?.trim() ?? ''].filter((l) => l.length > 0).join('\n'),
    difficulty: 2,
  };
}

/** Every generated question of every scenario, in content order. */
export function generateQuestions(scenarios: readonly Scenario[]): BankQuestion[] {
  const pool = scenarios.flatMap((s) =>
    trustConditions(s).map((condition) => ({ scenario: s.id, condition })),
  );
  const out: BankQuestion[] = [];
  for (const scenario of scenarios) {
    let run;
    try {
      run = runScenario(scenario);
    } catch {
      continue; // a world the engine rejects; `validate` reports it
    }
    for (const sr of run.steps) {
      const api = apiQuestion(scenario, sr.step);
      if (api) out.push(api);
      if (sr.result?.outcome === 'success') {
        const trust = trustQuestion(scenario, sr.step, pool);
        if (trust) out.push(trust);
      }
    }
    for (const w of scenario.whatIf ?? []) {
      const q = whatIfQuestion(scenario, w);
      if (q) out.push(q);
    }
  }
  return out;
}
