/**
 * `--help` fits the width (COLUMNS here; a terminal's width the same way): no line wider than it
 * except one word that cannot be cut (an ARN in an example), a description under its option where
 * the column beside it would be too narrow, and example commands continued with ` \` as a shell reads
 * them (src/cli/help-layout.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Lines wider than `width` that hold more than one word (a lone word cannot be wrapped). */
const tooWide = (text: string, width: number) =>
  text.split('\n').filter((l) => l.length > width && l.trim().replace(/ \\$/, '').includes(' '));

describe('help follows the width', () => {
  it.each([40, 60, 80, 120])('at %i columns, the program and every command', async (width) => {
    // every command the program lists (so a new one is covered too)
    const program = await runCli(['help'], { env: { COLUMNS: '200' } });
    // the Commands section only (the keys section after it also has two-space lines)
    const listed = program.stdout.slice(program.stdout.indexOf('Commands:')).split('\n\n')[0]!;
    const commands = [...listed.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(10);
    const all = await Promise.all([
      runCli(['--help'], { env: { COLUMNS: String(width) } }),
      ...commands.map((c) => runCli(['help', c], { env: { COLUMNS: String(width) } })),
    ]);
    for (const r of all) {
      expect(r.code).toBe(0);
      expect(tooWide(r.stdout, width)).toEqual([]);
    }
  });

  it('below the width where descriptions fit beside the options, each goes under its option, whole', async () => {
    const r = await runCli(['help', 'quiz'], { env: { COLUMNS: '60' } });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith('--time-limit <minutes>'));
    expect(lines[at]!.trim()).toBe('--time-limit <minutes>');
    // the description, re-joined from its lines under the option, has every word whole
    const under: string[] = [];
    for (let i = at + 1; lines[i]!.startsWith('      '); i++) under.push(lines[i]!.trim());
    expect(under.join(' ')).toBe(
      'exam time limit (fractions allowed: 0.5 = 30 s) (default: none; --mock: the real exam pace)',
    );
  });

  it('at 80 columns a description stays beside its option (the layout a pipe gets)', async () => {
    const r = await runCli(['help', 'quiz'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toMatch(/^ {2}--count <n> +number of questions \(default: 10\)$/m);
  });

  it('an example too long for the line goes on with ` \\`, words whole, as a shell reads it', async () => {
    const r = await runCli(['help', 'call'], { env: { COLUMNS: '60' } });
    const example = r.stdout.slice(r.stdout.indexOf('$ sts-trainer call --list-principals'));
    const [first, second] = example.split('\n');
    expect(first).toMatch(/ \\$/);
    // joined back as the shell joins a `\`-newline, it is the command as written
    expect(`${first!.slice(0, -1)}${second!.trim()}`.replace(/ +/g, ' ')).toBe(
      '$ sts-trainer call --list-principals --scenario cross-account-assume-role',
    );
  });
});
