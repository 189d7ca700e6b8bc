/**
 * Questions generated from every scenario, via the engine:
 *  - gen/<scenario>/api/<step>      which STS API does this step call?
 *  - gen/<scenario>/trust/<step>    which trust condition lets this call through?
 *  - gen/<scenario>/outcome/<whatIf> what happens? (the engine's result is the answer)
 * Deterministic: the same content always yields the same questions and choices.
 */
import { durationSeconds, noOpChanges, runScenario, runWhatIf } from '../content/run.js';
import { serviceWording } from '../content/outcome.js';
import { isStsApi, type StsApi } from '../engine/index.js';
import type { CallResult } from '../engine/types.js';
import { humanDuration } from '../ui/duration.js';
import { sentence } from '../ui/text.js';
import type { Call, Scenario, Step, WhatIf } from '../content/schema.js';
import { outcomeChoices, outcomeLabels, outcomeOf } from './outcome.js';
import { createRandom, hashString, shuffle } from './prng.js';
import type { BankQuestion } from './question.js';
import {
  ASSUME_APIS,
  checkDistractor,
  decidingStatement,
  renderCondition,
  statementKind,
  trustStatements,
  type ConditionBlock,
} from './trust.js';

/** What each STS API is for, one line: the explanation of why the other choices are wrong. */
export const API_NOTES: Record<StsApi, string> = {
  AssumeRole: 'a signed request by an IAM user, a role session or an AWS service for a role’s credentials',
  AssumeRoleWithSAML: 'an unsigned request that trades a SAML assertion from an IdP for a role’s credentials',
  AssumeRoleWithWebIdentity:
    'an unsigned request that trades an OIDC token (GitHub, EKS, Cognito, …) for a role’s credentials',
  GetSessionToken: 'an IAM user (or root) gets temporary credentials for the same user, typically to add MFA',
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

// Longest names first so `AssumeRole` does not eat the start of `AssumeRoleWithSAML`.
const API_MENTION =
  /\b(?:AssumeRoleWithSAML|AssumeRoleWithWebIdentity|AssumeRole|GetSessionToken|GetFederationToken|GetCallerIdentity|GetAccessKeyInfo|DecodeAuthorizationMessage|assume-role-with-saml|assume-role-with-web-identity|assume-role|get-session-token|get-federation-token|get-caller-identity|get-access-key-info|decode-authorization-message)\b/g;

/** Text with every STS API name hidden, so the prompt does not give the answer away. */
export function maskApis(text: string): string {
  return text.replace(API_MENTION, '[…]');
}

/** The caller of a call in words (never a step id: an earlier step is named by what it did). */
export function describeCaller(
  as: string,
  scenario?: Scenario,
  mask: (text: string) => string = maskApis,
): string {
  if (as === 'anonymous') return 'an unsigned request (no AWS credentials)';
  if (as.startsWith('$')) {
    const from = scenario?.steps.find((s) => s.id === as.slice(1));
    const title = from?.title ? mask(from.title).replace(/[.?!]$/, '') : undefined;
    // a noun phrase that can be the subject of "wants …" / "calls …" / "is made by …"
    return title
      ? `the holder of the temporary credentials from the earlier step “${title}”`
      : 'the holder of temporary credentials from an earlier step';
  }
  const [kind, ...rest] = as.split('/');
  const name = rest.join('/');
  if (kind === 'user') return `IAM user \`${name}\` (long-term access key)`;
  if (kind === 'root') return `the root user of account ${name}`;
  if (kind === 'service') return `the AWS service \`${name}\``;
  if (kind === 'sso') return `Identity Center user \`${name}\``;
  return as;
}

/** No masking: for questions that name the API themselves. */
const same = (text: string) => text;

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

/**
 * `Scenario “…”: the step's title.`: never the step's id (an internal name). A title that names an
 * API is left out rather than shown with holes in it (the API is what is asked).
 */
function stepLine(scenario: Scenario, step: Step, mask: (text: string) => string = (t) => t): string {
  const title = mask(scenario.title);
  const where = title === scenario.title ? `Scenario “${title}”` : 'In this scenario';
  const what = step.title && mask(step.title) === step.title ? `: ${step.title}` : '';
  return sentence(`${where}${what}`);
}

/** What the caller has in hand and wants, from the call (never the parameter names: they name the API). */
export function situation(call: Call, scenario: Scenario): string {
  const p = call.params ?? {};
  const has = (k: string) => p[k] !== undefined && p[k] !== null;
  const who = capitalize(describeCaller(call.as, scenario));
  const holds: string[] = [];
  if (has('WebIdentityToken')) holds.push('an OpenID Connect token from an identity provider');
  if (has('SAMLAssertion')) holds.push('a SAML assertion from an identity provider');
  if (has('TokenCode')) holds.push('a code from an MFA device');
  const role = typeof p.RoleArn === 'string' ? /role\/(?:.*\/)?([^/]+)$/.exec(p.RoleArn)?.[1] : undefined;
  let wants: string;
  switch (call.api) {
    case 'GetFederationToken':
      wants =
        'temporary credentials for a user who has no IAM identity, limited by a policy passed with the call';
      break;
    case 'GetSessionToken':
      // The same identity, named: "for itself" reads as a thing, and a caller is often a person.
      wants = `temporary credentials for that same ${call.as.startsWith('root/') ? 'root user' : call.as.startsWith('user/') ? 'IAM user' : 'identity'}`;
      break;
    case 'GetCallerIdentity':
      wants = 'to know which account and identity the credentials in use belong to';
      break;
    case 'GetAccessKeyInfo':
      wants = 'to know which account owns an access key ID';
      break;
    case 'DecodeAuthorizationMessage':
      wants = 'to read the encoded message that came with an authorization failure';
      break;
    default:
      wants = role ? `the credentials of the role ${role}` : 'the credentials of a role';
  }
  return `${who}${holds.length ? `, holding ${holds.join(' and ')},` : ''} wants ${wants}.`;
}

/** "Which API does this step call?" for each step that calls one of the STS APIs. */
export function apiQuestion(scenario: Scenario, step: Step): BankQuestion | undefined {
  const call = step.call;
  if (!call || !isStsApi(call.api)) return undefined; // Request, SignIn, GetRoleCredentials are not STS APIs
  const api = call.api;
  const prompt = [
    stepLine(scenario, step, maskApis),
    maskApis(paragraph(step.narrate)),
    situation(call, scenario),
    'Which STS API does the caller use?',
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
  pool: readonly { scenario: string; condition: ConditionBlock; kind: string }[],
): BankQuestion | undefined {
  const call = step.call;
  if (!call || !ASSUME_APIS.has(call.api)) return undefined;
  const at = decidingStatement(scenario, step);
  if (!at) return undefined;
  const trust = scenario.world.roles![at.role]!.trust;
  const list = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
  const rightBlock = list[at.statement]!.Condition as ConditionBlock;
  const right = renderCondition(rightBlock);
  // distractors from the same kind of flow (an OIDC provider's own claims, SAML, a service's
  // AssumeRole, a principal's AssumeRole): an answer must not be pickable by what its keys name
  const kind = statementKind(list[at.statement]!);
  const seen = new Set([right]);
  const random = createRandom(hashString(`trust/${scenario.id}/${step.id}`));
  const picked: { text: string; code: string | undefined; from: string }[] = [];
  for (const cand of shuffle(pool, random)) {
    if (picked.length === 3) break;
    if (cand.scenario === scenario.id || cand.kind !== kind) continue;
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
    ...picked.map((p) => `With ${p.text} in its place, STS refuses this request: ${p.code}.`),
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  return {
    ...base(scenario, `gen/${scenario.id}/trust/${step.id}`),
    type: 'single',
    prompt: [
      stepLine(scenario, step),
      `${capitalize(describeCaller(call.as, scenario, same))} calls ${call.api} for role ${role.name} (account ${role.account}), and it succeeds.`,
      'Which condition in the role’s trust policy lets this call through?',
    ].join('\n'),
    choices,
    answer: right,
    explain,
    topics: [...new Set([...(scenario.topics ?? []), 'trust-policy'])],
    difficulty: 2,
  };
}

/** A change's path in words: `params.DurationSeconds` → `the DurationSeconds parameter`. */
function changedThing(path: string[]): string {
  const [head, ...rest] = path;
  const name = rest.join('.');
  if (head === 'params' && rest.length > 1)
    return `the ${rest.slice(1).join('.')} claim of the ${rest[0]} parameter`;
  if (head === 'params') return `the ${name} parameter`;
  if (head === 'context') return rest.length ? `the request context key ${name}` : 'its request context keys';
  if (head === 'as') return 'the caller';
  if (head === 'region') return 'the Region of the STS endpoint';
  if (head === 'action') return 'the action';
  if (head === 'resource') return 'the resource';
  if (head === 'via') return 'the chain of AWS services that made the request (aws:CalledVia)';
  return `${[head, ...rest].join(' ')}`;
}

/** `the ExternalId parameter is not-the-id`, `without the SerialNumber parameter`, … for a what-if's change. */
export function describeChange(
  change: Record<string, unknown>,
  path: string[] = [],
  /** Paths (as JSON) that change nothing (content/run.ts noOpChanges): not told as changes. */
  unchanged: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(change)) {
    const p = [...path, k];
    if (unchanged.has(JSON.stringify(p))) continue;
    if (v === null && k === 'region' && path.length === 0) out.push('sent to the global endpoint');
    else if (v === null) out.push(`without ${changedThing(p)}`);
    else if (typeof v === 'object' && !Array.isArray(v))
      out.push(...describeChange(v as Record<string, unknown>, p, unchanged));
    else if (k === 'as' && path.length === 0)
      continue; // the changed caller is named with the call
    else out.push(`${changedThing(p)} is ${typeof v === 'string' ? v : JSON.stringify(v)}`);
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
  const answer = outcomeOf(run.result, call);
  const choices = shuffle(
    outcomeChoices(call, answer),
    createRandom(hashString(`outcome/${scenario.id}/${whatIf.id}`)),
  );
  const step = run.step;
  const unchanged = new Set(noOpChanges(step.call, whatIf.change).map((p) => JSON.stringify(p)));
  const changes = describeChange(whatIf.change, [], unchanged);
  const wait =
    whatIf.advance !== undefined
      ? [`The clock first moves forward ${humanDuration(durationSeconds(whatIf.advance))}.`]
      : [];
  const prompt = [
    // a what-if without a title is told by its narration alone (its id is an internal name)
    whatIf.title
      ? sentence(`Scenario “${scenario.title}”: what if… ${whatIf.title}`)
      : sentence(`Scenario “${scenario.title}”`),
    paragraph(whatIf.narrate),
    `The ${call.api === 'Request' ? 'request' : `${call.api} call`}${step.title ? ` of “${step.title.replace(/[.?!]$/, '')}”` : ''} is made by ${describeCaller(call.as, scenario, same)}${changes.length ? `, with this change: ${changes.join('; ')}` : ''}.`,
    ...wait,
    'What happens?',
  ]
    .filter((l) => l.length > 0)
    .join('\n');
  const result = verdictText(run.result, call);
  return {
    ...base(scenario, `gen/${scenario.id}/outcome/${whatIf.id}`),
    type: 'outcome',
    prompt,
    choices,
    answer,
    labels: outcomeLabels(choices),
    // A paragraph each: AWS's message is quoted as it is, often without a full stop.
    explain: [result, whatIf.explain?.trim() ?? ''].filter((l) => l.length > 0).join('\n\n'),
    difficulty: 2,
  };
}

/** Every generated question of every scenario, in content order. */
export function generateQuestions(scenarios: readonly Scenario[]): BankQuestion[] {
  const pool = scenarios.flatMap((s) =>
    trustStatements(s).map(({ condition, kind }) => ({ scenario: s.id, condition, kind })),
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

/**
 * The engine's verdict as the explanation's first paragraph; a request to a service that words the
 * error its own way quotes that service (content/service-error.ts), as the answer names its code.
 */
function verdictText(r: CallResult, call: Call): string {
  if (r.outcome === 'success') return 'The engine lets the call through.';
  const wire = serviceWording(r, call);
  if (wire) return `${wire.renamedBy} answers ${wire.code}: ${wire.message}`.trim();
  return `The engine answers ${r.code}: ${r.message}`.trim();
}
