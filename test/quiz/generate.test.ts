import { describe, expect, it } from 'vitest';
import { serviceDenial } from '../../src/content/service-error.js';
import { noOpChanges, runScenario, runWhatIf } from '../../src/content/run.js';
import type { Call } from '../../src/content/schema.js';
import { selectQuestions, presentChoices } from '../../src/quiz/bank.js';
import { describeChange, maskApis, situation } from '../../src/quiz/generate.js';
import { planMock } from '../../src/quiz/mock.js';
import {
  checkDistractor,
  decidingStatement,
  renderCondition,
  conditionKind,
  statementKind,
  trustStatements,
  type ConditionBlock,
} from '../../src/quiz/trust.js';
import { sentence } from '../../src/ui/text.js';
import { builtIn } from './helpers.js';

describe('generated questions from the built-in scenarios', () => {
  it('has each kind, with stable ids', async () => {
    const { bank } = await builtIn();
    const gen = bank.questions.filter((q) => q.origin === 'generated');
    // trust questions only where the content has three conditions for the same kind of caller
    for (const [kind, least] of [
      ['api', 6],
      ['trust', 5],
      ['outcome', 6],
    ] as const) {
      expect(gen.filter((q) => q.id.split('/')[2] === kind).length, kind).toBeGreaterThanOrEqual(least);
    }
    for (const q of gen) expect(q.id).toMatch(/^gen\/[a-z0-9-]+\/(api|trust|outcome)\/[a-z0-9-]+$/);
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
  });

  it('asks "which API?" with the step’s API as the only right choice, and never names it in the prompt', async () => {
    const { bank, library } = await builtIn();
    for (const { scenario } of library.scenarios) {
      for (const step of scenario.steps) {
        const q = bank.byId.get(`gen/${scenario.id}/api/${step.id}`);
        if (!q) continue;
        expect(q.answer).toBe(step.call!.api);
        expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
        expect(new Set(q.choices).size).toBe(4);
        expect(maskApis(q.prompt)).toBe(q.prompt);
      }
    }
  });

  it('says what the caller wants without calling a person "it"', async () => {
    const { library } = await builtIn();
    const s = library.scenarios[0]!.scenario;
    const ask = (api: string, as: string, params = {}) =>
      situation({ api, as, params } as Parameters<typeof situation>[0], s);
    expect(ask('GetSessionToken', 'user/sam')).toBe(
      'IAM user `sam` (long-term access key) wants temporary credentials for that same IAM user.',
    );
    expect(ask('GetSessionToken', 'root/111111111111')).toBe(
      'The root user of account 111111111111 wants temporary credentials for that same root user.',
    );
    expect(
      ask('AssumeRoleWithWebIdentity', 'anonymous', {
        WebIdentityToken: 'x',
        RoleArn: 'arn:aws:iam::1:role/Ci',
      }),
    ).toBe(
      'An unsigned request (no AWS credentials), holding an OpenID Connect token from an identity provider, wants the credentials of the role Ci.',
    );
    for (const { scenario } of library.scenarios)
      for (const step of scenario.steps)
        if (step.call)
          expect(situation(step.call, scenario)).not.toMatch(/\bitself\b|\bits (identity|credentials)\b/);
  });

  it('grades "what happens?" by running the what-if on the engine', async () => {
    const { bank, library } = await builtIn();
    let n = 0;
    let renamed = 0;
    for (const { scenario } of library.scenarios) {
      for (const w of scenario.whatIf ?? []) {
        const q = bank.byId.get(`gen/${scenario.id}/outcome/${w.id}`)!;
        const { result: r, call } = runWhatIf(scenario, w);
        // a request to another service: what that service sends (content/service-error.ts, tested there)
        const wire =
          r.outcome === 'error' && call.api === 'Request'
            ? serviceDenial(call.action!, r.code, r.message, r.httpStatus)
            : undefined;
        if (wire && wire.code !== r.code) renamed++;
        expect(q.answer).toBe(r.outcome === 'success' ? 'success' : (wire?.code ?? r.code));
        expect(q.choices).toContain(q.answer);
        expect(new Set(q.choices).size).toBe(q.choices.length);
        // the verdict is a paragraph of its own: AWS's message often ends without a full stop
        const verdict = q.explain!.split('\n\n')[0];
        expect(verdict).toBe(
          r.outcome === 'success'
            ? 'The engine lets the call through.'
            : wire?.renamedBy
              ? `${wire.renamedBy} answers ${wire.code}: ${wire.message}`
              : `The engine answers ${r.code}: ${r.message}`,
        );
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
    // EC2's RequestExpired at least (mfa-get-session-token)
    expect(renamed).toBeGreaterThan(0);
  });

  it('never offers a trust distractor that would also let the call through (checked on the engine)', async () => {
    const { bank, library } = await builtIn();
    const byText = new Map(
      library.scenarios.flatMap(({ scenario }) =>
        trustStatements(scenario).map(({ condition: c }) => [renderCondition(c), c] as const),
      ),
    );
    const trust = bank.questions.filter((q) => q.id.includes('/trust/'));
    // distractors only from the same kind of flow leave fewer, fairer questions
    expect(trust.length).toBeGreaterThanOrEqual(5);
    for (const q of trust) {
      const [, scenarioId, , stepId] = q.id.split('/');
      const scenario = library.scenarios.find((s) => s.scenario.id === scenarioId)!.scenario;
      const step = scenario.steps.find((s) => s.id === stepId)!;
      // the original call succeeds with the right condition
      expect(runScenario(scenario, { upTo: stepId }).steps.at(-1)!.result!.outcome).toBe('success');
      const at = decidingStatement(scenario, step)!;
      const trust = scenario.world.roles![at.role]!.trust.Statement;
      const statement = Array.isArray(trust) ? trust[at.statement]! : trust;
      expect(q.answer).toBe(renderCondition(statement.Condition as ConditionBlock));
      const distractors = q.choices.filter((c) => c !== q.answer);
      expect(distractors.length).toBeGreaterThanOrEqual(2);
      for (const d of distractors) {
        // Given the role's condition replaced by the distractor, when the call runs, then STS refuses it
        const verdict = checkDistractor(scenario, step, at, byText.get(d)!);
        expect(verdict.outcome, `${q.id}: ${d}`).toBe('error');
      }
    }
  });

  it('puts the right condition back: with it, the call succeeds (the check can tell the two apart)', async () => {
    const { bank, library } = await builtIn();
    const q = bank.questions.find((x) => x.id.includes('/trust/'))!;
    const [, scenarioId, , stepId] = q.id.split('/');
    const scenario = library.scenarios.find((s) => s.scenario.id === scenarioId)!.scenario;
    const step = scenario.steps.find((s) => s.id === stepId)!;
    const at = decidingStatement(scenario, step)!;
    const right = trustStatements(scenario).find(
      (st) => renderCondition(st.condition) === q.answer,
    )!.condition;
    expect(checkDistractor(scenario, step, at, right).outcome).toBe('success');
  });
});

describe('learn checkpoints in review', () => {
  it('open with the scenario and step they follow in learn, then ask what learn asked', async () => {
    const { library, bank } = await builtIn();
    // (a step's prediction, `learn/<scenario>/<step>/predict`, is a checkpoint question too)
    const checkpoints = [...bank.byId.values()].filter(
      (q) => q.id.split('/').length === 3 && q.origin === 'checkpoint',
    );
    expect(checkpoints.length).toBeGreaterThan(20);
    for (const q of checkpoints) {
      const [, scenarioId, stepId] = q.id.split('/');
      const scenario = library.scenarioById.get(scenarioId!)!.scenario;
      const index = scenario.steps.findIndex((st) => st.id === stepId);
      const step = scenario.steps[index]!;
      const [context, ...asked] = q.prompt.split('\n\n');
      expect(context).toBe(
        `Scenario “${scenario.title}”, step ${index + 1}: ${sentence(step.title ?? step.id)}`,
      );
      expect(asked.join('\n\n')).toBe(step.checkpoint!.prompt);
    }
  });
});

describe('selection', () => {
  it('same seed, same quiz (questions and choice order); another seed, another quiz', async () => {
    const { bank } = await builtIn();
    const a = selectQuestions(bank, { count: 10, seed: 42 });
    const b = selectQuestions(bank, { count: 10, seed: 42 });
    const c = selectQuestions(bank, { count: 10, seed: 43 });
    expect(b.map((q) => q.id)).toEqual(a.map((q) => q.id));
    expect(b.map((q) => presentChoices(q, 42))).toEqual(a.map((q) => presentChoices(q, 42)));
    expect(c.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });

  it('asks a what-if\'s "what happens?" only where the learner picked its scenario', async () => {
    const { bank } = await builtIn();
    const generatedOutcome = (q: { origin: string; type: string }) =>
      q.origin === 'generated' && q.type === 'outcome';
    expect(bank.questions.filter(generatedOutcome).length).toBeGreaterThan(10);
    const mixed = selectQuestions(bank, { count: 10_000, seed: 1 });
    expect(mixed.filter(generatedOutcome)).toEqual([]);
    expect(mixed.length).toBe(bank.questions.filter((q) => !generatedOutcome(q)).length);
    const one = selectQuestions(bank, { scenario: 'service-role-confused-deputy', count: 100, seed: 1 });
    expect(one.filter(generatedOutcome).length).toBeGreaterThan(0);
    // nor in a mock exam
    const mock = planMock(bank, 'SAA-C03', 1, 1000);
    expect(mock.questions.filter(generatedOutcome)).toEqual([]);
  });

  it('filters by scenario and topic, and rejects unknown ones with a did-you-mean', async () => {
    const { bank } = await builtIn();
    const eks = selectQuestions(bank, { scenario: 'eks-irsa', count: 100, seed: 1 });
    expect(eks.length).toBeGreaterThan(3);
    expect(eks.every((q) => q.scenario === 'eks-irsa')).toBe(true);
    const saml = selectQuestions(bank, { topics: ['saml', 'mfa'], count: 1000, seed: 1 });
    expect(saml.every((q) => q.topics.includes('saml') || q.topics.includes('mfa'))).toBe(true);
    expect(() => selectQuestions(bank, { scenario: 'eks-irs', count: 5, seed: 1 })).toThrow(
      expect.objectContaining({ exitCode: 2, hint: 'did you mean `eks-irsa`?' }),
    );
    expect(() => selectQuestions(bank, { topics: ['sam'], count: 5, seed: 1 })).toThrow(
      expect.objectContaining({ exitCode: 2, hint: 'did you mean `saml`?' }),
    );
  });

  it('never shows an order question already in the right order', async () => {
    const { bank } = await builtIn();
    for (const q of bank.questions.filter((x) => x.type === 'order')) {
      for (const seed of [1, 2, 3, 4, 5]) expect(presentChoices(q, seed)).not.toEqual(q.answer);
    }
  });
});

describe('trust distractors the engine would accept are left out', () => {
  it('drops a condition that also matches this request', async () => {
    const { library } = await builtIn();
    const { trustQuestion } = await import('../../src/quiz/generate.js');
    const scenario = library.scenarios.find((s) => s.scenario.id === 'third-party-external-id')!.scenario;
    const step = scenario.steps.find((s) => s.id === 'assume-northwind')!;
    const alsoTrue = { StringLike: { 'sts:ExternalId': 'wt-*' } };
    const absentKey = { StringNotEquals: { 'aws:SourceAccount': '999999999999' } }; // absent key: matches
    const wrong = [
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' } },
      { StringEquals: { 'sts:ExternalId': 'someone-else' } },
    ];
    const pool = [alsoTrue, absentKey, ...wrong].map((condition) => ({
      scenario: 'other',
      condition: condition as ConditionBlock,
      kind: 'role',
    }));
    const q = trustQuestion(scenario, step, pool)!;
    expect(q.choices).not.toContain(renderCondition(alsoTrue));
    expect(q.choices).not.toContain(renderCondition(absentKey));
    expect(q.choices).toHaveLength(4);
  });

  it('describe the situation in words: no step ids, YAML paths or parameter lists, nothing about the trainer', async () => {
    const { bank } = await builtIn();
    const generated = bank.questions.filter((q) => q.origin === 'generated');
    expect(generated.length).toBeGreaterThan(50);
    for (const q of generated) {
      expect(q.prompt, q.id).not.toMatch(/step `|params\.|context\.|with the parameters/);
      expect(q.prompt, q.id).not.toMatch(/sts-trainer|the trainer|the engine|simulat/i);
    }
    // the API question says who asks, what they hold and what they want
    const web = generated.find((q) => q.id.includes('/api/') && q.answer === 'AssumeRoleWithWebIdentity')!;
    expect(web.prompt).toContain('holding an OpenID Connect token');
    expect(web.prompt).not.toMatch(/WebIdentityToken|RoleSessionName/);
    // an earlier step is named by its title, in a phrase that can be the subject of a sentence
    expect(
      generated.some((q) =>
        /The holder of the temporary credentials from the earlier step “[^”]+” wants /.test(q.prompt),
      ),
    ).toBe(true);
    // no masked API left as a hole in a title, and the title line ends as a sentence
    for (const q of generated.filter((g) => g.id.includes('/api/'))) {
      const first = q.prompt.split('\n')[0]!;
      expect(first, q.id).not.toContain('[…]');
      expect(first, q.id).toMatch(/[.?!:…]$/);
    }
    // a what-if change in words
    expect(generated.some((q) => /with this change: the \w+ parameter is /.test(q.prompt))).toBe(true);
  });

  it('trust distractors come from the same kind of flow as the answer (same OIDC provider, SAML, AssumeRole)', async () => {
    const { bank, library } = await builtIn();
    const statements = new Map(
      library.scenarios.flatMap(({ scenario }) =>
        trustStatements(scenario).map((st) => [renderCondition(st.condition), st] as const),
      ),
    );
    const trust = bank.questions.filter((q) => q.id.includes('/trust/'));
    for (const q of trust) {
      const kinds = new Set(q.choices.map((c) => conditionKind(statements.get(c)!.condition)));
      expect(kinds.size, q.id).toBe(1);
      // and the same kind of caller: a service's conditions are offered only for that service's call
      expect(new Set(q.choices.map((c) => statements.get(c)?.kind ?? 'unknown')).size, q.id).toBe(1);
    }
    expect(trust.length).toBeGreaterThan(3);
    // IAM Roles Anywhere's trust names its own ARNs: no other flow's condition sits next to it
    expect(
      trust.some(
        (q) =>
          q.choices.some((c) => c.includes('rolesanywhere')) &&
          q.choices.length > 1 &&
          !q.choices.every((c) => c.includes('rolesanywhere')),
      ),
    ).toBe(false);
    expect(statementKind({ Principal: { Service: 'rolesanywhere.amazonaws.com' }, Condition: {} })).toBe(
      'service:rolesanywhere.amazonaws.com',
    );
    expect(statementKind({ Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' } })).toBe(
      'saml',
    );
    expect(
      statementKind({
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    ).toBe('role');
    expect(conditionKind({ StringEquals: { 'cognito-identity.amazonaws.com:aud': 'x' } })).toBe(
      'web:cognito-identity.amazonaws.com',
    );
    expect(conditionKind({ StringEquals: { 'SAML:aud': 'x' } })).toBe('saml');
    expect(conditionKind({ StringEquals: { 'sts:ExternalId': 'x' } })).toBe('role');
  });
});

describe('a what-if change in words', () => {
  it.each([
    [{ context: null }, 'without its request context keys'],
    [
      { context: { 'aws:SourceAccount': '121212121212' } },
      'the request context key aws:SourceAccount is 121212121212',
    ],
    [{ region: null }, 'sent to the global endpoint'],
    [{ region: 'eu-central-1' }, 'the Region of the STS endpoint is eu-central-1'],
    [{ params: { DurationSeconds: 7200 } }, 'the DurationSeconds parameter is 7200'],
    [{ params: { SerialNumber: null } }, 'without the SerialNumber parameter'],
    [{ params: { WebIdentityToken: { aud: 'x' } } }, 'the aud claim of the WebIdentityToken parameter is x'],
    [
      { via: ['glue.amazonaws.com'] },
      'the chain of AWS services that made the request (aws:CalledVia) is ["glue.amazonaws.com"]',
    ],
    [{ resource: '*' }, 'the resource is *'],
  ])('%j → %s', (change, words) => {
    expect(describeChange(change)).toEqual([words]);
  });

  it('tells a wait in words and no change where there is none', async () => {
    const { bank } = await builtIn();
    const q = bank.byId.get('gen/cross-account-assume-role/outcome/read-after-expiry')!;
    expect(q.prompt).toContain('The clock first moves forward 1 h.');
    expect(q.prompt).not.toContain('with this change');
  });

  it('tells only what differs from the step’s own call', () => {
    const call = {
      api: 'Request',
      as: '$assume',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      params: { DurationSeconds: 3600 },
    } as Call;
    // as whatIfQuestion tells a change: without what noOpChanges finds unchanged
    const told = (change: Record<string, unknown>) =>
      describeChange(change, [], new Set(noOpChanges(call, change).map((p) => JSON.stringify(p))));
    expect(told({ resource: 'arn:aws:s3:::b/k' })).toEqual([]);
    expect(told({ resource: 'arn:aws:s3:::b/other' })).toEqual(['the resource is arn:aws:s3:::b/other']);
    expect(told({ params: { DurationSeconds: 3600, ExternalId: null } })).toEqual([]);
    expect(told({ params: { DurationSeconds: 7200 } })).toEqual(['the DurationSeconds parameter is 7200']);
    expect(told({ params: { DurationSeconds: null } })).toEqual(['without the DurationSeconds parameter']);
  });
});
