import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { EXIT } from '../errors.js';
import { VERSION } from './version.js';
import { sanitizeLine } from '../ui/sanitize.js';

interface ExitingError {
  exitCode: number;
  message: string;
  hint?: string;
}

function isExiting(e: unknown): e is ExitingError {
  return (
    e instanceof Error &&
    typeof (e as Partial<ExitingError>).exitCode === 'number' &&
    !(e instanceof CommanderError)
  );
}

/**
 * Runs the commander program over `args` and returns the exit code. Never lets a stack trace reach
 * the user for anything they can cause.
 */
export async function runProgram(args: string[]): Promise<number> {
  const result = { code: 0 };
  const program = buildProgram(result);
  // `help NAME` for no such command: commander prints the program's help and exits 0. Answer as for
  // `NAME` itself: unknown command, with a did-you-mean, exit 2.
  const asked = args[0] === 'help' ? args[1] : undefined;
  const unknownHelp =
    asked !== undefined &&
    !asked.startsWith('-') &&
    !program.commands.some((c) => c.name() === asked || c.aliases().includes(asked));
  try {
    await program.parseAsync(unknownHelp ? [asked] : args, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (isExiting(e)) {
      if (e.exitCode === EXIT.interrupted || e.exitCode === EXIT.terminated) {
        process.stderr.write('\nbye — your progress is saved\n');
      } else {
        // One line each: a message may quote an argument or a file's value with a newline in it
        process.stderr.write(`error: ${sanitizeLine(e.message)}\n`);
        if (e.hint) process.stderr.write(`hint: ${sanitizeLine(e.hint)}\n`);
      }
      return e.exitCode;
    }
    // a prompt closed without its guard; loaded only here: @inquirer/core stays out of start-up (`--help`, `list`)
    const { isPromptExit } = await import('../ui/prompt-exit.js');
    if (isPromptExit(e)) {
      process.stderr.write('\nbye — your progress is saved\n');
      return EXIT.interrupted;
    }
    const detail = sanitizeLine(e instanceof Error ? e.message : String(e));
    process.stderr.write(
      `internal error: ${detail}\n` +
        `this is a bug in sts-trainer ${VERSION} (Node ${process.version}, ${process.platform}): please report it ` +
        `on the sts-trainer issue tracker (README, "Reporting a bug") with the command you ran and this message; ` +
        `STS_TRAINER_DEBUG=1 adds the stack trace\n`,
    );
    if (process.env.STS_TRAINER_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT.failed;
  }
}
