// The real AWS CLI (v1 on this project's machines) against the lab, through the config files `lab` writes.
// Every child gets HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE explicitly: never the real ~/.aws.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsConfig } from '../../src/lab/aws-config.js';
import { startLab, type Running } from './helpers.js';

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
    const cfg = awsConfig(r.lab.scenario, r.lab.engine.longTermKeys(), (s) => join(home, `${s}.jwt`));
    writeFileSync(join(home, 'config'), cfg.config);
    writeFileSync(join(home, 'credentials'), cfg.credentials);
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_ENDPOINT_URL_STS: r.server.url,
      AWS_DEFAULT_REGION: cfg.region,
      AWS_PROFILE: cfg.defaultProfile,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  });
  afterAll(async () => {
    await r.server.close();
    rmSync(home, { recursive: true, force: true });
  });

  // Asynchronous: the lab answers from this process's event loop.
  const aws = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(AWS!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

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
