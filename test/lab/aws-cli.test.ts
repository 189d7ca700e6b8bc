// The real AWS CLI (v1 on this project's machines) against the lab, through the config files `lab` writes.
// Every child gets HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE explicitly: never the real ~/.aws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startBinaryLab, until, type Served } from './binary-lab.js';
import { isolatedAwsEnv, runProgram, startLab, type Running } from './helpers.js';

const which = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const AWS = which.status === 0 ? which.stdout.trim() : undefined;
if (!AWS) console.warn('aws-cli.test: the AWS CLI (`aws`) is not on PATH; these tests are skipped');

describe.skipIf(!AWS)('the AWS CLI against the lab', { timeout: 60_000 }, () => {
  let r: Running;
  let home: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
    home = mkdtempSync(join(tmpdir(), 'sts-lab-cli-'));
    env = isolatedAwsEnv(r, home);
  });
  afterAll(async () => {
    await r.server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const aws = (...args: string[]) => runProgram(AWS!, args, env);

  it('get-caller-identity --profile ReportReader: the CLI calls AssumeRole through source_profile itself', async () => {
    const out = await aws('sts', 'get-caller-identity', '--profile', 'ReportReader', '--output', 'json');
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({
      Account: '222222222222',
      Arn: 'arn:aws:sts::222222222222:assumed-role/ReportReader/dana-q1-report',
    });
    expect(r.events.map((e) => `${e.api} ${e.caller} ${e.outcome}`)).toEqual([
      'AssumeRole dana success',
      'GetCallerIdentity ReportReader/dana-q1-report success',
    ]);
    expect(r.lab.done.has('assume')).toBe(true);
  });

  it('assume-role as evan fails with exactly the AWS CLI’s AccessDenied line', async () => {
    const out = await aws(
      'sts',
      'assume-role',
      '--profile',
      'evan',
      '--role-arn',
      'arn:aws:iam::222222222222:role/ReportReader',
      '--role-session-name',
      'evan-curious',
    );
    expect(out.status).toBe(255); // the AWS CLI v1 exits 255 on a service error
    expect(out.stderr.trim()).toBe(
      'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/evan is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/ReportReader',
    );
    expect(r.lab.done.has('evan-denied')).toBe(true);
  });
});

describe.skipIf(!AWS)('the AWS CLI with a SAML assertion from `lab token`', { timeout: 60_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'sts-lab-saml-'));
  const trainerEnv = { STS_TRAINER_HOME: home, HOME: home, XDG_DATA_HOME: home, NO_COLOR: '1' };
  let lab: Served;
  beforeAll(async () => {
    lab = await startBinaryLab('saml-federation', trainerEnv);
  });
  afterAll(async () => {
    lab.child.kill('SIGTERM');
    await lab.exit;
    rmSync(home, { recursive: true, force: true });
  });

  it('runs the assume-role-with-saml command `lab token assume` prints, with the exports of `lab env`', async () => {
    const token = await runCli(['lab', 'token', 'assume'], { env: trainerEnv });
    expect(token.code).toBe(0);
    const file = token.stdout.trim();
    expect(file).toMatch(/assume\.saml$/); // a SAML response is not a JWT
    const command = token.stderr.split('\n')[0]!;
    expect(command).toBe(
      `aws sts assume-role-with-saml --role-arn arn:aws:iam::333333333333:role/Okta-FinanceAnalyst --principal-arn arn:aws:iam::333333333333:saml-provider/Okta --saml-assertion file://${file}`,
    );
    const exports = (await runCli(['lab', 'env'], { env: trainerEnv })).stdout;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    for (const [, name, value] of exports.matchAll(/^export (\w+)='([^']*)'$/gm)) env[name!] = value!;
    expect(env.AWS_CONFIG_FILE).toBe(join(home, 'lab', 'config'));
    const out = await runProgram(AWS!, [...command.split(' ').slice(1), '--output', 'json'], env);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as Record<string, Record<string, string>>;
    expect(result.AssumedRoleUser!.Arn).toBe(
      'arn:aws:sts::333333333333:assumed-role/Okta-FinanceAnalyst/priya.nair@larkspur.example',
    );
    expect(result.Credentials!.AccessKeyId).toMatch(/^ASIA/);
    await until(() => lab.stdout().includes('task 1 done'));
    expect(lab.stdout()).toMatch(/✔ AssumeRoleWithSAML +unsigned → Okta-FinanceAnalyst/);
  });

  it.for([
    ['long-session', '--duration-seconds 14400', 'task 4 done'],
    ['what-if/too-long-for-role', '--duration-seconds 43200', 'task 15 done'],
  ])(
    'the command `lab token %s` prints sends its DurationSeconds, and ticks its task',
    async ([step, flag, done]) => {
      const token = await runCli(['lab', 'token', step!], { env: trainerEnv });
      const command = token.stderr.split('\n')[0]!;
      expect(command).toContain(` ${flag}`);
      const exports = (await runCli(['lab', 'env'], { env: trainerEnv })).stdout;
      const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
      for (const [, name, value] of exports.matchAll(/^export (\w+)='([^']*)'$/gm)) env[name!] = value!;
      await runProgram(AWS!, [...command.split(' ').slice(1), '--output', 'json'], env);
      await until(() => lab.stdout().includes(done!));
      expect(lab.stdout()).toContain(done);
    },
  );
});

describe.skipIf(!AWS)('the AWS CLI pointed at the lab with --endpoint-url only', { timeout: 60_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'sts-lab-endpoint-'));
  const trainerEnv = { STS_TRAINER_HOME: home, HOME: home, XDG_DATA_HOME: home, NO_COLOR: '1' };
  let lab: Served;
  beforeAll(async () => {
    lab = await startBinaryLab('third-party-external-id', trainerEnv);
  });
  afterAll(async () => {
    lab.child.kill('SIGTERM');
    await lab.exit;
    rmSync(home, { recursive: true, force: true });
  });

  it('every profile of the lab’s config names the lab as its endpoint_url', () => {
    const config = readFileSync(join(home, 'lab', 'config'), 'utf8');
    const sections = config.split(/^(?=\[)/m);
    expect(sections.length).toBeGreaterThan(3);
    for (const section of sections) expect(section).toContain(`\nendpoint_url = ${lab.url}\n`);
  });

  it('a role profile’s own AssumeRole goes to the lab too (no AWS_ENDPOINT_URL_STS)', async () => {
    // Given only the config files exported and a dead proxy (a request for real AWS would fail, not leave)
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'lab', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'lab', 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '127.0.0.1',
    };
    // When the learner points the CLI at the lab the LocalStack way
    const out = await runProgram(
      AWS!,
      ['sts', 'get-caller-identity', '--endpoint-url', lab.url, '--profile', 'WatchTowerIntegration'],
      env,
    );
    // Then the CLI's AssumeRole for the profile reached the lab as well
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('assumed-role/WatchTowerIntegration/watchtower-northwind');
    await until(() => lab.stdout().includes('GetCallerIdentity'));
    expect(lab.stdout()).toMatch(/✔ AssumeRole +collector → WatchTowerIntegration/);
  });
});
