/**
 * Cross-checks and validation over parsed files: ids unique across all content,
 * references between files, then every expect run on the engine (validate).
 */
import { resolve } from 'node:path';
import { checkQuiz, checkScenario, verifyQuiz, verifyScenario, type EngineCheck } from './check.js';
import { addStats, emptyFileStats, itemStats, type FileItemStats } from './item-stats.js';
import type { ParsedFile } from './parse.js';
import { readContentFile } from './read.js';
import type { Scenario } from './schema.js';

/**
 * Cross-checks parsed files: per-file references, ids unique across all content
 * (scenario ids among scenarios, quiz ids among quizzes; the first loaded wins),
 * quiz references to scenarios. `context` files are used for ids and references
 * but not checked themselves. Linear in the number of files and questions.
 */
export function crossCheck(
  files: readonly ParsedFile[],
  context: readonly ParsedFile[] = [],
): Map<string, Scenario> {
  for (const f of files) checkScenario(f);
  const owners = new Map<string, ParsedFile>();
  const scenarios = new Map<string, Scenario>();
  const checked = new Set(files);
  for (const f of [...context, ...files]) {
    const data = f.scenario ?? f.quiz;
    if (!data) continue;
    const key = `${f.kind}:${data.id}`;
    const owner = owners.get(key);
    if (owner) {
      if (checked.has(f)) {
        f.errors.push({
          ...f.positions.at(['id']),
          message: `duplicate ${f.kind} id \`${data.id}\`: \`${owner.file}\` already uses it`,
          hint: `${f.kind} ids are unique across all loaded content; rename one of them`,
          severity: 'error',
        });
      }
      continue;
    }
    owners.set(key, f);
    if (f.scenario) scenarios.set(f.scenario.id, f.scenario);
  }
  for (const f of files) checkQuiz(f, scenarios);
  return scenarios;
}

/** One file's result in `validate` (FORMAT.md `files[]`). */
export interface FileReport {
  parsed: ParsedFile;
  checks: EngineCheck[];
  ok: boolean;
  /** How often the right answer is the longest choice, and where it sits. */
  items: FileItemStats;
}

export interface ValidationReport {
  files: FileReport[];
  summary: { files: number; invalid: number; checks: number; passed: number; failed: number };
  /** Item statistics over every checked file (the whole bank when all content is validated). */
  items: FileItemStats;
}

/**
 * Validates files: schema, cross-references, then every step `expect` and
 * what-if on the engine. `contextFiles` (other loaded content) count for
 * duplicate ids and quiz references but are not reported.
 */
export function validateFiles(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
): ValidationReport {
  const targets = new Set(files.map((f) => resolve(cwd, f)));
  const parsed = [...targets].map((f) => readContentFile(f, cwd));
  const context = contextFiles
    .filter((f) => !targets.has(resolve(cwd, f)))
    .map((f) => readContentFile(f, cwd));
  const scenarios = crossCheck(parsed, context);
  const total = emptyFileStats();
  const reports = parsed.map((p): FileReport => {
    const checks = verifyScenario(p);
    verifyQuiz(p, scenarios);
    const { stats, warnings } = itemStats(p);
    p.warnings.push(...warnings);
    addStats(total.questions, stats.questions);
    addStats(total.checkpoints, stats.checkpoints);
    return { parsed: p, checks, ok: p.errors.length === 0 && checks.every((c) => c.ok), items: stats };
  });
  const all = reports.flatMap((r) => r.checks);
  const passed = all.filter((c) => c.ok).length;
  return {
    files: reports,
    summary: {
      files: reports.length,
      invalid: reports.filter((r) => r.parsed.errors.length > 0).length,
      checks: all.length,
      passed,
      failed: all.length - passed,
    },
    items: total,
  };
}
