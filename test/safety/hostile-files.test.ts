/**
 * Files a stranger's pack (or a typo) can point at: devices and FIFOs are refused before anything is
 * read, one unreadable subfolder skips only itself, and durations are bounded by the schema.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sts-hostile-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (args: string[]) => runCli(args, { cwd: ROOT, env: { STS_TRAINER_HOME: tmp } });
const isRoot = process.getuid?.() === 0;

describe('files that are not content', () => {
  const fifo = join(tmp, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);

  it.each([
    [['validate', '/dev/zero'], 2],
    [['validate', fifo], 2],
    [['call', 'GetCallerIdentity', '--scenario', '/dev/zero', '--as', 'anonymous'], 2],
    [['call', 'GetCallerIdentity', '--scenario', fifo, '--as', 'anonymous'], 2],
  ])('%j is refused unread', async (args, code) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain('not a regular file or a folder');
  });

  it('a symbolic link loop is named in words, not errno', async () => {
    const a = join(tmp, 'loop-a.yaml');
    const b = join(tmp, 'loop-b.yaml');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const r = await run(['validate', a]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: cannot read \`${a}\`: symbolic links that lead back to themselves\n` +
        'hint: check the path, or run `sts-trainer validate` with no arguments for all content\n',
    );
  });

  it('--content /dev/zero is skipped with a warning; the rest loads', async () => {
    const r = await run(['--content', '/dev/zero', 'list', 'quizzes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: cannot read `/dev/zero`: not a regular file or a folder: skipped\n');
    expect(r.stdout).toContain('sts-apis');
  });

  it.skipIf(isRoot)('an unreadable subfolder skips only itself', async () => {
    const pack = join(tmp, 'pack');
    cpSync(join(ROOT, 'test/fixtures/content/valid'), pack, { recursive: true });
    const locked = join(pack, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    try {
      const r = await run(['--content', pack, 'list', 'scenarios']);
      expect(r.stderr).toContain(`cannot read \`${locked}\``);
      expect(r.stdout).toContain('fixture-vendor-access');
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('durations', () => {
  it('an advance beyond 10 years is a validate error at its line, not "Invalid time value"', async () => {
    const r = await run(['validate', 'test/fixtures/hostile/limits/huge-advance.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'test/fixtures/hostile/limits/huge-advance.yaml:47:14: `advance`: must be at most 10 years (3650d)',
    );
  });
});
