/**
 * Loads all content: the built-in scenarios and quizzes plus every content
 * folder. Broken files are skipped with a one-line warning (list, learn, quiz)
 * or reported in full (validate); one bad file never stops the others.
 */
import { resolve } from 'node:path';
import { checkQuiz, checkScenario, verifyQuiz, verifyScenario, type EngineCheck } from './check.js';
import { formatProblem, type ParsedFile } from './parse.js';
import { compiledFile } from './compiled.js';
import { builtInDirs, contentFiles, ContentPathError, readContentFile } from './read.js';
import type { Quiz, Scenario } from './schema.js';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file, relative to the cwd when under it. */
  file: string;
  parsed: ParsedFile;
}

export interface LoadedQuiz {
  quiz: Quiz;
  file: string;
  parsed: ParsedFile;
}

/** Everything that loaded cleanly, in load order (built-in first). */
export interface Library {
  scenarios: LoadedScenario[];
  quizzes: LoadedQuiz[];
  scenarioById: Map<string, LoadedScenario>;
  quizById: Map<string, LoadedQuiz>;
  /** Files skipped because of errors (each has `errors`). */
  skipped: ParsedFile[];
}

export interface LoadOptions {
  /** `--content` folders and STS_TRAINER_CONTENT, in order. */
  contentDirs: readonly string[];
  cwd: string;
  /** Where the one-line warnings about skipped files go. */
  stderr?: { write(text: string): unknown };
}

/** The files of the built-in content and of every content folder (deduplicated, load order). */
export function sourceFiles(
  contentDirs: readonly string[],
  cwd: string,
  onMissing?: (e: ContentPathError) => void,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (files: string[]) => {
    for (const f of files) {
      const abs = resolve(cwd, f);
      if (!seen.has(abs)) {
        seen.add(abs);
        out.push(abs);
      }
    }
  };
  for (const dir of builtInDirs()) add(contentFiles(dir, { missingOk: true }));
  for (const dir of contentDirs) {
    try {
      add(contentFiles(resolve(cwd, dir)));
    } catch (e) {
      if (e instanceof ContentPathError && onMissing) onMissing(e);
      else throw e;
    }
  }
  return out;
}

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

/** Loads all content for `list`, `learn` and `quiz`, skipping broken files with a one-line warning. */
export async function loadLibrary(options: LoadOptions): Promise<Library> {
  const warn = (line: string) => options.stderr?.write(`warning: ${line}\n`);
  const files = sourceFiles(options.contentDirs, options.cwd, (e) => warn(`${e.message}: skipped`));
  // Built-in files compiled at build time skip parsing; the rest are parsed and checked against them.
  const compiled: ParsedFile[] = [];
  const fresh: ParsedFile[] = [];
  for (const f of files) {
    const c = compiledFile(f, options.cwd);
    if (c) compiled.push(c);
    else fresh.push(readContentFile(f, options.cwd));
  }
  if (fresh.length > 0) crossCheck(fresh, compiled);
  const parsed = [...compiled, ...fresh];
  const library: Library = {
    scenarios: [],
    quizzes: [],
    scenarioById: new Map(),
    quizById: new Map(),
    skipped: [],
  };
  for (const p of parsed) {
    const first = p.errors[0];
    if (first) {
      library.skipped.push(p);
      const more =
        p.errors.length > 1 ? ` (and ${p.errors.length - 1} more; run \`sts-trainer validate\`)` : '';
      warn(`skipped ${formatProblem(p.file, first).split('\n')[0]}${more}`);
      continue;
    }
    if (p.scenario) {
      const entry = { scenario: p.scenario, file: p.file, parsed: p };
      library.scenarios.push(entry);
      library.scenarioById.set(p.scenario.id, entry);
    } else if (p.quiz) {
      const entry = { quiz: p.quiz, file: p.file, parsed: p };
      library.quizzes.push(entry);
      library.quizById.set(p.quiz.id, entry);
    }
  }
  return library;
}

/** One file's result in `validate` (FORMAT.md `files[]`). */
export interface FileReport {
  parsed: ParsedFile;
  checks: EngineCheck[];
  ok: boolean;
}

export interface ValidationReport {
  files: FileReport[];
  summary: { files: number; invalid: number; checks: number; passed: number; failed: number };
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
  const reports = parsed.map((p): FileReport => {
    const checks = verifyScenario(p);
    verifyQuiz(p, scenarios);
    return { parsed: p, checks, ok: p.errors.length === 0 && checks.every((c) => c.ok) };
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
  };
}
