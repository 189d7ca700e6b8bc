/**
 * `lab advance` and `lab token` reach the running lab through its control API
 * on the same loopback server (`/__lab/…`), with the secret from `lab.json`.
 */
import { request } from 'node:http';
import { CONTROL_HEADER } from './server.js';
import type { LabState } from './files.js';

export interface ControlReply {
  status: number;
  body: Record<string, unknown>;
}

export function control(state: LabState, method: 'GET' | 'POST', path: string): Promise<ControlReply> {
  const url = new URL(path, state.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.hostname !== '[::1]') {
    return Promise.reject(new Error(`the lab state file names a non-loopback address (${url.hostname})`));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { [CONTROL_HEADER]: state.control }, timeout: 5000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
          } catch {
            reject(new Error('the lab answered something that is not JSON'));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('the lab did not answer within 5 s')));
    req.on('error', reject);
    req.end();
  });
}
