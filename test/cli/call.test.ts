import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const XA = 'cross-account-assume-role';
const ROLE = 'RoleArn=arn:aws:iam::222222222222:role/ReportReader';

/** Runs `sts-trainer call <api> --scenario <scenario> --as <as> ...rest`. */
const call = (api: string, scenario: string, as: string, ...rest: string[]) =>
  runCli(['call', api, '--scenario', scenario, '--as', as, ...rest]);
/** `--param K=V` for each pair. */
const params = (...pairs: string[]) => pairs.flatMap((p) => ['--param', p]);

describe('call', () => {
  it('prints the request, the trace and the result', async () => {
    const r = await call('AssumeRole', XA, 'user/dana', ...params(ROLE, 'RoleSessionName=try-1'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('aws sts assume-role');
    expect(r.stdout).toContain('What STS checked:');
    expect(r.stdout).toContain('arn:aws:sts::222222222222:assumed-role/ReportReader/try-1');
    expect(r.stdout).toMatch(/access key id +ASIA…/);
  });

  it('a denial is the answer: exit 0 with the AWS error', async () => {
    const r = await call('AssumeRole', XA, 'user/evan', ...params(ROLE, 'RoleSessionName=evan'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AccessDenied (HTTP 403)');
  });

  it('--json prints the CallResult; values parse as YAML scalars', async () => {
    const r = await call(
      'AssumeRole',
      XA,
      'user/dana',
      ...params(ROLE, 'RoleSessionName=long', 'DurationSeconds=7200'),
      '--json',
    );
    expect(r.code).toBe(0);
    const { result } = JSON.parse(r.stdout) as {
      result: { outcome: string; code: string; trace: Record<string, unknown>[] };
    };
    // ReportReader's MaxSessionDuration is 1 h: a number 7200 is checked against it
    expect(result.outcome).toBe('error');
    expect(result.code).toBe('ValidationError');
    // the deciding check as data (id, values) and, for convenience, in the walkthrough's words
    expect(result.trace.filter((c) => c.ok === false)).toEqual([
      {
        id: 'duration.limit',
        phase: 'duration',
        ok: false,
        ref: expect.stringContaining('.html'),
        values: {
          rule: 'role',
          requested: 7200,
          seconds: 7200,
          role: 'ReportReader',
          maximum: 3600,
          chaining: false,
        },
        title: "duration within the role's MaxSessionDuration",
        detail: 'requested 7200 s; role ReportReader allows at most 3600 s',
      },
    ]);
  });

  it('--as $step replays the scenario up to that step first', async () => {
    const r = await call(
      'Request',
      XA,
      '$assume',
      ...['--action', 's3:GetObject'],
      ...['--resource', 'arn:aws:s3:::brightwave-prod-reports/2026/q1-revenue.csv'],
      '--json',
    );
    expect(r.code).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: { outcome: string; caller: string } };
    expect(result.outcome).toBe('success');
    expect(result.caller).toContain('assumed-role/ReportReader');
  });

  it("heads a request to another service's trace with AWS, not STS", async () => {
    // Given an S3 read as the assumed role, When shown, Then the checks are AWS's (S3 authorizes it)
    const r = await call(
      'Request',
      XA,
      '$assume',
      ...['--action', 's3:GetObject'],
      ...['--resource', 'arn:aws:s3:::brightwave-prod-reports/2026/q1-revenue.csv'],
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What AWS checked:');
    expect(r.stdout).not.toContain('What STS checked:');
  });

  it('structured params parse as YAML', async () => {
    const r = await call(
      'AssumeRole',
      'abac-session-tags',
      'user/dana',
      ...params(
        'RoleArn=arn:aws:iam::666677778888:role/ProjectData',
        'RoleSessionName=dana-x',
        'Tags=[{Key: project, Value: falcon}]',
      ),
      '--json',
    );
    expect(r.code).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: { view: { tags: Record<string, string> } } };
    expect(result.view.tags).toEqual({ project: 'falcon' });
  });

  it.each([
    [['--param', 'nonsense'], 'bad --param `nonsense`: expected K=V'],
    [['--param', 'Tags=[unclosed'], 'bad --param `Tags=[unclosed`: the value is not valid YAML'],
    [['--param', 'DurationSeconds=&a [*a]'], 'bad --param `DurationSeconds=&a [*a]`: the value holds itself'],
  ])('a bad %j is a usage error', async (extra, message) => {
    const r = await call('AssumeRole', XA, 'user/dana', ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('an unknown scenario gets a did-you-mean', async () => {
    const r = await call('GetCallerIdentity', 'role-chainng', 'user/dana');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: did you mean `role-chaining`?');
  });

  it('an unknown step in --as gets a did-you-mean', async () => {
    const r = await call('GetCallerIdentity', XA, '$asume');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean `$assume`?');
  });
});
