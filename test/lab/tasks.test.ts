// The task list ticks a task only for a call that sends what its step or what-if sends (src/lab/tasks.ts):
// through @aws-sdk/client-sts against the lab, and for every built-in scenario through the matcher.
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario, runWhatIf } from '../../src/content/run.js';
import { Lab } from '../../src/lab/lab.js';
import { matchCall } from '../../src/lab/tasks.js';
import { IdpKeys, readJwt, readSaml } from '../../src/lab/tokens.js';
import { failure, startLab, type Running } from './helpers.js';

/** Runs `test` against a lab of `scenario`, and stops the lab whatever happens. */
async function withLab(scenario: string, test: (r: Running) => Promise<void>): Promise<void> {
  const r = await startLab(scenario);
  try {
    await test(r);
  } finally {
    await r.server.close();
  }
}

/** The ids of the tasks the lab's last call line checked off. */
const ticked = (r: Running) => r.events.at(-1)!.completed.map((t) => t.id);

describe('a call ticks the task whose parameters it sends, not another with the same outcome', () => {
  it('github-actions-oidc: the pull-request token ticks its step; the feature-branch token its what-if', () =>
    withLab('github-actions-oidc', async (r) => {
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      const send = (step: string) =>
        failure(
          anonymous.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: 'arn:aws:iam::444444444444:role/GitHubDeploy',
              RoleSessionName: 'GitHubActions',
              WebIdentityToken: r.lab.token(step)!.text,
            }),
          ),
        );
      // Given the pull request's token (sub …:pull_request), When it asks for the deploy role, Then only task 3
      expect((await send('pr-denied')).name).toBe('AccessDenied');
      expect(ticked(r)).toEqual(['pr-denied']);
      // When the feature branch's token (sub …:ref:refs/heads/feature/new-cart) asks, Then its what-if
      expect((await send('what-if/feature-branch')).name).toBe('AccessDenied');
      expect(ticked(r)).toEqual(['what-if/feature-branch']);
    }));

  it('third-party-external-id: a wrong external ID ticks task 3; none at all the what-if that sends none', () =>
    withLab('third-party-external-id', async (r) => {
      const collector = r.sts(r.key('user/collector'));
      const assume = (externalId?: string) =>
        failure(
          collector.send(
            new AssumeRoleCommand({
              RoleArn: 'arn:aws:iam::222233334444:role/WatchTowerIntegration',
              RoleSessionName: 'watchtower-northwind',
              ...(externalId ? { ExternalId: externalId } : {}),
            }),
          ),
        );
      expect((await assume('wt-c41e9a07-mallory')).name).toBe('AccessDenied');
      expect(ticked(r)).toEqual(['confused-deputy-blocked']);
      expect((await assume()).name).toBe('AccessDenied');
      expect(ticked(r)).toEqual(['what-if/missing-external-id']);
    }));

  it('saml-federation: the wrong-recipient assertion `lab token` mints is denied, and ticks its what-if', () =>
    withLab('saml-federation', async (r) => {
      const token = r.lab.token('what-if/wrong-recipient')!;
      const anonymous = new STSClient({ endpoint: r.server.url, region: 'us-east-1', maxAttempts: 1 });
      const err = await failure(
        anonymous.send(
          new AssumeRoleWithSAMLCommand({
            RoleArn: token.roleArn!,
            PrincipalArn: token.principalArn!,
            SAMLAssertion: token.text,
          }),
        ),
      );
      expect(err.name).toBe('AccessDenied');
      expect(ticked(r)).toEqual(['what-if/wrong-recipient']);
    }));
});

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });

// Every built-in scenario is a case: the rule must not leave a task that its own call cannot tick.
describe.each(library.scenarios.map((s) => [s.scenario.id, s.scenario] as const))('%s', (_id, scenario) => {
  it('each task’s own call, its token as `lab token` mints it, ticks that task', () => {
    const idp = new IdpKeys();
    const lab = new Lab({ scenario, idp });
    const main = runScenario(scenario);
    for (const task of lab.tasks) {
      if (!task.possible || task.kind === 'advance') continue;
      const whatIf = scenario.whatIf?.find((w) => `what-if/${w.id}` === task.id);
      const result = whatIf
        ? runWhatIf(scenario, whatIf, main).result
        : main.steps.find((s) => s.step.id === task.id)!.result!;
      // as it arrives: the token as text read back, a session's key under the lab's own id
      const params: Record<string, unknown> = { ...task.call!.params };
      const token = lab.token(task.id);
      if (token?.kind === 'web-identity') params.WebIdentityToken = readJwt(token.text, idp);
      if (token?.kind === 'saml') params.SAMLAssertion = readSaml(token.text, idp);
      const as = task.call!.as;
      const fromStep = as.startsWith('$') ? [as.slice(1)] : [];
      const call = { ...task.call!, params, as: fromStep.length ? '$lab1' : as };
      const match = matchCall(lab.tasks, { call, signerSteps: fromStep, result });
      expect(
        match.completing.map((t) => t.id),
        task.id,
      ).toContain(task.id);
    }
  });
});
