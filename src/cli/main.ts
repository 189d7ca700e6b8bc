/**
 * The CLI entry: the program's arguments in, an exit code out. Calls process.exit only when
 * standard output goes away (output-errors.ts). Everything else loads when needed: the top-level
 * help printed to a pipe or a file is the build's copy (help-cache.ts), so `--help` loads nothing
 * of commander or the commands.
 */
import { sanitizeArgument } from '../ui/sanitize.js';
import { cachedHelp } from './help-cache.js';
import { guardOutput } from './output-errors.js';

export async function main(rawArgv: string[]): Promise<number> {
  guardOutput();
  // Arguments are untrusted text too (a name, an id, a path): an escape sequence in one is kept
  // visible (`\e[31m`) from here on, so no message, prompt or file can carry it raw. Newlines and
  // tabs stay (a `--param Policy=…` may span lines), and so do invisible characters such as U+200C,
  // which a real path or name may hold: they are escaped where shown (ui/sanitize.ts).
  const argv = rawArgv.map(sanitizeArgument);
  const interactiveBare =
    onlyDisplayOptions(argv) &&
    Boolean(process.stdin.isTTY) &&
    Boolean(process.stdout.isTTY) &&
    !process.env.CI;
  const args = interactiveBare ? [...argv, 'menu'] : argv.length === 0 ? ['--help'] : argv;
  const help = cachedHelp(args, process.stdout.isTTY, process.env.COLUMNS);
  if (help !== undefined) {
    process.stdout.write(help);
    return 0;
  }
  const { runProgram } = await import('./run-program.js');
  return runProgram(args);
}

/** Options that keep the bare command's menu (`sts-trainer --content ./pack` opens it, as bare `sts-trainer` does). */
const WITH_VALUE = new Set(['--content', '--data-dir']);
const FLAGS = new Set(['--no-color', '--plain']);

/** No command, only global options that change what the menu shows or how (none, or `--content DIR`…). */
function onlyDisplayOptions(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.split('=', 1)[0]!;
    if (WITH_VALUE.has(name)) {
      if (a === name && ++i >= argv.length) return false;
    } else if (!FLAGS.has(a)) return false;
  }
  return true;
}
