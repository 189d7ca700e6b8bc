/**
 * Loads all content: the built-in scenarios and quizzes plus every content folder. Broken files
 * (schema, reference or world errors) are skipped with a one-line warning (list, learn, quiz) or
 * reported in full (validate); one bad file never stops the others.
 */
import { resolve } from 'node:path';
import { compiledFile } from './compiled.js';
import type { ParsedFile } from './parse.js';
import type { Quiz, Scenario } from './schema.js';
import { builtInDirs, contentFiles, ContentPathError } from './walk.js';
import { UsageError } from '../errors.js';

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
      add(contentFiles(resolve(cwd, dir), { onSkip: onMissing }));
    } catch (e) {
      if (e instanceof ContentPathError && onMissing) onMissing(e);
      else throw e;
    }
  }
  return out;
}

/** Loads all content for `list`, `learn` and `quiz`, skipping broken files with a one-line warning. */
export async function loadLibrary(options: LoadOptions): Promise<Library> {
  const warn = (line: string) => options.stderr?.write(`warning: ${line}\n`);
  const files = sourceFiles(options.contentDirs, options.cwd, (e) => warn(`${e.message}: skipped`));
  // Built-in files compiled at build time skip parsing; the rest are parsed and checked against them.
  // The YAML parser and the schema library load only when some file needs parsing.
  const compiled: ParsedFile[] = [];
  const stale: string[] = [];
  for (const f of files) {
    const c = compiledFile(f, options.cwd);
    if (c) compiled.push(c);
    else stale.push(f);
  }
  const fresh: ParsedFile[] = [];
  if (stale.length > 0) {
    const [{ readContentFile }, { crossCheck }] = await Promise.all([
      import('./read.js'),
      import('./cross-check.js'),
    ]);
    for (const f of stale) fresh.push(readContentFile(f, options.cwd));
    crossCheck(fresh, compiled);
  }
  const parsed = [...compiled, ...fresh];
  const library: Library = {
    scenarios: [],
    quizzes: [],
    scenarioById: new Map(),
    quizById: new Map(),
    skipped: [],
  };
  const problemLine =
    library.skipped.length === 0 && parsed.some((p) => p.errors.length > 0)
      ? (await import('./parse.js')).problemLine
      : undefined;
  for (const p of parsed) {
    const first = p.errors[0];
    if (first) {
      library.skipped.push(p);
      const more =
        p.errors.length > 1 ? ` (and ${p.errors.length - 1} more; run \`sts-trainer validate\`)` : '';
      warn(`skipped ${problemLine!(p.file, first)}${more}`);
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

/**
 * The "unknown scenario" usage error, saying so when a skipped file (one with errors) is the
 * scenario asked for: after "warning: skipped FILE…", "unknown scenario `X`" read as a typo.
 */
export function unknownScenario(library: Library, id: string, otherwise: string | undefined): UsageError {
  const skipped = library.skipped.find(
    (p) => p.kind === 'scenario' && (p.scenario?.id ?? p.claimedId) === id,
  );
  if (skipped)
    return new UsageError(
      `scenario \`${id}\` is in \`${skipped.file}\`, which was skipped for its errors`,
      `run \`sts-trainer validate ${skipped.file}\` to see them`,
    );
  return new UsageError(`unknown scenario \`${id}\``, otherwise);
}
