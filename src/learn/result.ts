/** The result of a call: the session it minted (credentials masked) or the exact AWS error. */
import type { CallResult } from '../engine/types.js';
import { humanDuration } from '../ui/duration.js';
import { visibleLength, type Theme } from '../ui/theme.js';

/** `ASIA…ABCD`: enough to recognise a key, never the whole of it. */
export function maskKey(key: string): string {
  return key.length <= 8 ? key : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/** `2026-03-02T10:00:00.000Z` → `2026-03-02 10:00:00 UTC`. */
export function simTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
}

/** The result block: success with the session, or the error code, HTTP status and message. */
export function renderResult(r: CallResult, t: Theme): string {
  if (r.outcome === 'error') {
    const status = ` (HTTP ${r.httpStatus})`;
    return [
      `${t.fail(`${t.sym.fail} ${r.code}`)}${status}`,
      t.wrap(`An error occurred (${r.code}) when calling the ${r.api} operation: ${r.message}`, 2),
    ].join('\n');
  }
  const v = r.view;
  const out = [t.ok(`${t.sym.ok} ${r.api === 'Request' ? 'Allowed' : 'Success'}`)];
  // A value too wide for the label's column goes on its own line under the label.
  const row = (k: string, val: string) => {
    const line = `  ${k.padEnd(17)} ${val}`;
    out.push(visibleLength(line) <= t.width ? line : `  ${k}\n${t.wrap(val, 4)}`);
  };
  if (v) {
    row(r.api === 'Request' ? 'caller' : 'principal', t.accent(v.arn));
    row('account', v.account);
    row('user id', v.userId);
    if (v.accessKeyId) {
      row('access key id', maskKey(v.accessKeyId));
      row('secret key', '****');
      row('session token', '****');
    }
    if (v.expiration) {
      const inWords = v.expiresIn !== undefined ? ` (in ${humanDuration(v.expiresIn)})` : '';
      row('expires', `${simTime(v.expiration)}${inWords}`);
    }
    if (v.sourceIdentity) row('source identity', v.sourceIdentity);
    const tags = Object.entries(v.tags ?? {});
    if (tags.length > 0) {
      const transitive = new Set((v.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
      row(
        'session tags',
        tags
          .map(([k, val]) => `${k}=${val}${transitive.has(k.toLowerCase()) ? ' (transitive)' : ''}`)
          .join(', '),
      );
    }
    if (v.mfa) row('MFA', 'yes: the session counts as MFA-authenticated');
  } else if (r.api === 'Request') {
    row('request', 'allowed');
  }
  return out.join('\n');
}
