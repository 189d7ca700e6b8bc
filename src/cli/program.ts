import { Command, Option } from 'commander';
import { makeContext, type CliContext, type GlobalOptions } from './context.js';
import { commandDeps, type CommandDeps } from './deps.js';
import { VERSION } from './version.js';
import { addHelpTexts } from './help-text.js';
import { helpLayout, helpWidth } from './help-layout.js';
import { collect, decimal, integer, mockExam, withDefault } from './options.js';
import { EXAM_CODES } from '../content/exam-versions.js';
import { sanitize } from '../ui/sanitize.js';

/**
 * A command module: a plain async function of its arguments, options, context and dependencies
 * (prompts, progress store, clock, streams: deps.ts), returning an exit code.
 */
export type CommandRun<O = Record<string, unknown>> = (
  args: string[],
  options: O,
  ctx: CliContext,
  deps: CommandDeps,
) => Promise<number>;

type Loader = () => Promise<{ run: CommandRun<never> }>;

/** Commands that prompt through deps.prompter: in a terminal, the prompt library loads as they start. */
const PROMPTING = new Set(['learn', 'quiz', 'review', 'progress', 'menu']);

const COUNT = integer({ min: 1, max: 1000 });
const SEED = integer({ min: 0, max: 2 ** 32 - 1 });

/**
 * Declares every command and lazily imports its module when it runs, so a command's `--help`
 * loads nothing but commander (STYLE.md: a thin entry; the top-level help to a pipe does not even
 * load commander: help-cache.ts).
 */
export function buildProgram(result: { code: number }): Command {
  const program = new Command('sts-trainer');
  program
    .description('Learn AWS STS for certification exams on a simulated, explained STS')
    .version(VERSION, '-V, --version')
    .addOption(
      new Option('--content <dir>', 'extra content folder (repeatable; env STS_TRAINER_CONTENT)').argParser(
        collect,
      ),
    )
    .option('--data-dir <dir>', 'where progress is kept (env STS_TRAINER_HOME)')
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--plain', 'no spinners, box drawing or colour (screen readers, logs)')
    .option('--no-input', 'never prompt; print instead')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpLayout)
    .configureOutput({
      writeErr: (s) => process.stderr.write(sanitize(s)),
      getOutHelpWidth: () => helpWidth(process.env, process.stdout),
      getErrHelpWidth: () => helpWidth(process.env, process.stderr),
    });

  const wire = (cmd: Command, load: Loader) =>
    cmd.action(async (...raw: unknown[]) => {
      const self = raw[raw.length - 1] as Command;
      const args = self.args;
      const ctx = makeContext(program.opts<GlobalOptions>());
      const deps = commandDeps(ctx, { preload: ctx.interactive && PROMPTING.has(cmd.name()) });
      const mod = await load();
      result.code = await (mod.run as CommandRun)(args, self.opts(), ctx, deps);
    });

  wire(
    program
      .command('learn')
      .argument('[scenario]', 'scenario id')
      .description('guided walkthrough of one scenario')
      .option('--no-predict', 'do not ask for a prediction before each call'),
    () => import('./commands/learn.js'),
  );
  wire(
    program
      .command('quiz')
      .description('a quiz on which API call and which trust condition applies')
      .option('--scenario <id>', 'questions about one scenario')
      .addOption(new Option('--topic <topic>', 'only this topic (repeatable)').argParser(collect))
      .option('--quiz <id>', 'questions from one quiz (ids: `sts-trainer list quizzes`)')
      .option('--count <n>', withDefault('number of questions', '10'), COUNT)
      .option('--seed <n>', withDefault('same seed, same quiz', 'random, shown at the end'), SEED)
      .addOption(
        new Option('--mode <mode>', 'practice or exam (--mock is always an exam)')
          .choices(['practice', 'exam'])
          .default('practice'),
      )
      .option(
        '--time-limit <minutes>',
        withDefault('exam time limit (fractions allowed: 0.5 = 30 s)', 'none; --mock: the real exam pace'),
        decimal({ min: 0.1, max: 600, unit: 'minutes' }),
      )
      .addOption(
        new Option('--mock <exam>', 'a timed mock exam weighted by the exam domains')
          .choices(EXAM_CODES)
          .argParser(mockExam),
      )
      .option('--resume', 'continue the exam stopped with Ctrl-C')
      .option('--missed', 'drill the questions missed in the last session')
      .option('--print', 'print a worksheet and answer key'),
    () => import('./commands/quiz.js'),
  );
  wire(
    program
      .command('review')
      .description('spaced-repetition review of the questions that are due')
      .option('--limit <n>', withDefault('at most this many today', 'all that are due'), COUNT),
    () => import('./commands/review.js'),
  );
  wire(
    program
      .command('group')
      .description('study-group session around one terminal')
      .option('--players <names>', withDefault('comma-separated player names', 'asked at the start'))
      .option('--count <n>', withDefault('number of questions', '10'), COUNT)
      .addOption(new Option('--topic <topic>', 'only this topic (repeatable)').argParser(collect))
      .option('--seed <n>', withDefault('same seed, same questions', 'random'), SEED)
      .option(
        '--timer <seconds>',
        withDefault('seconds per question', 'untimed'),
        integer({ min: 5, max: 3600, unit: 'seconds' }),
      )
      .option('--export <file>', 'write a summary (.md or .json)')
      .option('--force', 'let --export replace an existing file')
      .option('--speed', 'faster right answers earn up to 10 more points (hot-seat)')
      .option('--resume', 'resume the interrupted session'),
    () => import('./commands/group.js'),
  );
  wire(
    program
      .command('list')
      .argument('[what]', 'scenarios, quizzes or topics')
      .description('list scenarios, quizzes and topics')
      .option('--json', 'machine-readable output'),
    () => import('./commands/list.js'),
  );
  wire(
    program
      .command('call')
      .argument('[api]', 'the API, e.g. AssumeRole')
      .description("one call against a scenario's world (sandbox)")
      .requiredOption('--scenario <id|file>', 'the scenario whose world to use')
      .option(
        '--as <who>',
        'the caller: user/NAME, root/ACCOUNT, $STEP, service/PRINCIPAL, anonymous, sso/NAME',
      )
      .option('--list-principals', "list the callers of the scenario's world and stop")
      .addOption(new Option('--param <K=V>', 'a request parameter (repeatable)').argParser(collect))
      .addOption(new Option('--context <K=V>', 'a request context key (repeatable)').argParser(collect))
      .option('--after <seconds>', withDefault('advance the simulated clock first (seconds or 2h)', '0'))
      .option('--action <action>', 'for Request: the action')
      .option('--resource <arn>', 'for Request: the resource')
      .option('--json', 'machine-readable output'),
    () => import('./commands/call.js'),
  );
  wire(
    program
      .command('validate')
      .argument('[paths...]', 'files or folders (default: built-in and --content)')
      .description('schema and engine check of content files')
      .option('--json', 'machine-readable output'),
    () => import('./commands/validate.js'),
  );
  wire(
    program
      .command('progress')
      .description('what you have answered and completed')
      .option('--json', 'machine-readable output')
      .option('--history', 'every finished quiz, exam and review: date, mode, score, by topic')
      .option('--reset', 'forget all progress')
      .option('--yes', 'do not ask to confirm --reset'),
    () => import('./commands/progress.js'),
  );
  wire(
    program
      .command('schema')
      .argument('<kind>', 'scenario or quiz')
      .description('print the JSON Schema of a content file'),
    () => import('./commands/schema.js'),
  );
  wire(
    program
      .command('apis')
      .description("the STS APIs side by side, from the simulator's own rules")
      .option('--print', 'plain text (no colour, no box drawing)')
      .option('--json', 'machine-readable output'),
    () => import('./commands/apis.js'),
  );
  wire(
    program
      .command('lab')
      .argument('[scenario]', 'scenario id; or env [--all], token STEP [--out FILE], advance DURATION')
      .argument('[arg]')
      .description("serve a scenario's STS on 127.0.0.1 for the real AWS CLI and SDKs")
      .option('--port <n>', 'port (default: a free one)', integer({ min: 1, max: 65535 }))
      .option('--host <address>', 'a loopback address (default 127.0.0.1)')
      .option('--all', 'lab env: also send other services (s3, ec2, …) to the lab')
      .option('--out <file>', 'lab token: where to write the token'),
    () => import('./commands/lab.js'),
  );
  wire(
    program
      .command('next')
      .description('what to do now: resume, reviews due, suggested scenario')
      .option('--json', 'machine-readable output'),
    () => import('./commands/next.js'),
  );
  wire(program.command('menu', { hidden: true }), () => import('./commands/menu.js'));
  addHelpTexts(program);
  return program;
}
