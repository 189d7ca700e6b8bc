/** `sts-trainer quiz`: practice, exam, mock exam, the questions missed last time, or a printed worksheet. */
import { loadLibrary } from '../../content/library.js';
import { buildBank, selectQuestions, type Bank } from '../../quiz/bank.js';
import { lastMissed, toAttempt } from '../../quiz/attempt.js';
import type { ExamCode } from '../../quiz/exams.js';
import { forecast } from '../../quiz/forecast.js';
import { runSession } from '../../quiz/loop.js';
import { MSG } from '../../quiz/messages.js';
import { planMock, scoreMock } from '../../quiz/mock.js';
import { randomSeed } from '../../quiz/prng.js';
import type { BankQuestion } from '../../quiz/question.js';
import { renderResults } from '../../quiz/render.js';
import { showResults, terminalResults } from '../../quiz/results-screen.js';
import { clearExam, loadExam, restore, saveExam, toSaved } from '../../quiz/saved-exam.js';
import { formatClock, results, startSession, type Mode, type SessionState } from '../../quiz/session.js';
import { renderWorksheet } from '../../quiz/worksheet.js';
import { usableDataDir } from '../../store/data-dir.js';
import { withSpinner } from '../../ui/spinner.js';
import { createTheme } from '../../ui/theme.js';
import type { CliContext } from '../context.js';
import type { CommandDeps } from '../deps.js';
import { EXIT, Interrupted, needsTerminal, UsageError } from '../../errors.js';

export interface QuizOptions {
  scenario?: string;
  quiz?: string;
  topic?: string[];
  count?: number;
  seed?: number;
  mode?: Mode;
  /** Minutes; fractions allowed (`0.25` is 15 seconds). */
  timeLimit?: number;
  print?: boolean;
  mock?: ExamCode;
  resume?: boolean;
  missed?: boolean;
}

const DEFAULT_COUNT = 10;

/** The command that prints the same worksheet again. */
/** The questions the filters and `--count` (default DEFAULT_COUNT) pick, in `seed`'s order. */
function selectFor(bank: Parameters<typeof selectQuestions>[0], o: QuizOptions, seed: number) {
  return selectQuestions(bank, {
    quiz: o.quiz,
    scenario: o.scenario,
    topics: o.topic,
    count: o.count ?? DEFAULT_COUNT,
    seed,
  });
}

function replayCommand(o: QuizOptions, seed: number, count: number): string {
  const parts = ['sts-trainer quiz --print', `--seed ${seed}`, `--count ${count}`];
  if (o.quiz) parts.push(`--quiz ${o.quiz}`);
  if (o.scenario) parts.push(`--scenario ${o.scenario}`);
  for (const t of o.topic ?? []) parts.push(`--topic ${t}`);
  return parts.join(' ');
}

function checkOptions(o: QuizOptions): void {
  const picks = [o.mock && '--mock', o.resume && '--resume', o.missed && '--missed'].filter(Boolean);
  if (picks.length > 1) throw new UsageError(`${picks.join(' and ')} cannot be combined`);
  if ((o.mock || o.resume || o.missed) && (o.scenario || o.topic || o.quiz)) {
    throw new UsageError(`\`--quiz\`, \`--scenario\` and \`--topic\` do not apply to ${picks[0]}`);
  }
  if (o.print && (o.mock || o.resume || o.missed))
    throw new UsageError(`\`--print\` does not apply to ${picks[0]}`);
  if (o.resume && (o.count !== undefined || o.seed !== undefined || o.timeLimit !== undefined)) {
    throw new UsageError('`--resume` continues the saved exam as it was', 'run it without other options');
  }
  if (o.timeLimit !== undefined && o.mode !== 'exam' && !o.mock) {
    throw new UsageError('`--time-limit` applies to exams', 'add `--mode exam`');
  }
  if (o.count !== undefined && o.count < 1) throw new UsageError('`--count` must be at least 1');
}

interface Planned {
  state: SessionState;
  seed: number;
  mock?: ExamCode;
  /** A resumed exam's questions no longer in the content. */
  note?: string;
}

async function plan(
  o: QuizOptions,
  bank: Bank,
  dataDir: string,
  readMissed: () => Promise<string[]>,
  now: number,
): Promise<Planned | string> {
  if (o.resume) {
    const saved = await loadExam(dataDir);
    if (!saved) throw new UsageError(MSG.nothingToResume, 'start one with `sts-trainer quiz --mode exam`');
    if ('problem' in saved) throw new UsageError(MSG.resumeUnreadable(saved.problem));
    const qs = saved.questionIds.map((id) => bank.byId.get(id));
    if (qs.some((q) => q === undefined)) throw new UsageError(MSG.resumeGone);
    return { state: restore(saved, qs as BankQuestion[], now), seed: saved.seed, mock: saved.mock };
  }
  const seed = o.seed ?? randomSeed();
  if (o.mock) {
    const p = planMock(bank, o.mock, seed, o.count);
    if (p.questions.length === 0) throw new UsageError(MSG.mockEmpty(o.mock));
    const minutes = o.timeLimit ?? p.minutes;
    const state = startSession(p.questions, 'exam', { timeLimitMinutes: minutes, now });
    const missing = p.missing.map((d) => `${d.id}. ${d.name}`).join('; ');
    return { state, seed, mock: o.mock, note: MSG.mockPlan(o.mock, p.questions.length, minutes, missing) };
  }
  if (o.missed) {
    const ids = await readMissed();
    const qs = ids.map((id) => bank.byId.get(id)).filter((q): q is BankQuestion => q !== undefined);
    if (qs.length === 0) return MSG.nothingMissed;
    const count = o.count ?? qs.length;
    return {
      state: startSession(qs.slice(0, count), o.mode ?? 'practice', { timeLimitMinutes: o.timeLimit, now }),
      seed,
    };
  }
  const questions = selectFor(bank, o, seed);
  return {
    state: startSession(questions, o.mode ?? 'practice', { timeLimitMinutes: o.timeLimit, now }),
    seed,
  };
}

export async function run(
  _args: string[],
  options: QuizOptions,
  ctx: CliContext,
  deps: CommandDeps,
): Promise<number> {
  checkOptions(options);
  if (!options.print && !ctx.interactive) {
    throw needsTerminal('quiz', MSG.quizInstead);
  }
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: deps.stderr });
  const spin = ctx.stdoutIsTTY && !ctx.plain && !options.print;
  const bank = await withSpinner(spin, 'Preparing questions', () => buildBank(library), 0);

  if (options.print) {
    const seed = options.seed ?? randomSeed();
    const questions = selectFor(bank, options, seed);
    const count = options.count ?? DEFAULT_COUNT;
    deps.stdout.write(`${renderWorksheet(questions, seed, replayCommand(options, seed, count))}\n`);
    return EXIT.ok;
  }

  const dataDir = usableDataDir(ctx);
  const store = await deps.openStore(dataDir);
  const planned = await plan(
    options,
    bank,
    dataDir,
    async () => lastMissed((await store.read()).attempts).ids,
    deps.now().getTime(),
  );
  if (typeof planned === 'string') {
    deps.stdout.write(`${planned}\n`);
    return EXIT.ok;
  }
  const { seed, mock } = planned;
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  if (planned.note) deps.stdout.write(`${theme.wrap(theme.dim(planned.note))}\n`);
  const exam = planned.state.mode === 'exam';
  if (exam && !options.resume && (await loadExam(dataDir)) !== undefined)
    deps.stdout.write(`${theme.wrap(theme.warn(MSG.replacesSaved))}\n`);
  const { prompter, now } = deps;
  const keep = (s: SessionState) => saveExam(dataDir, toSaved(s, seed, now().getTime(), mock));
  let state = planned.state;
  try {
    state = await runSession(
      {
        prompter,
        theme,
        out: deps.stdout,
        store,
        source: 'quiz',
        seed,
        now,
        size: ctx.size,
        save: exam
          ? async (s) => {
              state = s;
              await keep(s);
            }
          : undefined,
      },
      state,
    );
  } catch (e) {
    if (exam && e instanceof Interrupted) {
      await keep(state);
      const left =
        state.deadline === undefined
          ? ''
          : MSG.timeLeft(formatClock(Math.max(0, state.deadline - now().getTime())));
      deps.stderr.write(`\n${MSG.examSaved}${left}\n`);
    }
    throw e;
  }
  if (exam) await clearExam(dataDir);
  const res = results(state);
  const mode = mock ? 'mock' : state.mode;
  await store.recordAttempt(toAttempt(res, mode, now(), mock));
  const ahead = forecast(
    await store.read(),
    state.questions.map((q) => q.id),
    res,
    now(),
  );
  const summary = renderResults(theme, res, {
    expired: state.expired,
    seed: options.resume ? undefined : seed,
    forecast: ahead,
    mock: mock ? scoreMock(mock, res) : undefined,
  });
  await showResults(
    terminalResults({ prompter, theme, out: deps.stdout, size: deps.screen }, ctx.plain),
    res,
    summary,
    state.expired ? MSG.timeRanOut : undefined,
  );
  return EXIT.ok;
}
