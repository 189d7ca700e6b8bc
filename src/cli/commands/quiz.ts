/** `sts-trainer quiz`: authored and generated questions, practice or exam, or a printed worksheet. */
import { loadLibrary } from '../../content/library.js';
import { buildBank, selectQuestions } from '../../quiz/bank.js';
import { forecast } from '../../quiz/forecast.js';
import { runSession } from '../../quiz/loop.js';
import { MSG } from '../../quiz/messages.js';
import { randomSeed } from '../../quiz/prng.js';
import { renderResults } from '../../quiz/render.js';
import { results, startSession, type Mode } from '../../quiz/session.js';
import { renderWorksheet } from '../../quiz/worksheet.js';
import { openProgress } from '../../store/progress-store.js';
import { usableDataDir } from '../../store/data-dir.js';
import { createPrompter } from '../../ui/prompts.js';
import { withSpinner } from '../../ui/spinner.js';
import { createTheme } from '../../ui/theme.js';
import type { CliContext } from '../context.js';
import { EXIT, needsTerminal, UsageError } from '../../errors.js';

export interface QuizOptions {
  scenario?: string;
  quiz?: string;
  topic?: string[];
  count?: number;
  seed?: number;
  mode?: Mode;
  timeLimit?: number;
  print?: boolean;
}

const DEFAULT_COUNT = 10;

/** The command that prints the same worksheet again. */
function replayCommand(o: QuizOptions, seed: number, count: number): string {
  const parts = ['sts-trainer quiz --print', `--seed ${seed}`, `--count ${count}`];
  if (o.quiz) parts.push(`--quiz ${o.quiz}`);
  if (o.scenario) parts.push(`--scenario ${o.scenario}`);
  for (const t of o.topic ?? []) parts.push(`--topic ${t}`);
  return parts.join(' ');
}

export async function run(_args: string[], options: QuizOptions, ctx: CliContext): Promise<number> {
  const count = options.count ?? DEFAULT_COUNT;
  if (count < 1) throw new UsageError('`--count` must be at least 1');
  const mode: Mode = options.mode ?? 'practice';
  if (options.timeLimit !== undefined && mode !== 'exam') {
    throw new UsageError('`--time-limit` applies to exams', 'add `--mode exam`');
  }
  if (options.timeLimit === 0) throw new UsageError('`--time-limit` must be at least 1 minute');
  if (!options.print && !ctx.interactive) {
    throw needsTerminal('quiz', MSG.quizInstead);
  }
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const spin = ctx.stdoutIsTTY && !ctx.plain && !options.print;
  const bank = await withSpinner(spin, 'Preparing questions', () => buildBank(library), 0);
  const seed = options.seed ?? randomSeed();
  const questions = selectQuestions(bank, {
    quiz: options.quiz,
    scenario: options.scenario,
    topics: options.topic,
    count,
    seed,
  });

  if (options.print) {
    ctx.stdout.write(`${renderWorksheet(questions, seed, replayCommand(options, seed, count))}\n`);
    return EXIT.ok;
  }

  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const store = openProgress(usableDataDir(ctx), (m) => ctx.stderr.write(`warning: ${m}\n`));
  const now = () => new Date();
  let state = startSession(questions, mode, { timeLimitMinutes: options.timeLimit, now: Date.now() });
  state = await runSession(
    { prompter: createPrompter(), theme, out: ctx.stdout, store, source: 'quiz', seed, now },
    state,
  );
  const res = results(state);
  const data = await store.read();
  const ahead = forecast(
    data,
    questions.map((q) => q.id),
    res,
    now(),
  );
  ctx.stdout.write(renderResults(theme, res, { expired: state.expired, seed, forecast: ahead }));
  return EXIT.ok;
}
