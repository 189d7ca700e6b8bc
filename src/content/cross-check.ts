/**
 * Cross-checks and validation over parsed files: ids unique across all content,
 * references between files, then every expect run on the engine (validate).
 */
import { addDuplicateId, addWorldErrors, checkQuiz, checkScenario } from './check.js';
import type { ParsedFile } from './parse.js';
import type { Scenario } from './schema.js';
import { loadOrder, mergeReports, planFinish, type ValidationReport } from './validate-plan.js';
import { ValidationShard } from './validate-shard.js';

export type { FileReport, ValidationReport } from './validate-plan.js';

/**
 * Cross-checks parsed files: per-file references, the world's errors (check.ts addWorldErrors), ids
 * unique across all content (scenario ids among scenarios, quiz ids among quizzes; the first loaded
 * wins), quiz references to scenarios. `context` files are used for ids and references
 * but not checked themselves. Linear in the number of files and questions.
 */
export function crossCheck(
  files: readonly ParsedFile[],
  context: readonly ParsedFile[] = [],
): Map<string, Scenario> {
  for (const f of files) {
    checkScenario(f);
    addWorldErrors(f);
  }
  const owners = new Map<string, ParsedFile>();
  const scenarios = new Map<string, Scenario>();
  const checked = new Set(files);
  for (const f of [...context, ...files]) {
    const data = f.scenario ?? f.quiz;
    if (!data) continue;
    const key = `${f.kind}:${data.id}`;
    const owner = owners.get(key);
    if (owner) {
      if (checked.has(f)) addDuplicateId(f, owner.file);
      continue;
    }
    owners.set(key, f);
    if (f.scenario) scenarios.set(f.scenario.id, f.scenario);
  }
  for (const f of files) checkQuiz(f, scenarios);
  return scenarios;
}

/**
 * Validates files: schema, cross-references, then every step `expect` and
 * what-if on the engine. `contextFiles` (other loaded content) count for
 * duplicate ids and quiz references but are not reported. In-process, in one
 * shard; validate-parallel.ts runs the same steps over several threads.
 */
export function validateFiles(
  files: readonly string[],
  contextFiles: readonly string[],
  cwd: string,
): ValidationReport {
  const items = loadOrder(files, contextFiles, cwd);
  const shard = new ValidationShard(items, cwd);
  let next = 0;
  const summaries = shard.load(() => next++);
  const { inputs } = planFinish(items, [summaries]);
  return mergeReports([shard.finish({ ...inputs[0]!, foreign: [] })]);
}
