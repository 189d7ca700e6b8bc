/**
 * The lab under load, as a separate process the way a learner or a CI job runs it
 * (`sts-trainer lab SCENARIO --no-input`): time from start to the first answered
 * signed call, then signed GetCallerIdentity and AssumeRole on loopback over
 * 32 keep-alive connections, bounded in count and time, with the server's and
 * the load generator's CPU time per request; then AssumeRole paced at the
 * target rate (3,000/s); and, as the ceiling on this machine, a `node:http`
 * hello-world server answering a body of the same size. Bundled and run by bench/run.mjs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { control } from '../src/lab/control-client.js';
import type { LabState } from '../src/lab/files.js';
import { formatAmzDate, sign } from '../src/lab/sigv4.js';
import type { TimingSummary } from '../src/lab/timings.js';
import { load, rawRequest, type LoadOptions, type LoadResult } from './load.js';

export type { LoadResult } from './load.js';

/** A load's figures, with the lab server's own answering times when it reports them. */
export type LabLoadResult = LoadResult & { inServer?: TimingSummary };

const CONNECTIONS = 32;
const MAX_REQUESTS = 30_000;
const MAX_SECONDS = 8;
const TARGET_RATE = 3000;

interface Started {
  child: ChildProcess;
  url: string;
  home: string;
  /** ms from spawn to the banner, and to the first answered signed call. */
  banner: number;
  ready: number;
}

interface Prepared {
  headers: Record<string, string>;
  body: string;
}

/** A signed STS POST, built once (the load generator sends the same bytes again). */
function prepare(
  url: string,
  body: string,
  creds: { accessKeyId: string; secretAccessKey: string },
): Prepared {
  const host = new URL(url).host;
  const amzDate = formatAmzDate(Date.now());
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
  return { headers, body };
}

/** One request with node:http (no keep-alive): status and body length. */
function send(url: string, p: Prepared): Promise<{ status: number; length: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: p.headers }, (res) => {
      let length = 0;
      res.on('data', (d: Buffer) => (length += d.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, length }));
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
  // STS_BENCH_LAB_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR": profile the server under the bench's load
  const nodeArgs = process.env.STS_BENCH_LAB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, bin, 'lab', 'cross-account-assume-role', '--no-input'],
    {
      env: { PATH: process.env.PATH, STS_TRAINER_HOME: home, HOME: home, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    const onData = async (d: Buffer) => {
      out += d.toString();
      if (!out.includes('one line per call')) return;
      // From here on the call lines are drained unread: the load generator keeps no copy of them.
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      const banner = performance.now() - t0;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const { status } = await send(
        url,
        prepare(url, 'Action=GetCallerIdentity&Version=2011-06-15', credentials(home, 'dana')),
      );
      if (status !== 200) reject(new Error(`first call answered ${status}`));
      resolve({ child, url, home, banner, ready: performance.now() - t0 });
    };
    child.stdout!.on('data', onData);
  });
}

async function stop(s: Started): Promise<void> {
  await closed(s.child);
  rmSync(s.home, { recursive: true, force: true });
}

/** A `node:http` server that answers every request with `size` bytes: the ceiling for any server here. */
function helloWorld(size: number): Promise<{ child: ChildProcess; url: string }> {
  const script = `const body = Buffer.alloc(${size}, 120);
    const s = require('node:http').createServer({ keepAliveTimeout: 65000 }, (req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(200, { 'content-type': 'text/xml', 'content-length': body.length }); res.end(body); });
    });
    s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: d.toString().trim() }));
  });
}

const closed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });

export interface LabBench {
  ready: { banner: number; ready: number }[];
  load: LabLoadResult[];
}

/** The lab's own timings of the requests since the last call (its control API). */
async function serverTimings(state: LabState): Promise<TimingSummary> {
  const { status, body } = await control(state, 'GET', '/__lab/timings?reset=1');
  if (status !== 200) throw new Error(`the lab's timings answered ${status}`);
  return body as unknown as TimingSummary;
}

export async function runLabBench(bin: string): Promise<LabBench> {
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
  const size = (await send(s.url, assume)).length;
  const o: LoadOptions = { connections: CONNECTIONS, maxRequests: MAX_REQUESTS, maxSeconds: MAX_SECONDS };
  const run = (label: string, url: string, p: Prepared, extra: Partial<LoadOptions> = {}) =>
    load(label, url, rawRequest(p.headers, p.body), 200, { ...o, ...extra });
  const state = JSON.parse(readFileSync(join(s.home, 'lab', 'lab.json'), 'utf8')) as LabState;
  /** A load on the lab, with the server's own timings of exactly those requests. */
  const timed = async (label: string, p: Prepared, extra: Partial<LoadOptions> = {}) => {
    await serverTimings(state);
    const result: LabLoadResult = await run(label, s.url, p, extra);
    result.inServer = await serverTimings(state);
    return result;
  };
  const results: LabLoadResult[] = [];
  // Warm up the server's JIT before measuring.
  await run('warm-up', s.url, whoami, { maxRequests: 5000 });
  await run('warm-up', s.url, assume, { maxRequests: 5000 });
  const pid = s.child.pid;
  results.push(await timed('signed GetCallerIdentity', whoami, { pid }));
  results.push(await timed('signed AssumeRole', assume, { pid }));
  results.push(
    await timed(`signed AssumeRole paced at ${TARGET_RATE.toLocaleString('en')}/s`, assume, {
      pid,
      rate: TARGET_RATE,
      maxRequests: TARGET_RATE * 5,
    }),
  );
  await stop(s);
  const hello = await helloWorld(size);
  await run('warm-up', hello.url, assume, { maxRequests: 5000 });
  results.push(await run(`node:http hello world (${size} B)`, hello.url, assume, { pid: hello.child.pid }));
  await closed(hello.child);
  return { ready, load: results };
}
