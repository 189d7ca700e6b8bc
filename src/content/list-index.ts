/**
 * What `list` prints about each content file, and the slim index of the built-in files written at
 * build time (dist/list-index.json, a few kilobytes): `list` reads it instead of the whole compiled
 * content, which keeps its start-up within budget. Like dist/content.json, an entry counts only while
 * its file has the size and modification time it had at build time.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unchanged, type CompiledContent } from './compiled.js';
import type { Quiz, Scenario } from './schema.js';
import { builtInDirs, contentFiles, displayPath, packageRoot } from './walk.js';

export interface ScenarioSummary {
  kind: 'scenario';
  id: string;
  title: string;
  level: string | null;
  topics: string[];
  steps: number;
  whatIfs: number;
}

export interface QuizSummary {
  kind: 'quiz';
  id: string;
  title: string;
  questions: number;
  /** Questions per topic (a question counts once for each of its own and its quiz's topics). */
  topicQuestions: Record<string, number>;
}

export type ContentSummary = (ScenarioSummary | QuizSummary) & {
  /** How the file is named in output (relative to the cwd when under it). */
  file: string;
};

export function summarizeScenario(s: Scenario): ScenarioSummary {
  return {
    kind: 'scenario',
    id: s.id,
    title: s.title,
    level: s.level ?? null,
    topics: s.topics ?? [],
    steps: s.steps.length,
    whatIfs: s.whatIf?.length ?? 0,
  };
}

export function summarizeQuiz(q: Quiz): QuizSummary {
  // A Map: topics are content's text, and `constructor` or `toString` must not meet Object.prototype
  const counts = new Map<string, number>();
  for (const question of q.questions)
    for (const t of new Set([...(q.topics ?? []), ...(question.topics ?? [])]))
      counts.set(t, (counts.get(t) ?? 0) + 1);
  const topicQuestions = Object.fromEntries(counts);
  return { kind: 'quiz', id: q.id, title: q.title, questions: q.questions.length, topicQuestions };
}

interface IndexEntry {
  /** Relative to the package root. */
  path: string;
  size: number;
  mtimeMs: number;
  summary: ScenarioSummary | QuizSummary;
}

export interface ListIndex {
  version: 1;
  files: IndexEntry[];
}

/** The index of the compiled built-in content (scripts/build.mjs writes it next to content.json). */
export function buildListIndex(content: CompiledContent): ListIndex {
  return {
    version: 1,
    files: content.files.map((f) => ({
      path: f.path,
      size: f.size,
      mtimeMs: f.mtimeMs,
      summary: f.kind === 'scenario' ? summarizeScenario(f.data as Scenario) : summarizeQuiz(f.data as Quiz),
    })),
  };
}

/**
 * The summaries of the built-in content from the index, in load order; undefined unless the index
 * covers exactly the built-in files as they are now (a file added, edited or broken since the build
 * means the caller loads the content itself).
 */
export function builtInSummaries(cwd: string, root = packageRoot()): ContentSummary[] | undefined {
  let index: ListIndex;
  try {
    index = JSON.parse(readFileSync(join(root, 'dist', 'list-index.json'), 'utf8')) as ListIndex;
  } catch {
    return undefined;
  }
  if (index.version !== 1) return undefined;
  const byPath = new Map(index.files.map((f) => [f.path, f]));
  const files = builtInDirs(root).flatMap((d) => contentFiles(d, { missingOk: true }));
  if (files.length !== byPath.size) return undefined;
  const out: ContentSummary[] = [];
  for (const file of files) {
    const entry = byPath.get(relative(root, file));
    if (!entry || !unchanged(file, entry)) return undefined;
    out.push({ ...entry.summary, file: displayPath(file, cwd) });
  }
  return out;
}
