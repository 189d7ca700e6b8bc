/**
 * A learn prediction as a review question (src/learn/predict-bank.ts): its prompt reads as prose at
 * any width, with the AWS CLI command on lines of its own, and the engine's outcome is the answer.
 */
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { STS_APIS, type StsApi } from '../../src/engine/index.js';
import { runScenario, runWhatIf } from '../../src/content/run.js';
import { askPrediction, predictionFor } from '../../src/learn/predict.js';
import { stepPredictionQuestions } from '../../src/learn/predict-bank.js';
import { cliCommand } from '../../src/learn/request.js';
import { outcomeOf } from '../../src/quiz/outcome.js';
import type { Choice, Prompter } from '../../src/ui/prompts.js';
import { wrapText } from '../../src/ui/text.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const scenarios = library.scenarios.map((s) => s.scenario);

describe('step predictions as review questions', () => {
  it('say how far the clock moved since the step before, and how old and long-lived the caller’s credentials are', () => {
    // Given steps asked on their own in review, after an `advance` that learn showed as a step
    const asked = (scenarioId: string, stepId: string) =>
      stepPredictionQuestions(library.scenarioById.get(scenarioId)!.scenario).find((q) =>
        q.id.endsWith(`/${stepId}/predict`),
      )!.prompt;
    // Then the time is said: 55 min then 10 min moved, so credentials from step 4 are 1 h 5 min old
    expect(asked('service-role-confused-deputy', 'old-expired')).toContain(
      'Since the step before, the clock has moved on 10 min. The caller signs with the credentials step 4 returned 1 h 5 min ago, which last 1 h.',
    );
    expect(asked('cross-account-assume-role', 'expired')).toContain(
      'Since the step before, the clock has moved on 1 h. The caller signs with the credentials step 2 returned 1 h ago, which last 1 h.',
    );
    // And a step with no advance before it says nothing of the clock
    expect(asked('cross-account-assume-role', 'assume')).not.toContain('clock');
  });

  it('are made for every call step of every built-in scenario, answered by the engine', () => {
    let count = 0;
    for (const scenario of scenarios) {
      const run = runScenario(scenario);
      const questions = stepPredictionQuestions(scenario);
      const calls = run.steps.filter((s) => s.step.call && s.result);
      expect(questions).toHaveLength(calls.length);
      questions.forEach((q, i) => {
        const result = calls[i]!.result!;
        expect(q.answer).toBe(outcomeOf(result, calls[i]!.step.call!));
        // the verdict is a paragraph of its own: AWS's message often ends without a full stop
        // STS answers its own APIs; a request to another service (S3, sign-in, the SSO portal) is AWS's
        const who = STS_APIS.includes(calls[i]!.step.call!.api as StsApi) ? 'STS' : 'AWS';
        expect(q.explain!.split('\n\n')[0]).toBe(
          result.outcome === 'success'
            ? `${who} lets the call through.`
            : `${who} answers ${result.code}: ${result.message}`,
        );
      });
      count += questions.length;
    }
    expect(count).toBeGreaterThan(50);
    // both kinds of answerer occur, so the check above is not vacuous
    const apis = scenarios.flatMap((s) => s.steps.map((st) => st.call?.api));
    expect(apis).toContain('Request');
    expect(apis).toContain('AssumeRole');
  });

  it.each([60, 80, 120])(
    'wrapped at %i columns, the title ends a sentence and the command keeps its own lines',
    (width) => {
      for (const scenario of scenarios) {
        const run = runScenario(scenario);
        const calls = run.steps.filter((s) => s.step.call && s.result);
        stepPredictionQuestions(scenario).forEach((q, i) => {
          const shown = wrapText(q.prompt, width).split('\n');
          const step = calls[i]!.step;
          const title = step.title ?? step.id;
          const ended = /[.?!:…]$/.test(title) ? title : `${title}.`;
          // the narration after the title starts a new sentence, not the title's last word
          expect(shown.join(' ')).toContain(`step ${calls[i]!.index + 1}: ${ended}`);
          // each line of the command is a line of the screen, as a shell would take it
          const command = cliCommand(step.call!, 74).split('\n');
          for (const line of command) {
            if (line.length + 2 <= width) expect(shown).toContain(`  ${line}`);
          }
          expect(shown.at(-1)).toBe('What happens?');
        });
      }
    },
  );
});

describe('who answers a prediction', () => {
  /** Records what the learner is asked and answers "error", then the first error offered. */
  function asking(): { prompter: Prompter; asked: string[] } {
    const asked: string[] = [];
    const choice = async <T extends string>(message: string, choices: Choice<T>[]) => {
      asked.push(message, ...choices.map((c) => c.name ?? c.value));
      return (choices.find((c) => c.value === 'error') ?? choices[0]!).value;
    };
    return { prompter: { choice } as unknown as Prompter, asked };
  }

  it.each([
    // an STS API: STS answers
    ['cross-account-assume-role', 'AssumeRole', 'STS'],
    // a request to S3 with the session's credentials: S3 answers, not STS
    ['cross-account-assume-role', 'Request', 'AWS'],
  ])('in %s, a %s step is answered by %s', async (id, api, who) => {
    const scenario = scenarios.find((s) => s.id === id)!;
    const step = runScenario(scenario).steps.find((s) => s.step.call?.api === api && s.result)!;
    const q = predictionFor('p', step.step.call!, step.result!, 1, []);
    const { prompter, asked } = asking();
    await askPrediction(q, prompter);
    expect(asked).toContain(`Yes: ${who} answers with success`);
    expect(asked).toContain(`No: ${who} refuses it`);
    expect(asked).toContain(`Predict: which error will ${who} return?`);
    const other = who === 'STS' ? 'AWS' : 'STS';
    expect(asked.join('\n')).not.toContain(`${other} refuses`);
  });
});

describe('a request to another service asks for the error that service sends', () => {
  const scenario = (id: string) => scenarios.find((s) => s.id === id)!;
  const review = (id: string, step: string) =>
    stepPredictionQuestions(scenario(id)).find((q) => q.id === `learn/${id}/${step}/predict`)!;

  it.each([
    // EC2 words a denial UnauthorizedOperation and expired credentials RequestExpired
    ['mfa-get-session-token', 'direct-denied', 'AccessDenied', 'UnauthorizedOperation', 'RequestExpired'],
    // CloudTrail speaks the AWS JSON protocol: AccessDeniedException, ExpiredTokenException
    [
      'organizations-scp-guardrails',
      'dev-stop-logging',
      'AccessDenied',
      'AccessDeniedException',
      'ExpiredTokenException',
    ],
    // S3 keeps STS's ExpiredToken and the engine's AccessDenied
    ['cross-account-assume-role', 'expired', 'ExpiredToken', 'ExpiredToken', 'AccessDenied'],
  ])(
    'in %s, step %s: the engine says %s, the question asks for %s and offers %s',
    (id, stepId, code, answer, other) => {
      const sr = runScenario(scenario(id)).steps.find((s) => s.step.id === stepId)!;
      expect(sr.result).toMatchObject({ outcome: 'error', code });
      // review's question and learn's prediction agree
      const q = review(id, stepId);
      expect(q.answer).toBe(answer);
      expect(q.choices).toContain(other);
      const learn = predictionFor('p', sr.step.call!, sr.result!, 1, []);
      expect(learn.answer).toBe(answer);
      expect(learn.errors).toContain(other);
      // the engine's own name is not offered next to the service's
      if (answer !== code) {
        expect(q.choices).not.toContain(code);
        expect(learn.errors).not.toContain(code);
      }
    },
  );

  it.each([
    // the step calls EC2, the what-if ten hours later: EC2's word for expired credentials
    ['after-expiry', 'ec2:DescribeInstances', 'RequestExpired'],
    // the step calls EC2, the what-if calls IAM instead: a Query service keeps the engine's code
    ['iam-without-mfa', 'iam:CreateAccessKey', 'InvalidClientTokenId'],
  ])("what-if %s asks for the error of its own call's service (%s: %s)", (whatIfId, action, answer) => {
    const s = scenario('mfa-get-session-token');
    const { call, result } = runWhatIf(
      s,
      s.whatIf!.find((x) => x.id === whatIfId)!,
    );
    expect(call.action).toBe(action);
    expect(predictionFor('p', call, result, 1, []).answer).toBe(answer);
  });
});
