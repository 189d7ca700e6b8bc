import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runScenario, runWhatIf } from '../../src/content/run.js';
import type { Call } from '../../src/content/schema.js';
import { callerLabel, cliCommand, paramsText, shellQuote } from '../../src/learn/request.js';
import { maskKey, renderResult } from '../../src/learn/result.js';
import { humanDuration } from '../../src/ui/duration.js';
import { renderOutcome, renderStepIntro } from '../../src/learn/screens.js';
import { conditionLine } from '../../src/learn/trace.js';
import { renderTrustPolicy, trustViewFor } from '../../src/learn/trust.js';
import { renderScenarioList } from '../../src/learn/pick.js';
import { createTheme } from '../../src/ui/theme.js';

const t = createTheme({ color: false, plain: true, columns: 80 });
const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });
const scenario = (id: string) => library.scenarioById.get(id)!.scenario;

describe('the request as an AWS CLI command', () => {
  const calls: [string, Call][] = [
    [
      'assume-role with external id and tags',
      {
        api: 'AssumeRole',
        as: 'user/dana',
        params: {
          RoleArn: 'arn:aws:iam::222222222222:role/R',
          RoleSessionName: 's1',
          ExternalId: 'ext 1',
          Tags: [{ Key: 'project', Value: 'falcon' }],
        },
      },
    ],
    [
      'get-session-token with MFA',
      {
        api: 'GetSessionToken',
        as: 'user/lena',
        params: { SerialNumber: 'arn:aws:iam::1:mfa/lena', TokenCode: '123456' },
      },
    ],
    [
      'sso',
      {
        api: 'GetRoleCredentials',
        as: 'sso/maria',
        params: { AccountId: '222222222222', RoleName: 'Support' },
      },
    ],
    [
      's3 request',
      { api: 'Request', as: '$a', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/b.csv' },
    ],
    [
      'iam request',
      { api: 'Request', as: '$a', action: 'iam:CreateUser', resource: 'arn:aws:iam::1:user/x' },
    ],
    [
      's3 put',
      { api: 'Request', as: '$a', action: 's3:PutObject', resource: 'arn:aws:s3:::bucket/index.html' },
    ],
    ['ec2 describe', { api: 'Request', as: '$a', action: 'ec2:DescribeInstances', resource: '*' }],
    [
      'ecs update',
      {
        api: 'Request',
        as: '$a',
        action: 'ecs:UpdateService',
        resource: 'arn:aws:ecs:eu-north-1:343434343434:service/prod/api',
      },
    ],
    [
      'dynamodb scan',
      {
        api: 'Request',
        as: '$a',
        action: 'dynamodb:Scan',
        resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/Orders',
      },
    ],
    [
      'other request',
      {
        api: 'Request',
        as: '$a',
        action: 'kms:Decrypt',
        resource: 'arn:aws:kms:us-east-1:111111111111:key/1234',
      },
    ],
  ];
  it('spells each API as its CLI command (quoting what needs it)', () => {
    expect(calls.map(([name, call]) => `${name}: ${cliCommand(call, 1000)}`).join('\n'))
      .toMatchInlineSnapshot(`
      "assume-role with external id and tags: aws sts assume-role --role-arn arn:aws:iam::222222222222:role/R --role-session-name s1 --external-id 'ext 1' --tags Key=project,Value=falcon
      get-session-token with MFA: aws sts get-session-token --serial-number arn:aws:iam::1:mfa/lena --token-code 123456
      sso: aws sso get-role-credentials --account-id 222222222222 --role-name Support --access-token "$PORTAL_TOKEN"
      s3 request: aws s3api get-object --bucket bucket --key a/b.csv b.csv
      iam request: aws iam create-user --user-name x
      s3 put: aws s3api put-object --bucket bucket --key index.html
      ec2 describe: aws ec2 describe-instances
      ecs update: aws ecs update-service --cluster prod --service api
      dynamodb scan: aws dynamodb scan --table-name Orders
      other request: # kms:Decrypt on arn:aws:kms:us-east-1:111111111111:key/1234"
    `);
  });

  it('breaks long commands one flag per line', () => {
    const call: Call = {
      api: 'AssumeRoleWithWebIdentity',
      as: 'anonymous',
      params: {
        RoleArn: 'arn:aws:iam::444455556666:role/orders-s3-reader',
        RoleSessionName: 'pod',
        WebIdentityToken: { iss: 'x' },
      },
    };
    expect(cliCommand(call, 60)).toMatchInlineSnapshot(`
      "aws sts assume-role-with-web-identity \\
          --role-arn arn:aws:iam::444455556666:role/orders-s3-reader \\
          --role-session-name pod \\
          --web-identity-token "$TOKEN""
    `);
    expect(paramsText(call)).toMatchInlineSnapshot(`
      "RoleArn: arn:aws:iam::444455556666:role/orders-s3-reader
      RoleSessionName: pod
      WebIdentityToken:
        iss: x"
    `);
  });

  it('spells a control character in a value with ANSI-C quoting, keeping the command on one line', () => {
    // A session name with a line break (from a pack or `call --param`) must not split the command;
    // $'…' pastes into bash or zsh as the same value.
    const call: Call = {
      api: 'AssumeRole',
      as: 'user/dana',
      params: { RoleArn: 'arn:aws:iam::1:role/R', RoleSessionName: "it's\nme\u001b[31m\\" },
    };
    expect(cliCommand(call, 1000)).toBe(
      String.raw`aws sts assume-role --role-arn arn:aws:iam::1:role/R --role-session-name $'it\'s\nme\e[31m\\'`,
    );
    // and a value without one keeps plain single quotes
    expect(cliCommand({ ...call, params: { RoleSessionName: "it's me" } }, 1000)).toBe(
      String.raw`aws sts assume-role --role-session-name 'it'\''s me'`,
    );
  });

  it('quotes every value so that bash reads back exactly that value', () => {
    for (const value of [
      "it's\nme\u001b[31m\\",
      'a\tb\rc\u0001\u007f',
      "x'y",
      'plain',
      'a b',
      '$HOME\n`id`',
    ]) {
      const printed = execFileSync('bash', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(printed).toBe(value);
    }
  });

  it('keeps a request it cannot spell as a command on one comment line', () => {
    // An action or resource with a line break (from `call --action`, a pack or a what-if) must not
    // start a line of its own after the `#`.
    const [action, resource] = ['s3:GetObject\n::error x', 'arn:aws:s3:::b/k\rINJECTED'];
    const call: Call = { api: 'Request', as: 'user/dana', action, resource };
    expect(cliCommand(call, 1000)).toBe(String.raw`# s3:GetObject\n::error x on arn:aws:s3:::b/k\rINJECTED`);
  });
});

describe('results', () => {
  it('masks credentials and gives expiry in simulated time', () => {
    const run = runScenario(scenario('cross-account-assume-role'), { upTo: 'assume' });
    expect(renderResult(run.steps.at(-1)!.result!, t)).toMatchInlineSnapshot(`
      "✔ Success
        principal
          arn:aws:sts::222222222222:assumed-role/ReportReader/dana-q1-report
        account           222222222222
        user id           AROACHDD6O4KYV4RMZK54:dana-q1-report
        access key id     ASIA…3WIK
        secret key        ****
        session token     ****
        expires           2026-03-02 10:00:00 UTC (in 1 h)"
    `);
  });

  it('shows the exact AWS error with its HTTP status', () => {
    const s = scenario('third-party-external-id');
    const w = s.whatIf![0]!;
    expect(renderResult(runWhatIf(s, w).result, t)).toMatchInlineSnapshot(`
      "✘ AccessDenied (HTTP 403)
        An error occurred (AccessDenied) when calling the AssumeRole operation: User:
        arn:aws:iam::111122223333:user/collector is not authorized to perform:
        sts:AssumeRole on resource:
        arn:aws:iam::222233334444:role/WatchTowerIntegration"
    `);
  });

  /** The result of a built-in scenario's step, with the call that gave it. */
  const stepResult = (id: string, stepId: string) => {
    const s = scenario(id);
    const run = runScenario(s, { upTo: stepId });
    return { result: run.steps.at(-1)!.result!, call: s.steps.find((st) => st.id === stepId)!.call! };
  };

  it('names the operation of a request to another service, as the AWS CLI does', () => {
    const { result, call } = stepResult('abac-session-tags', 'read-other-project');
    expect(call.action).toBe('s3:GetObject');
    const text = renderResult(result, t, call);
    expect(text).toContain('An error occurred (AccessDenied) when calling the GetObject operation: User:');
    expect(text).not.toContain('Request operation');
    expect(text).not.toContain('sends this denial');
  });

  it("gives S3's status for its ExpiredToken (400, where STS's is 403), and no second line saying so", () => {
    const { result, call } = stepResult('cross-account-assume-role', 'expired');
    expect(call.action).toBe('s3:GetObject');
    expect(renderResult(result, t, call)).toBe(
      '✘ ExpiredToken (HTTP 400)\n  An error occurred (ExpiredToken) when calling the GetObject operation: The\n  provided token has expired.',
    );
  });

  it("shows EC2's and a JSON service's own name for a denial, under the engine's", () => {
    const ec2 = stepResult('abac-session-tags', 'stop-other-instance');
    expect(renderResult(ec2.result, t, ec2.call)).toMatchInlineSnapshot(`
      "✘ AccessDenied (HTTP 403)
        EC2 sends this denial as UnauthorizedOperation:
        An error occurred (UnauthorizedOperation) when calling the StopInstances
        operation: You are not authorized to perform this operation. User:
        arn:aws:sts::666677778888:assumed-role/ProjectData/dana-falcon is not
        authorized to perform: ec2:StopInstances on resource:
        arn:aws:ec2:us-east-1:666677778888:instance/i-0a9b8c7d6e5f4a312 because no
        identity-based policy allows the ec2:StopInstances action"
    `);
    const json = { ...ec2, call: { ...ec2.call, action: 'dynamodb:Scan' } };
    const text = renderResult(json.result, t, json.call).replace(/\n +/g, ' ');
    expect(text).toContain('DynamoDB sends this denial as AccessDeniedException (HTTP 400):');
    expect(text).toContain(
      'An error occurred (AccessDeniedException) when calling the Scan operation: User:',
    );
  });

  it.each([
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [900, '15 min'],
    [45, '45 s'],
    [129600, '36 h'],
    [86400, '24 h'],
    [3599, '59 min 59 s'],
    [0, '0 s'],
    [-90, '1 min 30 s'],
    [59.6, '1 min'],
  ])('%i s is %s', (s, words) => expect(humanDuration(s)).toBe(words));

  it('masks keys to their first and last four characters', () => {
    expect(maskKey('ASIAPQ3ETSJYK5F2GHUG')).toBe('ASIA…GHUG');
  });
});

describe('trace lines', () => {
  it('shows a condition as request value vs policy values', () => {
    expect(
      conditionLine(
        {
          operator: 'StringEquals',
          key: 'sts:ExternalId',
          policyValues: ['a1'],
          requestValues: ['b2'],
          matched: false,
          absent: false,
          perValue: [{ value: 'a1', matched: false }],
        },
        t,
      ),
    ).toMatchInlineSnapshot(`"✘ StringEquals sts:ExternalId: request "b2" vs policy "a1""`);
    expect(
      conditionLine(
        {
          operator: 'BoolIfExists',
          key: 'aws:MultiFactorAuthPresent',
          policyValues: ['true'],
          requestValues: null,
          matched: true,
          absent: true,
          perValue: [{ value: 'true', matched: false }],
          reason: 'if-exists-absent',
        },
        t,
      ),
    ).toMatchInlineSnapshot(
      `"✔ BoolIfExists aws:MultiFactorAuthPresent: request absent vs policy "true" (key absent: …IfExists is true)"`,
    );
  });
});

/** The trust view learn's `t` shows after step `stepId` of scenario `id`. */
function trustViewOf(id: string, stepId: string) {
  const s = scenario(id);
  const step = s.steps.find((x) => x.id === stepId)!;
  const run = runScenario(s, { upTo: stepId });
  return trustViewFor(s.world, step.call!, run.steps.at(-1)!.result)!;
}

describe('the raw trust policy', () => {
  it('highlights the statement that decided the call', () => {
    const view = trustViewOf('cross-account-assume-role', 'assume');
    expect(view.matched).toEqual([0]);
    expect(renderTrustPolicy(view, t)).toMatchInlineSnapshot(`
      "Trust policy of arn:aws:iam::222222222222:role/ReportReader
        {
          "Version": "2012-10-17",
          "Statement": [
      >     {
      >       "Sid": "TrustDevAccount",
      >       "Effect": "Allow",
      >       "Principal": {
      >         "AWS": "arn:aws:iam::111111111111:root"
      >       },
      >       "Action": "sts:AssumeRole"
      >     }
          ]
        }
      Statement 1 (marked >) decided this call."
    `);
  });
});

describe('the raw trust policy of a call with session tags', () => {
  it('marks both statements STS used: the one for sts:AssumeRole and the one for sts:TagSession', () => {
    const view = trustViewOf('abac-session-tags', 'assume-falcon');
    expect(view.matched).toHaveLength(2);
    expect(renderTrustPolicy(view, t)).toContain(
      `Statements ${view.matched[0]! + 1} and ${view.matched[1]! + 1} (marked >) decided this call`,
    );
  });
});

describe('the scenario list without a TTY', () => {
  it('marks completed scenarios and says how to choose', () => {
    const text = renderScenarioList(library, { 'role-chaining': { completed: true } }, t);
    // 80 columns: each scenario is a block (its id, then its columns as `name: value` pairs)
    expect(text).toMatch(/^role-chaining\n(?: {2}.*\n)*? {2}.*done: ✔\n/m);
    expect(text).not.toMatch(/^session-policies\n(?: {2}.*\n)*? {2}.*done: ✔\n/m);
    expect(text).toContain('sts-trainer learn <id>');
  });
});

describe('the heading of a trace', () => {
  it('names AWS for a request to another service, even one refused before authorization', () => {
    // Given S3 reads in cross-account-assume-role: one allowed, one with expired credentials
    const s = scenario('cross-account-assume-role');
    const run = runScenario(s);
    const shown = (id: string) => {
      const st = run.steps.find((x) => x.step.id === id)!;
      return renderOutcome(st.result!, t, { expand: false }, st.step.call);
    };
    expect(shown('expired')).toContain('ExpiredToken');
    // Then both are AWS's checks; STS's own call stays STS's
    expect(shown('expired')).toContain('What AWS checked:');
    expect(shown('read-report')).toContain('What AWS checked:');
    expect(shown('assume')).toContain('What STS checked:');
  });
});

describe('who makes a call', () => {
  it("names an earlier step's credentials by its number and title, not its id", () => {
    const s = scenario('cross-account-assume-role');
    const i = s.steps.findIndex((x) => x.call?.as === '$assume');
    const shown = renderStepIntro(s, i, t, false);
    const at = s.steps.findIndex((x) => x.id === 'assume');
    expect(shown).toContain(
      `as the credentials from step ${at + 1} (${s.steps[at]!.title!.replace(/[.?!]$/, '')})`,
    );
    expect(shown).not.toContain('`assume`');
    // without the steps (a lone call), the id is all there is
    expect(callerLabel('$assume')).toBe('the credentials from step `assume`');
  });
});
