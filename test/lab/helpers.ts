import { STSClient } from '@aws-sdk/client-sts';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsConfig } from '../../src/lab/aws-config.js';
import { loadLibrary } from '../../src/content/library.js';
import type { Scenario } from '../../src/content/schema.js';
import { Lab } from '../../src/lab/lab.js';
import { serve, type LabServer } from '../../src/lab/server.js';
import { formatAmzDate, sign } from '../../src/lab/sigv4.js';
import type { LabEvent } from '../../src/lab/lab.js';
import type { KeyLimits } from '../../src/lab/temporary-keys.js';

let library: Awaited<ReturnType<typeof loadLibrary>> | undefined;

export async function scenario(id: string): Promise<Scenario> {
  library ??= await loadLibrary({ contentDirs: [], cwd: process.cwd() });
  const found = library.scenarioById.get(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found.scenario;
}

export interface Running {
  lab: Lab;
  server: LabServer;
  events: LabEvent[];
  /** The long-term key of `user/NAME` or `root/ACCOUNT`. */
  key(as: string): { accessKeyId: string; secretAccessKey: string };
  sts(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): STSClient;
}

/** A lab for `id` on 127.0.0.1, an ephemeral port. */
export async function startLab(id: string, clock?: () => number, limits?: KeyLimits): Promise<Running> {
  const lab = new Lab({
    scenario: await scenario(id),
    ...(clock ? { clock } : {}),
    ...(limits ? { limits } : {}),
  });
  const events: LabEvent[] = [];
  const server = await serve(lab, { onEvent: (e) => events.push(e) });
  return {
    lab,
    server,
    events,
    key(as) {
      const k = lab.engine.longTermKeys().find((x) => x.as === as);
      if (!k) throw new Error(`no key for ${as}`);
      return { accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey };
    },
    sts: (credentials) =>
      new STSClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 }),
  };
}

/**
 * Runs a program asynchronously (an in-process lab answers from this event loop) with exactly
 * `env`: callers pass HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, never the real ~/.aws.
 */
export function runProgram(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Writes the lab's AWS config and credentials files into `home` and returns the environment an
 * AWS CLI or SDK child needs to use them and the lab: never the real ~/.aws, no metadata lookups.
 */
export function isolatedAwsEnv(r: Running, home: string): Record<string, string> {
  const cfg = awsConfig(r.lab.scenario, r.lab.engine.longTermKeys(), (s) => join(home, `${s}.jwt`));
  writeFileSync(join(home, 'config'), cfg.config);
  writeFileSync(join(home, 'credentials'), cfg.credentials);
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ENDPOINT_URL_STS: r.server.url,
    AWS_DEFAULT_REGION: cfg.region,
    AWS_PROFILE: cfg.defaultProfile,
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_PROXY: '127.0.0.1',
  };
}

/**
 * Headers for a request signed with SigV4 as an SDK would sign it now: `host`, `x-amz-date`, the
 * `extra` headers (signed too) and `authorization`.
 */
export function signedHeaders(
  request: { url: string; method: 'GET' | 'POST'; path: string; body?: string; service: string },
  credentials: { accessKeyId: string; secretAccessKey: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  const amzDate = formatAmzDate(Date.now());
  const headers: Record<string, string> = {
    host: new URL(request.url).host,
    'x-amz-date': amzDate,
    ...extra,
  };
  headers.authorization = sign(
    {
      method: request.method,
      path: request.path,
      query: '',
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      body: Buffer.from(request.body ?? ''),
    },
    credentials,
    { date: amzDate.slice(0, 8), region: 'us-east-1', service: request.service },
  );
  return headers;
}

/** The SDK error a promise rejects with: its name, message and HTTP status. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}
