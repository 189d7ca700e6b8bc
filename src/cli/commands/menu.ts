import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandRun } from '../program.js';
import { createPrompter, type Choice } from '../../ui/prompts.js';
import { createTheme } from '../../ui/theme.js';

type Entry = 'learn' | 'quiz' | 'review' | 'group' | 'list' | 'apis' | 'progress' | 'quit';

const ENTRIES: Choice<Entry>[] = [
  { value: 'learn', name: 'Learn: a guided walkthrough of a scenario' },
  { value: 'quiz', name: 'Quiz: which API call, which trust condition' },
  { value: 'review', name: 'Review: the questions that are due' },
  { value: 'group', name: 'Group: a study-group session around this screen' },
  { value: 'list', name: 'List scenarios and quizzes' },
  { value: 'apis', name: 'APIs: the STS APIs side by side' },
  { value: 'progress', name: 'Progress: what you have done so far' },
  { value: 'quit', name: 'Quit' },
];

const NO_TTY = 'the menu needs a terminal; run `sts-trainer --help` to see the commands\n';

/** Default options each command would get from commander when run with no flags. */
const DEFAULTS: Partial<Record<Entry, Record<string, unknown>>> = { quiz: { mode: 'practice' } };

const LOADERS: Record<Exclude<Entry, 'quit'>, () => Promise<{ run: CommandRun<never> }>> = {
  learn: () => import('./learn.js'),
  quiz: () => import('./quiz.js'),
  review: () => import('./review.js'),
  group: () => import('./group.js'),
  list: () => import('./list.js'),
  apis: () => import('./apis.js'),
  progress: () => import('./progress.js'),
};

/** The hidden `menu` command that bare `sts-trainer` runs in a terminal. */
export async function run(
  _args: string[],
  _options: Record<string, unknown>,
  ctx: CliContext,
): Promise<number> {
  if (!ctx.interactive) {
    ctx.stdout.write(NO_TTY);
    return 0;
  }
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const prompter = createPrompter();
  ctx.stdout.write(
    `${theme.heading('sts-trainer')} ${theme.dim('· learn AWS STS on a simulated, explained STS')}\n`,
  );
  for (;;) {
    const pick = await prompter.choice('What would you like to do?', ENTRIES);
    if (pick === 'quit') return 0;
    const mod = await LOADERS[pick]();
    try {
      await (mod.run as CommandRun)([], { ...(DEFAULTS[pick] ?? {}) }, ctx);
    } catch (e) {
      // a command that cannot run here (e.g. not in this build) should not end the session
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr.write(`${theme.warn(e.message)}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
    }
    ctx.stdout.write('\n');
  }
}
