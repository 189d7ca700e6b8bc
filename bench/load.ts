/**
 * A cheap HTTP/1.1 load generator for the lab bench: each request is built and
 * signed once (a SigV4 signature stays valid for 15 minutes, so AWS and the lab
 * accept the same signed request again), written as bytes on raw keep-alive
 * sockets, and the answers are read by Content-Length only. The client shares
 * the machine's cores with the server, so it does as little as it can.
 */
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';

export interface LoadResult {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers whose status was not the expected one (or lost connections). */
  errors: number;
  /** CPU time per request, µs: the server's (Linux /proc) and the load generator's. */
  serverCpu?: number;
  clientCpu: number;
}

export interface LoadOptions {
  connections: number;
  maxRequests: number;
  maxSeconds: number;
  /** Requests per second to offer (paced, spread over the connections); unset = as fast as answered. */
  rate?: number;
  /** The server process, for its CPU time. */
  pid?: number;
}

/** utime + stime of a process in µs (Linux), or undefined elsewhere. */
export function cpuMicros(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

/** Reads one response at a time from a keep-alive socket: resolves with the status. */
class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | undefined;
  constructor(socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      this.drain();
    });
  }
  next(): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.drain();
    });
  }
  fail(): void {
    this.waiting?.(0);
    this.waiting = undefined;
  }
  private drain(): void {
    if (!this.waiting) return;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buf.length < end + 4 + length) return;
    this.buf = this.buf.subarray(end + 4 + length);
    const done = this.waiting;
    this.waiting = undefined;
    done(Number(head.slice(9, 12)));
  }
}

/** Raw request bytes: `POST /` with the given headers and body. */
export function rawRequest(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return Buffer.from(
    `POST / HTTP/1.1\r\n${lines.join('')}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function open(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(Number(url.port), url.hostname, () => resolve(s));
    s.setNoDelay(true);
    s.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Runs one bounded load: closed loop (each connection sends when answered) or paced at `rate`. */
export async function load(
  label: string,
  url: string,
  request: Buffer,
  expect: number,
  o: LoadOptions,
): Promise<LoadResult> {
  const target = new URL(url);
  const sockets = await Promise.all(Array.from({ length: o.connections }, () => open(target)));
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const cpu0 = o.pid ? cpuMicros(o.pid) : undefined;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + o.maxSeconds * 1000;
  const interval = o.rate ? (1000 * o.connections) / o.rate : 0;
  const worker = async (socket: Socket, n: number) => {
    const reader = new Reader(socket);
    socket.on('error', () => reader.fail());
    // Paced: connection n sends at t0 + offset + k·interval; latency counts from that planned
    // time, so a slow answer that delays the next request is not hidden (no coordinated omission).
    // A timer can fire up to a millisecond early (libuv rounds to whole milliseconds): a request
    // sent before its planned time counts from when it was sent, never giving a negative latency.
    let planned = t0 + (interval * n) / o.connections;
    while (sent < o.maxRequests && performance.now() < deadline) {
      sent++;
      if (interval) await sleep(planned - performance.now());
      const start = interval ? Math.min(planned, performance.now()) : performance.now();
      socket.write(request);
      const status = await reader.next();
      latencies.push(performance.now() - start);
      if (status !== expect) errors++;
      if (status === 0) break;
      planned += interval;
    }
  };
  await Promise.all(sockets.map(worker));
  const seconds = (performance.now() - t0) / 1000;
  const client = process.cpuUsage(client0);
  const cpu1 = o.pid ? cpuMicros(o.pid) : undefined;
  for (const s of sockets) s.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const n = latencies.length || 1;
  return {
    label,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    ...(cpu0 !== undefined && cpu1 !== undefined ? { serverCpu: (cpu1 - cpu0) / n } : {}),
    clientCpu: (client.user + client.system) / n,
  };
}
