/**
 * One share of a `validate` run. The work per file (parse, schema, per-file checks, the engine)
 * needs to know about other files in two places only: ids unique across all content, and the
 * scenarios that quiz questions name. A shard does its files in two steps around those: `load`
 * parses and reports what the others need to know; `finish`, told who owns which id, does the rest.
 * Run in-process it is the serial path; in a worker thread, one of several (validate-parallel.ts).
 */
import {
  addDuplicateId,
  checkQuiz,
  checkScenario,
  verifyQuiz,
  verifyScenario,
  type EngineCheck,
  type ScenarioIndex,
} from './check.js';
import { itemStats, type FileItemStats } from './item-stats.js';
import type { ContentKind, ParsedFile } from './parse.js';
import { readContentFile } from './read.js';
import type { Scenario } from './schema.js';

/** A file of a shard: a target is checked and reported; context only counts for ids and references. */
export interface ShardItem {
  path: string;
  target: boolean;
}

/** What `load` tells the coordinator about each of the shard's files, in the shard's order. */
export interface FileSummary {
  /** The file as shown in messages. */
  file: string;
  kind: ContentKind | undefined;
  /** The scenario or quiz id, when the schema accepted the file. */
  id?: string;
  /** Scenario ids a target quiz's questions name (each once). */
  refs?: string[];
}

/** What a shard needs to finish: the decisions that depend on every file. */
export interface FinishInput {
  /** Target files (by index in the shard) whose id an earlier file already uses, and that file. */
  duplicates: [index: number, owner: string][];
  /** Every scenario id that counts, in load order (did-you-mean hints choose among them). */
  scenarioIds: string[];
  /** Scenarios the shard's quizzes name and that the shard holds itself (by index in the shard). */
  local: [id: string, index: number][];
  /** Scenarios the shard's quizzes name that other shards hold. */
  foreign: [id: string, scenario: Scenario][];
}

/** One target file's result: plain data, the same whether it crossed a thread or not. */
export interface FileReport {
  parsed: Pick<ParsedFile, 'file' | 'kind' | 'errors' | 'warnings'>;
  checks: EngineCheck[];
  ok: boolean;
  /** How often the right answer is the longest choice, and where it sits. */
  items: FileItemStats;
}

export class ValidationShard {
  private items: ShardItem[] = [];
  private parsed: ParsedFile[] = [];

  /** Reads and parses every file, and runs the checks that need no other file. */
  load(items: ShardItem[], cwd: string): FileSummary[] {
    this.items = items;
    this.parsed = items.map((item) => readContentFile(item.path, cwd));
    return this.parsed.map((p, i) => {
      const target = items[i]!.target;
      if (target) checkScenario(p);
      const summary: FileSummary = { file: p.file, kind: p.kind };
      const data = p.scenario ?? p.quiz;
      if (data) summary.id = data.id;
      if (target && p.quiz) {
        const refs = new Set<string>();
        for (const q of p.quiz.questions) if (q.scenario !== undefined) refs.add(q.scenario);
        summary.refs = [...refs];
      }
      return summary;
    });
  }

  /** The scenarios at these indexes (for quizzes in other shards). */
  scenarios(indexes: readonly number[]): Scenario[] {
    return indexes.map((i) => this.parsed[i]!.scenario!);
  }

  /** Cross-file checks with the coordinator's answers, then the engine: one report per target. */
  finish(input: FinishInput): FileReport[] {
    const named = new Map<string, Scenario>(input.foreign);
    for (const [id, index] of input.local) named.set(id, this.parsed[index]!.scenario!);
    const index: ScenarioIndex = {
      get: (id) => named.get(id),
      keys: () => input.scenarioIds,
    };
    const targets = this.parsed.filter((_, i) => this.items[i]!.target);
    for (const [i, owner] of input.duplicates) addDuplicateId(this.parsed[i]!, owner);
    for (const p of targets) checkQuiz(p, index);
    return targets.map((p): FileReport => {
      const checks = verifyScenario(p);
      verifyQuiz(p, index);
      const { stats, warnings } = itemStats(p);
      p.warnings.push(...warnings);
      return {
        parsed: { file: p.file, kind: p.kind, errors: p.errors, warnings: p.warnings },
        checks,
        ok: p.errors.length === 0 && checks.every((c) => c.ok),
        items: stats,
      };
    });
  }
}
