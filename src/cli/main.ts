/**
 * The CLI entry: the program's arguments in, an exit code out. Calls process.exit only when
 * standard output goes away (output-errors.ts). Everything else loads when needed: the top-level
 * help printed to a pipe or a file is the build's copy (help-cache.ts), so `--help` loads nothing
 * of commander or the commands.
 */
import { cachedHelp } from './help-cache.js';
import { guardOutput } from './output-errors.js';

export async function main(argv: string[]): Promise<number> {
  guardOutput();
  const interactiveBare =
    argv.length === 0 && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && !process.env.CI;
  const args = interactiveBare ? ['menu'] : argv.length === 0 ? ['--help'] : argv;
  const help = cachedHelp(args, process.stdout.isTTY, process.env.COLUMNS);
  if (help !== undefined) {
    process.stdout.write(help);
    return 0;
  }
  const { runProgram } = await import('./run-program.js');
  return runProgram(args);
}
