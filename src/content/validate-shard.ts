/**
 * One share of a `validate` run. The work per file (parse, schema, per-file checks, the engine)
 * needs to know about other files in two places only: ids unique across all content, and the
 * scenarios that quiz questions name. A shard does its files in two steps around those: `load`
 * takes files one at a time from a counter the shards share (so a thread that starts late or has
 * slower files simply takes fewer), parses them and does everything a scenario needs; `finish`,
 * told who owns which id, does the rest. Run in-process it is the serial path; in a worker thread,
 * one of several (validate-parallel.ts).
 */
import {
  addDuplicateId,
  checkQuiz,
  checkScenario,
  duplicateIdProblem,
  verifyQuiz,
  verifyScenario,
  type EngineCheck,
  type ScenarioIndex,
} from './check.js';
import { compiledFile } from './compiled.js';
import { itemStats, type FileItemStats } from './item-stats.js';
import { parseContent, type ContentKind, type ParsedFile, type Problem } from './parse.js';
import type { Position } from './positions.js';
import { readContent } from './read.js';
import type { Scenario } from './schema.js';

/** A file of a run: a target is checked and reported; context only counts for ids and references. */
export interface ShardItem {
  path: string;
  target: boolean;
}

/** What `load` tells the coordinator about each file it loaded. */
export interface FileSummary {
  /** The file's place in the run's load order. */
  index: number;
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
  /** Target files (by load index) whose id an earlier file already uses, and that file. */
  duplicates: [index: number, owner: string][];
  /** Every scenario id that counts, in load order (did-you-mean hints choose among them). */
  scenarioIds: string[];
  /** Scenarios the shard's quizzes name and that the shard holds itself (by load index). */
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

/**
 * A target checked in full when loaded: a scenario, or a quiz that names no scenario. Its result
 * needs no other file, unless an earlier file has its id: then the duplicate error goes after the
 * problems found before the cross-file checks, and a scenario loses what the engine found (a file
 * with errors gets no engine checks). Its positions and text are let go.
 */
interface Checked {
  file: string;
  kind: ContentKind | undefined;
  errors: Problem[];
  warnings: Problem[];
  checks: EngineCheck[];
  /** Problems before the cross-file checks: the first `errorsBefore` errors, `warningsBefore` warnings. */
  errorsBefore: number;
  warningsBefore: number;
  /** What was found after those stands with a duplicate id (a quiz's checks; not the engine's). */
  keepAfterDuplicate: boolean;
  /** Item-statistics warnings, after every other problem. */
  statsWarnings: Problem[];
  stats: FileItemStats;
  /** The file's kind, id and where the id is, for a duplicate-id error. */
  id?: { kind: ContentKind; id: string; at: Position };
}

/** Takes the next load index from a counter that the shards share (each index is taken once). */
export function taker(next: SharedArrayBuffer): () => number {
  const counter = new Int32Array(next);
  return () => Atomics.add(counter, 0, 1);
}

/** A valid scenario a shard loaded: parsed, or the text it was parsed from (parsed again if needed). */
type KeptScenario = { scenario: Scenario } | { text: string; file: string };

export class ValidationShard {
  /**
   * Valid scenarios this shard loaded, by load index: quizzes (here or elsewhere) may name them. One
   * that a quiz loaded before it names is kept parsed; any other as its text, parsed again only if a
   * later quiz names it. A scenario's data is thousands of small objects: keeping all of them alive
   * made every garbage collection of the run slower (160 ms of pauses instead of 100 ms for 1,000
   * scenarios, bench/corpus.mjs), while a text is one string. Content keeps quizzes in a folder that
   * sorts before `scenarios/`, so the usual run parses no file twice.
   */
  private readonly scenarioAt = new Map<number, KeptScenario>();
  /** Scenario ids that target quizzes loaded so far name. */
  private readonly named = new Set<string>();
  /** Target quizzes that name scenarios, finished once every scenario id is known. */
  private readonly quizzes = new Map<number, ParsedFile>();
  private readonly checked = new Map<number, Checked>();

  constructor(
    private readonly items: readonly ShardItem[],
    private readonly cwd: string,
  ) {}

  /**
   * Loads files while `take` hands out load indexes (an index past the end stops it): reads, parses
   * and checks each, running a target scenario's engine checks at once.
   */
  load(take: () => number): FileSummary[] {
    const summaries: FileSummary[] = [];
    for (let index = take(); index < this.items.length; index = take()) {
      const item = this.items[index]!;
      // Context only counts for ids and references: a built-in file still as built needs no parse.
      const compiled = item.target ? undefined : compiledFile(item.path, this.cwd);
      const { parsed: p, text } = compiled ? { parsed: compiled } : readContent(item.path, this.cwd);
      const summary: FileSummary = { index, file: p.file, kind: p.kind };
      const data = p.scenario ?? p.quiz;
      if (data) summary.id = data.id;
      if (p.scenario)
        this.scenarioAt.set(
          index,
          text === undefined || this.named.has(p.scenario.id)
            ? { scenario: p.scenario }
            : { text, file: p.file },
        );
      if (item.target && p.quiz) {
        const refs = new Set<string>();
        for (const q of p.quiz.questions) if (q.scenario !== undefined) refs.add(q.scenario);
        summary.refs = [...refs];
        for (const id of refs) this.named.add(id);
        if (refs.size > 0) this.quizzes.set(index, p);
        else this.checked.set(index, checkAtOnce(p));
      } else if (item.target) this.checked.set(index, checkAtOnce(p));
      summaries.push(summary);
    }
    return summaries;
  }

  /** The scenarios at these load indexes (for quizzes in other shards). */
  scenarios(indexes: readonly number[]): Scenario[] {
    return indexes.map((i) => this.scenarioOf(i));
  }

  private scenarioOf(index: number): Scenario {
    const kept = this.scenarioAt.get(index)!;
    if ('scenario' in kept) return kept.scenario;
    // the same text gives the same scenario (parse.ts is pure)
    const scenario = parseContent(kept.text, kept.file).scenario!;
    this.scenarioAt.set(index, { scenario });
    return scenario;
  }

  /** Cross-file checks with the coordinator's answers, then the engine: one report per target. */
  finish(input: FinishInput): [index: number, report: FileReport][] {
    const named = new Map<string, Scenario>(input.foreign);
    for (const [id, index] of input.local) named.set(id, this.scenarioOf(index));
    const scenarios: ScenarioIndex = {
      get: (id) => named.get(id),
      keys: () => input.scenarioIds,
    };
    const duplicates = new Map(input.duplicates);
    const out: [number, FileReport][] = [];
    for (const [index, c] of this.checked) out.push([index, checkedReport(c, duplicates.get(index))]);
    for (const [index, p] of this.quizzes) {
      const owner = duplicates.get(index);
      if (owner !== undefined) addDuplicateId(p, owner);
      checkQuiz(p, scenarios);
      verifyQuiz(p, scenarios);
      const { stats, warnings } = itemStats(p);
      p.warnings.push(...warnings);
      out.push([index, report(p.file, p.kind, p.errors, p.warnings, [], stats)]);
    }
    return out;
  }
}

/** Names no scenario: what a quiz that names none is checked against. */
const NO_SCENARIOS: ScenarioIndex = { get: () => undefined, keys: () => [] };

/**
 * Every check of a target that needs no other file (a scenario, or a quiz that names no scenario):
 * the per-file ones, the engine, item statistics.
 */
function checkAtOnce(p: ParsedFile): Checked {
  checkScenario(p);
  const errorsBefore = p.errors.length;
  const warningsBefore = p.warnings.length;
  const checks = verifyScenario(p);
  checkQuiz(p, NO_SCENARIOS);
  verifyQuiz(p, NO_SCENARIOS);
  const { stats, warnings } = itemStats(p);
  const c: Checked = {
    file: p.file,
    kind: p.kind,
    errors: p.errors,
    warnings: p.warnings,
    checks,
    errorsBefore,
    warningsBefore,
    keepAfterDuplicate: p.quiz !== undefined,
    statsWarnings: warnings,
    stats,
  };
  const data = p.scenario ?? p.quiz;
  if (data && p.kind) c.id = { kind: p.kind, id: data.id, at: p.positions.at(['id']) };
  return c;
}

function checkedReport(c: Checked, owner: string | undefined): FileReport {
  if (owner === undefined || c.id === undefined)
    return report(c.file, c.kind, c.errors, [...c.warnings, ...c.statsWarnings], c.checks, c.stats);
  const { kind, id, at } = c.id;
  const keep = c.keepAfterDuplicate;
  const errors = [
    ...c.errors.slice(0, c.errorsBefore),
    duplicateIdProblem(kind, id, at, owner),
    ...(keep ? c.errors.slice(c.errorsBefore) : []),
  ];
  const warnings = [...(keep ? c.warnings : c.warnings.slice(0, c.warningsBefore)), ...c.statsWarnings];
  return report(c.file, c.kind, errors, warnings, [], c.stats);
}

function report(
  file: string,
  kind: ContentKind | undefined,
  errors: Problem[],
  warnings: Problem[],
  checks: EngineCheck[],
  items: FileItemStats,
): FileReport {
  return {
    parsed: { file, kind, errors, warnings },
    checks,
    ok: errors.length === 0 && checks.every((c) => c.ok),
    items,
  };
}
