/**
 * The built-in content as parsed at build time (dist/content.json). An entry is
 * used only while its file has the size and modification time it had then; any
 * other file is parsed from YAML as usual.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentKind, ParsedFile } from './parse.js';
import type { Quiz, Scenario } from './schema.js';
import { displayPath, packageRoot } from './walk.js';

export interface CompiledFile {
  /** Relative to the package root. */
  path: string;
  size: number;
  mtimeMs: number;
  kind: ContentKind;
  data: Scenario | Quiz;
}

export interface CompiledContent {
  version: 1;
  files: CompiledFile[];
}

let cache: Map<string, CompiledFile> | null | undefined;

function load(): Map<string, CompiledFile> | null {
  if (cache !== undefined) return cache;
  const root = packageRoot();
  try {
    const content = JSON.parse(readFileSync(join(root, 'dist', 'content.json'), 'utf8')) as CompiledContent;
    cache = content.version === 1 ? new Map(content.files.map((f) => [join(root, f.path), f])) : null;
  } catch {
    cache = null;
  }
  return cache;
}

/** `file` still has the size and modification time recorded at build time. */
export function unchanged(file: string, recorded: { size: number; mtimeMs: number }): boolean {
  try {
    const stat = statSync(file);
    return stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs;
  } catch {
    return false;
  }
}

/** Positions are only asked for to report a problem, and a compiled file had none. */
const NO_POSITIONS = { at: () => ({ line: 1, col: 1 }) };

/** The compiled form of `file` when it is still current, as a ParsedFile; otherwise undefined. */
export function compiledFile(file: string, cwd: string): ParsedFile | undefined {
  const entry = load()?.get(file);
  if (!entry || !unchanged(file, entry)) return undefined;
  const parsed: ParsedFile = {
    file: displayPath(file, cwd),
    kind: entry.kind,
    errors: [],
    warnings: [],
    positions: NO_POSITIONS,
  };
  if (entry.kind === 'scenario') parsed.scenario = entry.data as Scenario;
  else parsed.quiz = entry.data as Quiz;
  return parsed;
}
