/**
 * `--help` to a pipe prints the build's copy of the top-level help (src/cli/help-cache.ts), so it must
 * be exactly what commander prints; anywhere commander would print something else, commander answers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedHelp } from '../../src/cli/help-cache.js';
import { runCli } from '../helpers/run-cli.js';

describe('the cached top-level help', () => {
  it('is what commander prints: `--help`, `-h` and no arguments give `help`’s text', async () => {
    const [viaCommander, help, h, bare] = await Promise.all([
      runCli(['help']),
      runCli(['--help']),
      runCli(['-h']),
      runCli([]),
    ]);
    expect(viaCommander.code).toBe(0);
    expect(viaCommander.stdout).toContain('Usage: sts-trainer [options] [command]');
    expect(viaCommander.stdout).toContain('Keys in the interactive screens');
    for (const r of [help, h, bare]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(viaCommander.stdout);
    }
  });

  it('the build wrote the copy the CLI prints', () => {
    const copy = readFileSync(new URL('../../dist/help.txt', import.meta.url), 'utf8');
    expect(copy).toContain('Usage: sts-trainer');
  });

  it.each<[string[], boolean | undefined]>([
    [['--help'], true],
    [['help'], false],
    [['quiz', '--help'], false],
    [['--help', '--plain'], false],
    [['--version'], false],
  ])('%j (to a terminal: %s) goes to commander', (args, tty) => {
    expect(cachedHelp(args, tty, undefined, () => 'COPY')).toBeUndefined();
  });

  it.each<[string[], boolean | undefined]>([
    [['--help'], false],
    [['-h'], undefined],
  ])('%j (to a terminal: %s) prints the copy, unless the build left none', (args, tty) => {
    expect(cachedHelp(args, tty, undefined, () => 'COPY')).toBe('COPY');
    expect(cachedHelp(args, tty, '', () => 'COPY')).toBe('COPY');
    expect(cachedHelp(args, tty, undefined, () => undefined)).toBeUndefined();
    expect(cachedHelp(args, tty, '60', () => 'COPY')).toBeUndefined(); // COLUMNS changes the wrapping
  });
});
