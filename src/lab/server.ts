/**
 * The lab's HTTP server: loopback only, keep-alive, bodies capped (413), every
 * request answered by `Lab.handle`, plus a small control API under `/__lab/`
 * that `lab advance` and `lab token` use, guarded by a secret written to the
 * lab's state file (readable only by its owner).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Lab, LabEvent } from './lab.js';
import type { LabTask } from './tasks.js';
import { Timings } from './timings.js';
import { errorXml } from './xml.js';

/** Larger request bodies are refused with 413 (STS's largest parameter, a SAML assertion, is 100,000 characters). */
export const MAX_BODY = 256 * 1024;
export const CONTROL_HEADER = 'x-sts-trainer-lab';

/** Loopback addresses only: 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const kind = isIP(host);
  if (kind === 4) return host.startsWith('127.');
  if (kind === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

export interface LabServer {
  url: string;
  port: number;
  host: string;
  /** Guards the control API. */
  control: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  port?: number;
  onEvent?: (event: LabEvent) => void;
  /** The clock moved (control API): the tasks it completed. */
  onAdvance?: (seconds: number, completed: LabTask[]) => void;
}

function headersOf(req: IncomingMessage): Record<string, string[]> {
  // No prototype: a client's header may be called `constructor` or `__proto__`
  const out = Object.create(null) as Record<string, string[]>;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    (out[name] ??= []).push(raw[i + 1]!);
  }
  return out;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  headers['content-length'] = String(Buffer.byteLength(body, 'utf8'));
  res.writeHead(status, headers);
  res.end(body, 'utf8');
}

function tooLarge(res: ServerResponse): void {
  const id = randomUUID();
  send(
    res,
    413,
    { 'content-type': 'text/xml', 'x-amzn-RequestId': id, connection: 'close' },
    errorXml('RequestEntityTooLarge', `Request body must be at most ${MAX_BODY} bytes`, id),
  );
}

/** Starts serving `lab`. Refuses a non-loopback host (the caller explains why to the learner). */
export function serve(lab: Lab, options: ServeOptions = {}): Promise<LabServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) return Promise.reject(new Error(`refusing to listen on non-loopback host ${host}`));
  const control = randomBytes(16).toString('hex');
  const timings = new Timings();

  const server: Server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const arrived = performance.now();
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      tooLarge(res);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        if (!refused) tooLarge(res);
        refused = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      try {
        answer(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        if (!req.url?.startsWith('/__lab/')) timings.record(performance.now() - arrived);
      } catch {
        // Lab.handle never throws for client input; anything else is a bug, answered like AWS's 500.
        const id = randomUUID();
        send(
          res,
          500,
          { 'content-type': 'text/xml', 'x-amzn-RequestId': id },
          errorXml('InternalFailure', 'internal error in the lab', id),
        );
      }
    });
  });

  function answer(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    if (path.startsWith('/__lab/')) return controlApi(req, res, path, new URLSearchParams(query));
    const { response, event } = lab.handle(
      { method: req.method ?? 'GET', path, query, headers: headersOf(req), body },
      req.headers.host ?? '',
    );
    send(res, response.status, response.headers, response.body);
    options.onEvent?.(event);
  }

  function controlApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    params: URLSearchParams,
  ): void {
    const json = (status: number, value: unknown) =>
      send(res, status, { 'content-type': 'application/json' }, JSON.stringify(value));
    if (req.headers[CONTROL_HEADER] !== control) return json(403, { error: 'not this lab' });
    if (path === '/__lab/advance' && req.method === 'POST') {
      const seconds = Number(params.get('seconds'));
      if (!Number.isFinite(seconds) || seconds <= 0) return json(400, { error: 'seconds must be positive' });
      const completed = lab.advance(seconds);
      options.onAdvance?.(seconds, completed);
      return json(200, { now: new Date(lab.now()).toISOString() });
    }
    if (path === '/__lab/token') {
      const token = lab.token(params.get('step') ?? '');
      if (!token) return json(404, { error: 'no token', steps: lab.tokenSteps() });
      return json(200, token);
    }
    if (path === '/__lab/timings') {
      // The server's own answering times (npm run bench reads them around each load).
      const summary = timings.summary();
      if (params.get('reset') === '1') timings.reset();
      return json(200, summary);
    }
    if (path === '/__lab/status') {
      return json(200, { scenario: lab.scenario.id, now: new Date(lab.now()).toISOString() });
    }
    return json(404, { error: 'unknown control path' });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        host,
        control,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
