/** `sts-trainer progress`: answered, correct, due, scenarios completed and accuracy by topic. */
import { usableDataDir } from '../../store/data-dir.js';
import { history, sparkline, topicTrends } from '../../store/history.js';
import { summarize } from '../../store/summary.js';
import type { ProgressData } from '../../store/types.js';
import { MSG } from '../../quiz/messages.js';
import { renderTable } from '../../ui/table.js';
import { createTheme } from '../../ui/theme.js';
import type { CliContext } from '../context.js';
import type { CommandDeps } from '../deps.js';
import { EXIT } from '../../errors.js';
import { sanitizeDeep, sanitizeLine } from '../../ui/sanitize.js';

export interface ProgressOptions {
  json?: boolean;
  reset?: boolean;
  yes?: boolean;
  history?: boolean;
}

const pct = (c: number, a: number) => (a === 0 ? '–' : `${Math.round((c / a) * 100)}%`);

export async function run(
  _args: string[],
  options: ProgressOptions,
  ctx: CliContext,
  deps: CommandDeps,
): Promise<number> {
  // only a reset writes: looking at progress works in a read-only folder too
  const store = await deps.openStore(usableDataDir(ctx, { write: options.reset === true }));
  if (options.reset) {
    if (!options.yes) {
      if (!ctx.interactive) {
        deps.stderr.write(`error: ${MSG.resetNeedsYes}\n`);
        return EXIT.usage;
      }
      if (!(await deps.prompter.confirm(MSG.resetAsk, false))) {
        deps.stdout.write(`${MSG.resetKept}\n`);
        return EXIT.ok;
      }
    }
    await store.reset();
    deps.stdout.write(`${MSG.resetDone(store.file)}\n`);
    return EXIT.ok;
  }
  // shown, not kept: a hand-edited file's escape sequences (in a topic, a mode) show escaped
  const data = sanitizeDeep(await store.read());
  const summary = summarize(data, deps.now());
  if (options.history) return showHistory(data, options, ctx, deps);
  if (options.json) {
    deps.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT.ok;
  }
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const lines = [
    theme.heading('Progress'),
    `answered ${summary.answered} · correct ${summary.correct} (${pct(summary.correct, summary.answered)}) · due for review ${summary.due}`,
    `scenarios completed: ${summary.scenariosCompleted.length ? summary.scenariosCompleted.join(', ') : 'none yet'}`,
  ];
  deps.stdout.write(`${lines.join('\n')}\n`);
  const trends = topicTrends(data);
  const rows = Object.entries(summary.topics).map(([t, r]) => [
    t,
    r.answered,
    r.correct,
    pct(r.correct, r.answered),
    sparkline(Object.hasOwn(trends, t) ? trends[t]! : []),
  ]);
  const head = ['topic', 'answered', 'correct', '%', 'trend (last sessions)'];
  if (rows.length) deps.stdout.write(`\n${renderTable(head, rows, theme)}`);
  else deps.stdout.write(theme.dim('no answers yet: try `sts-trainer quiz` or `sts-trainer learn`\n'));
  deps.stdout.write(theme.dim(`kept in ${sanitizeLine(store.file)}\n`));
  return EXIT.ok;
}

/** `progress --history`: every finished session, newest last. */
function showHistory(
  data: ProgressData,
  options: ProgressOptions,
  ctx: CliContext,
  deps: CommandDeps,
): number {
  const rows = history(data);
  if (options.json) {
    deps.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  if (rows.length === 0) {
    deps.stdout.write(`${MSG.noHistory}\n`);
    return EXIT.ok;
  }
  // a line per session, its topics wrapped under it: fits any width
  const lines = rows.flatMap((r) => [
    `${r.at.slice(0, 16).replace('T', ' ')}  ${r.mode.padEnd(16)} ${r.correct}/${r.total} (${pct(r.correct, r.total)})` +
      theme.dim(` · ${r.answered} answered`),
    theme.dim(
      theme.wrap(
        Object.entries(r.topics)
          .map(([t, x]) => `${t} ${x.correct}/${x.asked}`)
          .join(' · '),
        4,
      ),
    ),
  ]);
  deps.stdout.write(`${theme.heading('History (date and time in UTC)')}\n${lines.join('\n')}\n`);
  return EXIT.ok;
}
