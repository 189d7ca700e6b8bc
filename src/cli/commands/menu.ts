import { Interrupted, needsTerminal, UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandRun } from '../program.js';
import type { CommandDeps } from '../deps.js';
import type { Choice, Prompter } from '../../ui/prompts.js';
import { createTheme, type Theme } from '../../ui/theme.js';

/**
 * The menu bare `sts-trainer` shows in a terminal. Each entry is a command run with options the
 * menu asks for (or none); to add one, add a line to ENTRIES and LOADERS (and ASK when it takes
 * options). Ctrl-C inside a command comes back here; Ctrl-C at the menu itself leaves (130).
 */
type Entry = 'next' | 'learn' | 'quiz' | 'review' | 'group' | 'list' | 'apis' | 'progress' | 'quit';

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

const BACK = 'Interrupted: back to the menu.';

const LOADERS: Record<Exclude<Entry, 'quit'>, () => Promise<{ run: CommandRun<never> }>> = {
  next: () => import('./learn.js'),
  learn: () => import('./learn.js'),
  quiz: () => import('./quiz.js'),
  review: () => import('./review.js'),
  group: () => import('./group.js'),
  list: () => import('./list.js'),
  apis: () => import('./apis.js'),
  progress: () => import('./progress.js'),
};

type Invocation = { args: string[]; options: Record<string, unknown> };

/** The quiz the learner asks for: topic, number of questions, practice or exam. */
async function askQuiz(p: Prompter, ctx: CliContext): Promise<Invocation> {
  const { loadLibrary } = await import('../../content/library.js');
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const topics = [
    ...new Set([
      ...library.scenarios.flatMap((s) => s.scenario.topics ?? []),
      ...library.quizzes.flatMap((q) => [
        ...(q.quiz.topics ?? []),
        ...q.quiz.questions.flatMap((x) => x.topics ?? []),
      ]),
    ]),
  ].sort();
  const topic = await p.choice(
    'Which topic? (type to search)',
    [{ value: '', name: 'Any topic' }, ...topics.map((t) => ({ value: t, name: t }))],
    { search: true },
  );
  const count = await p.choice(
    'How many questions?',
    ['5', '10', '20', '65'].map((n) => ({ value: n, name: n })),
    {
      default: '10',
    },
  );
  const mode = await p.choice('Which mode?', [
    { value: 'practice', name: 'Practice: the answer and why after each question' },
    { value: 'exam', name: 'Exam: flag and revisit, results at the end' },
  ]);
  return { args: [], options: { mode, count: Number(count), ...(topic ? { topic: [topic] } : {}) } };
}

/** The status line and the "Next" entry, from the learner's saved progress. */
async function plan(
  ctx: CliContext,
  theme: Theme,
): Promise<{ status: string; next?: Choice<Entry>; nextId?: string }> {
  const [{ loadLibrary }, { nextPlan }, { NEXT }, store] = await Promise.all([
    import('../../content/library.js'),
    import('../../learn/next.js'),
    import('../../learn/messages.js'),
    import('../../store/progress-store.js'),
  ]);
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const data = await store.openProgress(store.resolveDataDir(ctx), () => {}).read();
  const p = nextPlan(library, data, new Date());
  const status = theme.dim(NEXT.status(p.due, p.streak, p.completed, p.scenarios));
  const r = p.resume;
  if (r)
    return {
      status,
      nextId: r.id,
      next: {
        value: 'next',
        name: `Next: continue ${r.id}${r.whatIfs ? ' at the what-ifs' : ` at step ${r.step ?? 1}`}`,
      },
    };
  const s = p.suggestion;
  if (s) return { status, nextId: s.id, next: { value: 'next', name: `Next: ${s.id}` } };
  return { status };
}

export async function run(
  _args: string[],
  _options: Record<string, unknown>,
  ctx: CliContext,
  deps: CommandDeps,
): Promise<number> {
  if (!ctx.interactive) throw needsTerminal('menu', 'run `sts-trainer --help` to see the commands');
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const { prompter } = deps;
  ctx.stdout.write(
    `${theme.heading('sts-trainer')} ${theme.dim('· learn AWS STS on a simulated, explained STS')}\n`,
  );
  for (;;) {
    const state = await plan(ctx, theme);
    ctx.stdout.write(`${state.status}\n`);
    const entries = state.next ? [state.next, ...ENTRIES] : ENTRIES;
    const pick = await prompter.choice('What would you like to do?', entries);
    if (pick === 'quit') return 0;
    try {
      const call: Invocation =
        pick === 'quiz'
          ? await askQuiz(prompter, ctx)
          : pick === 'next'
            ? { args: [state.nextId!], options: {} }
            : { args: [], options: {} };
      const mod = await LOADERS[pick]();
      await (mod.run as CommandRun)(call.args, call.options, ctx, deps);
    } catch (e) {
      if (e instanceof Interrupted) ctx.stdout.write(`\n${theme.dim(BACK)}\n`);
      // a command that cannot run here (e.g. nothing due) should not end the session
      else if (e instanceof UsageError || (e instanceof Error && 'exitCode' in e && e.exitCode === 2))
        ctx.stderr.write(
          `${theme.warn(e.message)}\n${'hint' in e && e.hint ? `hint: ${String(e.hint)}\n` : ''}`,
        );
      else throw e;
    }
    ctx.stdout.write('\n');
  }
}
