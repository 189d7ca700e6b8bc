/**
 * Content I/O without parsing: finds the package's built-in content and walks
 * content folders for YAML files (no YAML or schema library is loaded here).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sanitizeLine } from '../ui/sanitize.js';

/** A path given on the command line or in `--content` that cannot be read. */
export class ContentPathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read \`${sanitizeLine(path)}\`: ${reason}`);
    this.name = 'ContentPathError';
  }
}

let root: string | undefined;

/**
 * The package root (the folder whose package.json is named sts-trainer), found by
 * walking up from this module: it runs from src/ in tests and bundled from dist/.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'sts-trainer') return (root = dir);
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the sts-trainer package root');
    dir = up;
  }
}

/** The built-in content folders: the package's `scenarios/` and `quizzes/`. */
export function builtInDirs(base = packageRoot()): string[] {
  return [join(base, 'scenarios'), join(base, 'quizzes')];
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');
const skipDir = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Every `*.yaml`/`*.yml` file under a folder (its `scenarios/` and `quizzes/`
 * subfolders included), sorted; a file path is returned as is. Throws
 * ContentPathError when the path does not exist or cannot be read.
 */
export function contentFiles(
  path: string,
  options: {
    missingOk?: boolean;
    /**
     * A subfolder that cannot be read: skipped and reported here (without it, the walk fails); also a
     * `*.yaml` entry that is a symbolic link or a special file, which the walk never reads.
     */
    onSkip?: (e: ContentPathError) => void;
  } = {},
): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    if (options.missingOk && (e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ContentPathError(path, reason(e, path));
  }
  if (!stat.isDirectory()) {
    // A device, FIFO or socket would be read forever (`/dev/zero`) or block (a FIFO): refuse it unread.
    if (!stat.isFile()) throw new ContentPathError(path, NOT_REGULAR);
    return [path];
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const err = new ContentPathError(dir, reason(e, dir));
      // One unreadable subfolder skips only itself, not the whole pack.
      if (dir !== path && options.onSkip) return options.onSkip(err);
      throw err;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDir(entry.name)) walk(full);
      } else if (isYaml(entry.name) && !entry.name.startsWith('.')) {
        if (entry.isFile()) out.push(full);
        // A pack's link could lead anywhere (~/.aws): not followed, but never silently
        else
          options.onSkip?.(new ContentPathError(full, entry.isSymbolicLink() ? NOT_FOLLOWED : NOT_REGULAR));
      }
    }
  };
  walk(path);
  return out;
}

/** Why a path that is neither a folder nor a regular file is refused. */
export const NOT_REGULAR = 'not a regular file or a folder';
/** Why a symbolic link inside a content folder is not read. */
export const NOT_FOLLOWED =
  'a symbolic link: links inside a content folder are not followed (name the file itself to check it)';

/**
 * Why a path with U+FFFD in it is not found: Node reads a file name's bytes as UTF-8 and each byte that
 * is not becomes U+FFFD, so a name given that way (by a folder's listing, or by a shell that expanded
 * `*`) names no file. (A file really named with U+FFFD is found and read.)
 */
export const NOT_UTF8_NAME =
  'not found by that name: the name is not valid UTF-8 (shown with U+FFFD), and sts-trainer can only open names that are; rename it';

export function reason(e: unknown, path?: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return path?.includes('\uFFFD') ? NOT_UTF8_NAME : 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic links that lead back to themselves';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return e instanceof Error ? e.message : String(e);
}

/**
 * How a file is named in messages: relative to `cwd` when it is under it, on one line (a pack's file
 * name may hold a newline or an escape sequence: ui/sanitize.ts).
 */
export function displayPath(file: string, cwd: string): string {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  return sanitizeLine(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs);
}
