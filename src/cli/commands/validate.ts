import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { sourceFiles } from '../../content/library.js';
import { validateFiles, type FileReport, type ValidationReport } from '../../content/cross-check.js';
import { threadCount } from '../../content/validate-plan.js';
import { integer } from '../options.js';
import { formatProblem, type Problem } from '../../content/parse.js';
import { contentFiles, ContentPathError } from '../../content/read.js';
import type { EngineCheck } from '../../content/check.js';
import { percent, type FileItemStats, type ItemStats } from '../../content/item-stats.js';

/**
 * `sts-trainer validate [paths…] [--json]`: schema, cross-references, then every
 * step `expect` and what-if on the engine. Exit 1 when anything failed, 2 when a
 * path cannot be read: a named one (before anything is checked), or one inside a
 * folder that was skipped (after the report, which lists it, so CI never passes on
 * a pack that was only partly checked).
 */
export async function run(args: string[], options: { json?: boolean }, ctx: CliContext): Promise<number> {
  let targets: string[];
  let context: string[] = [];
  const skipped: ContentPathError[] = [];
  const onSkip = (e: ContentPathError) => {
    skipped.push(e);
    ctx.stderr.write(`warning: ${e.message}: skipped\n`);
  };
  try {
    if (args.length > 0) {
      targets = [];
      for (const p of args) {
        const files = contentFiles(resolve(ctx.cwd, p), { onSkip });
        if (files.length === 0) throw new UsageError(`no content files (*.yaml, *.yml) in \`${p}\``);
        targets.push(...files);
      }
      // Other loaded content still counts for duplicate ids and quiz references.
      context = sourceFiles(ctx.contentDirs, ctx.cwd, () => undefined);
    } else {
      targets = sourceFiles(ctx.contentDirs, ctx.cwd, onSkip);
    }
  } catch (e) {
    if (e instanceof ContentPathError)
      throw new UsageError(
        e.message,
        'check the path, or run `sts-trainer validate` with no arguments for all content',
      );
    throw e;
  }
  const threads = threadCount(targets.length + context.length, forcedThreads(ctx.env));
  if (ctx.env.STS_TRAINER_DEBUG)
    ctx.stderr.write(`debug: validate: ${targets.length + context.length} files, ${threads} thread(s)\n`);
  const report =
    threads > 1
      ? await (
          await import('../../content/validate-parallel.js')
        ).validateInParallel(targets, context, ctx.cwd, threads)
      : validateFiles(targets, context, ctx.cwd);
  ctx.stdout.write(
    options.json ? JSON.stringify(toJson(report, skipped), null, 2) + '\n' : toText(report, skipped),
  );
  const failed = report.summary.invalid > 0 || report.summary.failed > 0 || report.files.some((f) => !f.ok);
  return failed ? 1 : skipped.length > 0 ? 2 : 0;
}

/** STS_TRAINER_VALIDATE_THREADS: how many threads to use whatever the number of files (1: this one only). */
function forcedThreads(env: CliContext['env']): number | undefined {
  const value = env.STS_TRAINER_VALIDATE_THREADS;
  if (value === undefined || value === '') return undefined;
  try {
    return integer({ min: 1, max: 64 })(value);
  } catch {
    throw new UsageError(
      `STS_TRAINER_VALIDATE_THREADS is \`${value}\`: expected a whole number from 1 to 64`,
      'unset it to use one thread per core for large runs',
    );
  }
}

const show = (v: unknown): string =>
  v === undefined ? 'nothing' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;

function checkLines(file: string, c: EngineCheck): string[] {
  const what = c.kind === 'step' ? `step \`${c.id}\`` : `what-if \`${c.id}\``;
  const lines = c.mismatches.map((m) => {
    const verb = m.field === 'message' ? 'expected message containing' : `expected ${m.field}`;
    return `${file}:${c.line}:${c.col}: ${what}: ${verb} ${show(m.expected)}, engine says ${show(m.actual)}`;
  });
  if (c.engineSays && !c.mismatches.some((m) => m.field === 'message'))
    lines.push(`hint: the engine's error: ${c.engineSays}`);
  return lines;
}

function toText(report: ValidationReport, skipped: readonly ContentPathError[]): string {
  const out: string[] = [];
  let warnings = 0;
  for (const f of report.files) {
    for (const e of f.parsed.errors) out.push(formatProblem(f.parsed.file, e));
    for (const c of f.checks) if (!c.ok) out.push(...checkLines(f.parsed.file, c));
    for (const w of f.parsed.warnings) out.push(formatProblem(f.parsed.file, w));
    warnings += f.parsed.warnings.length;
  }
  out.push(...statsLines(report));
  const s = report.summary;
  const errors = report.files.reduce((n, f) => n + f.parsed.errors.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `${plural(s.files, 'file')} (${s.invalid} invalid, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}); ` +
      `${plural(s.checks, 'engine check')}: ${s.passed} passed, ${s.failed} failed`,
  );
  if (skipped.length > 0)
    out.push(`not checked: ${plural(skipped.length, 'path')} that could not be read (warnings above)`);
  return out.join('\n') + '\n';
}

/** `quizzes/x.yaml: 12 questions; answer strictly longest 17% (chance 25%); by position 3/3/3/3`. */
function statsLine(label: string, noun: string, st: ItemStats): string {
  return (
    `${label}: ${st.items} ${noun}${st.items === 1 ? '' : 's'}; answer strictly longest ` +
    `${percent(st.longest, st.items)}% (chance ${percent(st.chanceLongest, st.items)}%); ` +
    `by position ${st.positions.join('/')}`
  );
}

const STATS_HEADING =
  'single-answer items: how often the right answer is strictly the longest choice, and how often it is choice 1, 2, …';

const GROUPS: [keyof FileItemStats, string][] = [
  ['questions', 'question'],
  ['checkpoints', 'checkpoint'],
];

/** Item statistics per file, then for everything checked (docs/authoring.md, "Writing fair items"). */
function statsLines(report: ValidationReport): string[] {
  const lines: string[] = [];
  for (const f of report.files)
    for (const [group, noun] of GROUPS)
      if (f.items[group].items > 0) lines.push(statsLine(f.parsed.file, noun, f.items[group]));
  if (report.files.length > 1)
    for (const [group, noun] of GROUPS)
      if (report.items[group].items > 0) lines.push(statsLine('all files', noun, report.items[group]));
  return lines.length ? [STATS_HEADING, ...lines.map((l) => `  ${l}`)] : [];
}

const jsonStats = (st: ItemStats) => ({
  items: st.items,
  longest: st.longest,
  longestPercent: percent(st.longest, st.items),
  chancePercent: percent(st.chanceLongest, st.items),
  positions: st.positions,
});

const jsonItems = (items: FileItemStats) => ({
  questions: jsonStats(items.questions),
  checkpoints: jsonStats(items.checkpoints),
});

const jsonProblem = (p: Problem) => {
  const message = p.hint?.startsWith('did you mean') ? `${p.message} (${p.hint})` : p.message;
  return {
    line: p.line,
    col: p.col,
    message,
    ...(p.hint !== undefined && { hint: p.hint }),
    ...(p.code !== undefined && { code: p.code }),
  };
};

/** FORMAT.md's `validate --json` shape (plus `warnings`, `items` statistics, and `hint` on problems). */
function toJson(report: ValidationReport, skipped: readonly ContentPathError[]) {
  return {
    files: report.files.map((f: FileReport) => ({
      file: f.parsed.file,
      kind: f.parsed.kind ?? null,
      ok: f.ok,
      errors: f.parsed.errors.map(jsonProblem),
      warnings: f.parsed.warnings.map(jsonProblem),
      items: jsonItems(f.items),
      checks: f.checks.map((c) =>
        c.ok
          ? { id: c.id, ok: true }
          : { id: c.id, ok: false, line: c.line, col: c.col, expected: c.expected, actual: c.actual },
      ),
    })),
    summary: { ...report.summary, items: jsonItems(report.items) },
    // paths inside the folders given that could not be read (only when there are some)
    ...(skipped.length > 0 ? { skipped: skipped.map((e) => ({ path: e.path, reason: e.reason })) } : {}),
  };
}
