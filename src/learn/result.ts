/** The result of a call: the session it minted (credentials masked) or the exact AWS error. */
import type { Call } from '../content/schema.js';
import type { CallResult } from '../engine/types.js';
import { humanDuration } from '../ui/duration.js';
import { visibleLength, type Theme } from '../ui/theme.js';
import { MSG } from './messages.js';
import { serviceDenial } from '../content/service-error.js';

/** `ASIA…ABCD`: enough to recognise a key, never the whole of it. */
export function maskKey(key: string): string {
  return key.length <= 8 ? key : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/** `2026-03-02T10:00:00.000Z` → `2026-03-02 10:00:00 UTC`. */
export function simTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC';
}

/**
 * The result block: success with the session, or the error code, HTTP status and message as the AWS
 * CLI prints them. A request to another service (`call`) names its own operation, and where the
 * service words the engine's error differently (EC2's UnauthorizedOperation) the block says so.
 */
export function renderResult(r: CallResult, t: Theme, call?: Call): string {
  if (r.outcome === 'error') {
    const head = `${t.fail(`${t.sym.fail} ${r.code}`)} (HTTP ${r.httpStatus})`;
    if (r.api !== 'Request' || !call?.action)
      return [
        head,
        t.wrap(`An error occurred (${r.code}) when calling the ${r.api} operation: ${r.message}`, 2),
      ].join('\n');
    const d = serviceDenial(call.action, r.code, r.message, r.httpStatus);
    // A service that keeps the engine's code heads the block with its own status (S3's ExpiredToken
    // is a 400, STS's a 403) and needs no note: "ExpiredToken (HTTP 403)" over "S3 sends this error as
    // ExpiredToken (HTTP 400)" read as two answers. One that renames the code says so under the head.
    const renamed = d.code !== r.code;
    return [
      renamed ? head : `${t.fail(`${t.sym.fail} ${d.code}`)} (HTTP ${d.status})`,
      ...(renamed
        ? [
            t.dim(
              t.wrap(
                MSG.renamedError(
                  d.renamedBy!,
                  d.code,
                  d.status === r.httpStatus ? undefined : d.status,
                  r.code === 'AccessDenied' ? 'denial' : 'error',
                ),
                2,
              ),
            ),
          ]
        : []),
      t.wrap(`An error occurred (${d.code}) when calling the ${d.operation} operation: ${d.message}`, 2),
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
