/** `sts-trainer review`: the questions FSRS says are due, most overdue first, then rescheduled. */
import { loadLibrary } from '../../content/library.js';
import { buildBank } from '../../quiz/bank.js';
import { forecast, whenText } from '../../quiz/forecast.js';
import { runSession } from '../../quiz/loop.js';
import { MSG } from '../../quiz/messages.js';
import { randomSeed } from '../../quiz/prng.js';
import type { BankQuestion } from '../../quiz/question.js';
import { toAttempt } from '../../quiz/attempt.js';
import { renderResults } from '../../quiz/render.js';
import { showResults, terminalResults } from '../../quiz/results-screen.js';
import { results, startSession } from '../../quiz/session.js';
import { dueCards, nextDue } from '../../store/cards.js';
import { usableDataDir } from '../../store/data-dir.js';
import { createTheme } from '../../ui/theme.js';
import type { CliContext } from '../context.js';
import type { CommandDeps } from '../deps.js';
import { EXIT, needsTerminal, UsageError } from '../../errors.js';

export interface ReviewOptions {
  limit?: number;
}

export async function run(
  _args: string[],
  options: ReviewOptions,
  ctx: CliContext,
  deps: CommandDeps,
): Promise<number> {
  if (options.limit === 0) throw new UsageError('`--limit` must be at least 1');
  const store = await deps.openStore(usableDataDir(ctx));
  const now = deps.now();
  const data = await store.read();
  const due = dueCards(data.cards, now);
  if (due.length === 0) {
    const next = nextDue(data.cards, now);
    deps.stdout.write(`${MSG.nothingDue(next && whenText(next, now))}\n`);
    return EXIT.ok;
  }
  if (!ctx.interactive) {
    throw needsTerminal('review', MSG.reviewInstead, MSG.reviewWhy(due.length));
  }
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: deps.stderr });
  const bank = buildBank(library);
  const found = due.map((d) => bank.byId.get(d.questionId)).filter((q): q is BankQuestion => q !== undefined);
  if (found.length < due.length) deps.stderr.write(`note: ${MSG.gone(due.length - found.length)}\n`);
  const questions = options.limit ? found.slice(0, options.limit) : found;
  if (questions.length === 0) return EXIT.ok;

  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const { prompter, now: clock } = deps;
  const state = await runSession(
    {
      prompter,
      theme,
      out: deps.stdout,
      store,
      source: 'review',
      seed: randomSeed(),
      now: clock,
      size: ctx.size,
    },
    startSession(questions, 'practice'),
  );
  const res = results(state);
  await store.recordAttempt(toAttempt(res, 'review', clock()));
  const after = await store.read();
  const ahead = forecast(
    after,
    questions.map((q) => q.id),
    res,
    clock(),
  );
  const left = dueCards(after.cards, clock()).length;
  const more = left > 0 ? theme.dim(`${left} more due: run \`sts-trainer review\` again\n`) : '';
  await showResults(
    terminalResults({ prompter, theme, out: deps.stdout, size: deps.screen }, ctx.plain),
    res,
    renderResults(theme, res, { forecast: ahead }) + more,
  );
  return EXIT.ok;
}
