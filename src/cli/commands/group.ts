/** `sts-trainer group`: a study-group session around one terminal (hot-seat or host entry, scoreboard, export). */
import { resolve } from 'node:path';
import { exportFormat, toJson, toMarkdown } from '../../group/export.js';
import { EXPORT_MSG, exportProblem, writeExport } from '../../group/export-file.js';
import { askPlayers, runGroup, showFinal, type GroupDeps } from '../../group/loop.js';
import { GROUP_MSG } from '../../group/messages.js';
import { clearSession, holdSession, loadSession, saveSession } from '../../group/session-file.js';
import { begin, createGroup, parsePlayers, playersProblem, type GroupState } from '../../group/state.js';
import { usableDataDir } from '../../store/data-dir.js';
import { clearScreen, startTicker } from '../../ui/countdown.js';
import { createGroupInput } from '../../ui/group-input.js';
import { createPrompter } from '../../ui/inquirer-prompter.js';
import type { Prompter } from '../../ui/prompts.js';
import type { CliContext } from '../context.js';
import type { Theme } from '../../ui/theme.js';
import { EXIT, Interrupted, needsTerminal, Terminated, UsageError } from '../../errors.js';

export interface GroupOptions {
  players?: string;
  count?: number;
  topic?: string[];
  seed?: number;
  timer?: number;
  export?: string;
  resume?: boolean;
  force?: boolean;
  speed?: boolean;
}

const DEFAULT_COUNT = 10;
const TIMER_RANGE = [5, 3600] as const;

/** Usage errors that need no terminal and no content. */
function checkOptions(o: GroupOptions): void {
  if (o.count !== undefined && o.count < 1) throw new UsageError(GROUP_MSG.badCount);
  if (o.timer !== undefined && (o.timer < TIMER_RANGE[0] || o.timer > TIMER_RANGE[1]))
    throw new UsageError(GROUP_MSG.badTimer);
  if (o.players !== undefined) {
    const problem = playersProblem(parsePlayers(o.players));
    if (problem)
      throw new UsageError(
        `\`--players\`: ${problem}`,
        'give 2 to 12 different names, e.g. `--players "Ana,Ben,Chen"`',
      );
  }
  if (o.resume) {
    const fixed = (['players', 'count', 'topic', 'seed', 'speed'] as const).find((k) => o[k] !== undefined);
    if (fixed) throw new UsageError(GROUP_MSG.resumeConflict(`--${fixed}`), GROUP_MSG.resumeConflictHint);
  }
}

async function resumeSaved(dataDir: string): Promise<GroupState> {
  const saved = await loadSession(dataDir);
  if (!saved) throw new UsageError(GROUP_MSG.noSession, GROUP_MSG.noSessionHint);
  if ('problem' in saved)
    throw new UsageError(
      `the saved group session cannot be resumed: ${saved.problem}`,
      GROUP_MSG.noSessionHint,
    );
  return saved;
}

/** A new session: questions from the quiz bank (same selection as `quiz`), then the players. */
async function newSession(o: GroupOptions, ctx: CliContext, prompter: Prompter): Promise<GroupState> {
  const [{ loadLibrary }, { buildBank, selectQuestions }, { randomSeed }] = await Promise.all([
    import('../../content/library.js'),
    import('../../quiz/bank.js'),
    import('../../quiz/prng.js'),
  ]);
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const seed = o.seed ?? randomSeed();
  const questions = selectQuestions(buildBank(library), {
    topics: o.topic,
    count: o.count ?? DEFAULT_COUNT,
    seed,
  });
  const state = createGroup({
    questions,
    seed,
    timer: o.timer,
    speed: o.speed,
    exportFile: o.export === undefined ? undefined : resolve(ctx.cwd, o.export),
  });
  const players = o.players !== undefined ? parsePlayers(o.players) : await askPlayers(prompter);
  return begin(state, players);
}

/** A saved, unfinished session when starting a new one: resume it or start over? */
async function pickStart(o: GroupOptions, ctx: CliContext, prompter: Prompter, dataDir: string) {
  if (o.resume) return resumeSaved(dataDir);
  const saved = await loadSession(dataDir);
  if (saved && !('problem' in saved) && saved.phase !== 'final') {
    ctx.stdout.write(`${GROUP_MSG.unfinished(saved.players, saved.index + 1, saved.questions.length)}\n`);
    const pick = await prompter.choice('What now?', [
      { value: 'resume', name: GROUP_MSG.resumeIt },
      { value: 'new', name: GROUP_MSG.startNew },
    ]);
    if (pick === 'resume') return saved;
  }
  return newSession(o, ctx, prompter);
}

/** Refuses an export path that cannot take the summary, before any question is asked. */
function checkExport(file: string | undefined, force: boolean, shown = file): void {
  if (file === undefined) return;
  const problem = exportProblem(file, force, shown);
  if (problem) throw new UsageError(problem.message, problem.hint);
}

export async function run(_args: string[], options: GroupOptions, ctx: CliContext): Promise<number> {
  checkOptions(options);
  const exportFile = options.export === undefined ? undefined : resolve(ctx.cwd, options.export);
  checkExport(exportFile, Boolean(options.force), options.export);
  if (!ctx.interactive)
    throw needsTerminal('group', GROUP_MSG.needsTerminalInstead, GROUP_MSG.needsTerminalWhy);
  const { createTheme } = await import('../../ui/theme.js');
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const dataDir = usableDataDir(ctx);
  const release = await holdSession(dataDir);
  try {
    return await play(options, ctx, theme, dataDir, exportFile);
  } finally {
    await release().catch(() => {});
  }
}

async function play(
  options: GroupOptions,
  ctx: CliContext,
  theme: Theme,
  dataDir: string,
  exportFile: string | undefined,
): Promise<number> {
  const prompter = createPrompter();
  let state = await pickStart(options, ctx, prompter, dataDir);
  if (options.timer !== undefined) state = { ...state, timer: options.timer };
  if (exportFile !== undefined) state = { ...state, exportFile };
  // A resumed session's stored path is checked again: the file may have appeared since.
  else if (options.resume) checkExport(state.exportFile, Boolean(options.force));
  await saveSession(dataDir, state);
  const live = ctx.stdoutIsTTY && !ctx.plain;
  const style = { dim: theme.dim, warn: theme.warn, accent: theme.accent };
  const deps: GroupDeps = {
    input: createGroupInput({ style }),
    theme,
    out: ctx.stdout,
    now: () => Date.now(),
    save: (s) => saveSession(dataDir, s),
    countdown: (tick) => startTicker(tick),
    clear: live ? () => clearScreen(ctx.stdout) : () => {},
    size: () => ({ columns: ctx.columns, rows: process.stdout.rows || 24 }),
  };
  try {
    state = await runGroup(deps, state);
    await showFinal(deps, state);
  } catch (e) {
    if (e instanceof Interrupted || e instanceof Terminated) ctx.stderr.write(`\n${GROUP_MSG.resumeHint}`);
    throw e;
  }
  if (state.exportFile) {
    const text = exportFormat(state.exportFile) === 'json' ? toJson(state) : toMarkdown(state);
    try {
      await writeExport(state.exportFile, text);
    } catch (e) {
      // Keep the finished session so the summary can be written again.
      const why = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
      ctx.stderr.write(
        `error: ${EXPORT_MSG.failed(state.exportFile, why)}\nhint: ${EXPORT_MSG.recover(state.exportFile)}\n`,
      );
      return EXIT.failed;
    }
    ctx.stdout.write(`${theme.dim(GROUP_MSG.exported(state.exportFile))}\n`);
  }
  ctx.stdout.write(`${theme.dim(GROUP_MSG.notRecorded)}\n`);
  await clearSession(dataDir);
  return EXIT.ok;
}
