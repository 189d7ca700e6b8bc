/**
 * The lab under load, as a separate process the way a learner or a CI job runs it
 * (`sts-trainer lab SCENARIO --no-input`): time from start to the first answered
 * signed call, then signed GetCallerIdentity and AssumeRole on loopback over
 * 32 keep-alive connections, bounded in count and time. Bundled and run by bench/run.mjs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '../src/lab/sigv4.js';

const CONNECTIONS = 32;
const MAX_REQUESTS = 30_000;
const MAX_SECONDS = 8;

interface Started {
  child: ChildProcess;
  url: string;
  home: string;
  /** ms from spawn to the banner, and to the first answered signed call. */
  banner: number;
  ready: number;
}

interface Prepared {
  path: string;
  headers: Record<string, string>;
  body: string;
}

function prepare(
  url: string,
  body: string,
  creds: { accessKeyId: string; secretAccessKey: string },
): Prepared {
  const host = new URL(url).host;
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const headers: Record<string, string> = {
    host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'x-amz-date': amzDate,
  };
  headers.authorization = sign(
    {
      method: 'POST',
      path: '/',
      query: '',
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      body: Buffer.from(body),
    },
    creds,
    { date: amzDate.slice(0, 8), region: 'us-east-1', service: 'sts' },
  );
  return { path: '/', headers, body };
}

function send(url: string, agent: Agent | undefined, p: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: p.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(p.body);
  });
}

function credentials(home: string, profile: string) {
  const text = readFileSync(join(home, 'lab', 'credentials'), 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${profile}]`)) ?? '';
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(section)?.[1] ?? '',
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(section)?.[1] ?? '',
  };
}

function start(bin: string): Promise<Started> {
  const home = mkdtempSync(join(tmpdir(), 'sts-lab-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'lab', 'cross-account-assume-role', '--no-input'], {
    env: { PATH: process.env.PATH, STS_TRAINER_HOME: home, HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.on('data', async (d: Buffer) => {
      const seen = out.includes('one line per call');
      out += d.toString();
      if (seen || !out.includes('one line per call')) return;
      const banner = performance.now() - t0;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const status = await send(
        url,
        undefined,
        prepare(url, 'Action=GetCallerIdentity&Version=2011-06-15', credentials(home, 'dana')),
      );
      if (status !== 200) reject(new Error(`first call answered ${status}`));
      resolve({ child, url, home, banner, ready: performance.now() - t0 });
    });
  });
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.on('close', () => {
      rmSync(s.home, { recursive: true, force: true });
      resolve();
    });
    s.child.kill('SIGTERM');
  });
}

export interface LoadResult {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, url: string, p: Prepared, expect: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const t0 = performance.now();
  const deadline = t0 + MAX_SECONDS * 1000;
  const worker = async () => {
    while (sent < MAX_REQUESTS && performance.now() < deadline) {
      sent++;
      const t = performance.now();
      const status = await send(url, agent, p).catch(() => 0);
      latencies.push(performance.now() - t);
      if (status !== expect) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    label,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

export async function runLabBench(
  bin: string,
): Promise<{ ready: { banner: number; ready: number }[]; load: LoadResult[] }> {
  const ready: { banner: number; ready: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await start(bin);
    ready.push({ banner: s.banner, ready: s.ready });
    await stop(s);
  }
  const s = await start(bin);
  const dana = credentials(s.home, 'dana');
  const whoami = prepare(s.url, 'Action=GetCallerIdentity&Version=2011-06-15', dana);
  const assume = prepare(
    s.url,
    'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FReportReader&RoleSessionName=bench',
    dana,
  );
  const results = [];
  // Warm up the server's JIT before measuring.
  await load('warm-up', s.url, whoami, 200);
  results.push(await load('signed GetCallerIdentity', s.url, whoami, 200));
  results.push(await load('signed AssumeRole', s.url, assume, 200));
  await stop(s);
  return { ready, load: results };
}
