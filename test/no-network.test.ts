/**
 * The product never opens a network connection and never reads real AWS
 * credentials or config: no source file uses networking modules, fetch, or the
 * ~/.aws folder and AWS credential environment variables. The one exception is
 * the `lab` command (src/lab), which serves on loopback only: its server, its
 * control client, and the env.sh it writes for the learner's lab shell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name));

/** Files allowed one kind of exception, and why. */
const ALLOWED: Record<string, string[]> = {
  // The lab's HTTP server (it refuses any non-loopback host) and the client of its control API.
  'a networking module': ['src/lab/server.ts', 'src/lab/control-client.ts'],
  // The env.sh that points the learner's AWS CLI at the lab's own isolated files.
  'AWS credential environment variables': ['src/lab/aws-config.ts'],
};

const FORBIDDEN: [string, RegExp][] = [
  ['a networking module', /from ['"](node:)?(net|http|https|http2|dgram|tls|dns)['"]/],
  ['fetch', /\bfetch\s*\(/],
  ['the ~/.aws folder', /['"`/]\.aws['"`/]/],
  [
    'AWS credential environment variables',
    /AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|SHARED_CREDENTIALS_FILE|CONFIG_FILE)/,
  ],
];

describe('no network, no real AWS credentials', () => {
  it('finds source files to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('no source file uses %s', (what, pattern) => {
    const allowed = new Set(ALLOWED[what] ?? []);
    const offenders = files.filter(
      (f) => !allowed.has(f.split(sep).join('/')) && pattern.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the lab listens on loopback only and its control client calls loopback only', () => {
    const server = readFileSync('src/lab/server.ts', 'utf8');
    // Exactly one listen call, after the loopback check.
    expect(server.match(/\.listen\(/g)).toHaveLength(1);
    expect(server.indexOf('if (!isLoopback(host))')).toBeGreaterThan(0);
    expect(server.indexOf('if (!isLoopback(host))')).toBeLessThan(server.indexOf('.listen('));
    const client = readFileSync('src/lab/control-client.ts', 'utf8');
    expect(client).toMatch(/url\.hostname !== '127\.0\.0\.1'/);
  });
});
