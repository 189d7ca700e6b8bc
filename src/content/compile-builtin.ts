/**
 * Build step: parse and check the built-in content once, so commands that only
 * need the data (list, learn, quiz) start without loading the YAML parser or the
 * schema library. Run by scripts/build.mjs; writes dist/content.json and, from it,
 * the slim dist/list-index.json that `list` reads (list-index.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { crossCheck } from './cross-check.js';
import { parseContent } from './parse.js';
import { builtInDirs, contentFiles, packageRoot } from './read.js';
import type { CompiledContent } from './compiled.js';

export { buildListIndex } from './list-index.js';

export function compileBuiltin(): CompiledContent {
  const root = packageRoot();
  const files = builtInDirs().flatMap((d) => contentFiles(d, { missingOk: true }));
  const parsed = files.map((f) => parseContent(readFileSync(f, 'utf8'), relative(root, f)));
  crossCheck(parsed);
  const out: CompiledContent = { version: 1, files: [] };
  parsed.forEach((p, i) => {
    // A file with any problem is left out: the loader then parses it itself and reports it.
    if (p.errors.length > 0 || !p.kind) return;
    const stat = statSync(files[i]!);
    out.files.push({
      path: relative(root, files[i]!),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      kind: p.kind,
      data: (p.scenario ?? p.quiz)!,
    });
  });
  return out;
}
