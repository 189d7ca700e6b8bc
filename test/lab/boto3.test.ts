// boto3 (Python), unmodified, against the lab: profiles with source_profile, a service error, a
// presigned GetCallerIdentity GET URL (what `aws eks get-token` makes) and AssumeRoleWithSAML. Every child gets HOME and the AWS config paths explicitly: never the real ~/.aws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedAwsEnv, runProgram, startLab, type Running } from './helpers.js';

const probe = spawnSync('sh', ['-c', 'command -v python3 && python3 -c "import boto3"'], {
  encoding: 'utf8',
});
const PYTHON = probe.status === 0 ? probe.stdout.trim().split('\n')[0] : undefined;
if (!PYTHON) console.warn('boto3.test: python3 with boto3 is not available; these tests are skipped');

const SCRIPT = `
import json, sys, urllib.error, urllib.request
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

saml_url, assertion, lab_url = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}
out['role'] = boto3.Session(profile_name='ReportReader').client('sts').get_caller_identity()['Arn']
try:
    boto3.Session(profile_name='evan').client('sts').assume_role(
        RoleArn='arn:aws:iam::222222222222:role/ReportReader', RoleSessionName='evan-curious')
    out['evan'] = 'allowed'
except ClientError as e:
    out['evan'] = {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'],
                   'status': e.response['ResponseMetadata']['HTTPStatusCode']}
url = boto3.Session(profile_name='dana').client('sts').generate_presigned_url(
    'get_caller_identity', ExpiresIn=60, HttpMethod='GET')
with urllib.request.urlopen(url) as r:
    out['presigned'] = {'url': url, 'status': r.status, 'body': r.read().decode()}
s3 = boto3.Session(profile_name='dana').client(
    's3', endpoint_url=lab_url, config=Config(signature_version='s3v4', s3={'addressing_style': 'path'}))
url = s3.generate_presigned_url('get_object', Params={'Bucket': 'reports', 'Key': 'q1.csv'}, ExpiresIn=60)
try:
    with urllib.request.urlopen(url) as r:
        out['s3'] = {'status': r.status, 'body': r.read().decode()}
except urllib.error.HTTPError as e:
    out['s3'] = {'status': e.code, 'body': e.read().decode()}
saml = boto3.client('sts', endpoint_url=saml_url, region_name='us-east-1')
res = saml.assume_role_with_saml(
    RoleArn='arn:aws:iam::333333333333:role/Okta-FinanceAnalyst',
    PrincipalArn='arn:aws:iam::333333333333:saml-provider/Okta', SAMLAssertion=assertion)
out['saml'] = res['AssumedRoleUser']['Arn']
print(json.dumps(out))
`;

describe.skipIf(!PYTHON)('boto3 against the lab', { timeout: 60_000 }, () => {
  let r: Running;
  let saml: Running;
  let home: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    r = await startLab('cross-account-assume-role');
    saml = await startLab('saml-federation');
    home = mkdtempSync(join(tmpdir(), 'sts-lab-boto3-'));
    env = isolatedAwsEnv(r, home);
  });
  afterAll(async () => {
    await r.server.close();
    await saml.server.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('assumes through source_profile, reads AccessDenied, signs a presigned URL, federates with SAML', async () => {
    const token = saml.lab.token('assume')!;
    const run = await runProgram(PYTHON!, ['-c', SCRIPT, saml.server.url, token.text, r.server.url], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      role: string;
      evan: unknown;
      presigned: { url: string; status: number; body: string };
      s3: { status: number; body: string };
      saml: string;
    };
    expect(out.role).toBe('arn:aws:sts::222222222222:assumed-role/ReportReader/dana-q1-report');
    expect(out.evan).toEqual({
      code: 'AccessDenied',
      message:
        'User: arn:aws:iam::111111111111:user/evan is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/ReportReader',
      status: 403,
    });
    expect(out.presigned.url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/\?Action=GetCallerIdentity&.*X-Amz-Signature=/,
    );
    expect(out.presigned.status).toBe(200);
    expect(out.presigned.body).toContain('<Arn>arn:aws:iam::111111111111:user/dana</Arn>');
    // A presigned S3 URL signs UNSIGNED-PAYLOAD: the signature verifies and the engine decides.
    const s3 = r.events.find((e) => e.api === 's3:GetObject');
    expect(s3).toMatchObject({ caller: 'dana', target: 'arn:aws:s3:::reports/q1.csv' });
    expect(s3?.code).not.toBe('SignatureDoesNotMatch');
    expect(out.s3.status).toBe(s3?.outcome === 'success' ? 200 : 403);
    expect(out.saml).toBe(
      'arn:aws:sts::333333333333:assumed-role/Okta-FinanceAnalyst/priya.nair@larkspur.example',
    );
    expect(r.events.map((e) => `${e.api} ${e.caller} ${e.outcome}`)).toEqual([
      'AssumeRole dana success',
      'GetCallerIdentity ReportReader/dana-q1-report success',
      'AssumeRole evan error',
      'GetCallerIdentity dana success',
      `s3:GetObject dana ${s3?.outcome}`,
    ]);
    expect(saml.lab.done.has('assume')).toBe(true);
  });

  it('a SigV2 presigned S3 URL (signature_version="s3") gets S3’s InvalidRequest, not an STS error', async () => {
    const script = `
import json, sys, urllib.error, urllib.request
import boto3
from botocore.config import Config
s3 = boto3.Session(profile_name='dana').client(
    's3', endpoint_url=sys.argv[1], config=Config(signature_version='s3', s3={'addressing_style': 'path'}))
url = s3.generate_presigned_url('get_object', Params={'Bucket': 'reports', 'Key': 'q1.csv'}, ExpiresIn=60)
try:
    with urllib.request.urlopen(url) as r:
        out = {'url': url, 'status': r.status, 'body': r.read().decode()}
except urllib.error.HTTPError as e:
    out = {'url': url, 'status': e.code, 'body': e.read().decode()}
print(json.dumps(out))
`;
    const run = await runProgram(PYTHON!, ['-c', script, r.server.url], env);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { url: string; status: number; body: string };
    expect(out.url).toMatch(/[?&]AWSAccessKeyId=AKIA[A-Z0-9]+&Signature=[^&]+&Expires=\d+/);
    expect(out.status).toBe(400);
    expect(out.body).toContain(
      '<Code>InvalidRequest</Code><Message>The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.</Message>',
    );
    expect(r.events.at(-1)).toMatchObject({ api: 's3:GetObject', caller: 'dana', code: 'InvalidRequest' });
  });
});
