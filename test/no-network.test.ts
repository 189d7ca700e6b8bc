/**
 * The product never opens a network connection and never reads real AWS
 * credentials or config: no source file uses networking modules, fetch, or the
 * ~/.aws folder and AWS credential environment variables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name));

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

  it.each(FORBIDDEN)('no source file uses %s', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
