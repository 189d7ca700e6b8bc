/**
 * Pure parsing of one content file: text and file name in, a schema-checked
 * scenario or quiz (or problems with line:col) out. No I/O here (STYLE.md §5).
 */
import { CORE_SCHEMA, load, YAMLException, type LoadOptions } from 'js-yaml';
import { recordPositions } from './node-positions.js';
import type { LineCounter, YAMLError } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { FORMAT_VERSION, QuizSchema, ScenarioSchema, type Quiz, type Scenario } from './schema.js';
import { NO_POSITIONS, positionsOf, type ContentPath, type Position, type Positions } from './positions.js';
import { closest, didYouMean, knownKeys } from './suggest.js';
import { callSizeProblems, guardProblems, MAX_TEXT } from './guards.js';
import { escapeUnsafeText, unsafeTextWarnings } from './unsafe-text.js';
import { sanitizeLine } from '../ui/sanitize.js';
import type { z } from 'zod';

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** YAML aliases expanded per file at most (a billion-laughs file needs far more). */
export const MAX_ALIAS_COUNT = 100;

export type ContentKind = 'scenario' | 'quiz';

/** One thing wrong (or risky) in a file, at a position. */
export interface Problem extends Position {
  message: string;
  /** What to do about it, shown on its own `hint:` line. */
  hint?: string;
  severity: 'error' | 'warning';
  /** The engine's code for a problem it found in the world (`unknown-operator`, `policy-size`, …). */
  code?: string;
}

/** A parsed content file. `scenario`/`quiz` are set only when the schema accepted it. */
export interface ParsedFile {
  file: string;
  kind: ContentKind | undefined;
  scenario?: Scenario;
  quiz?: Quiz;
  errors: Problem[];
  warnings: Problem[];
  positions: Positions;
  /** The `id` a file the schema refused gives itself (a scenario or quiz sets its own). */
  claimedId?: string;
}

/** Levels of nesting a content file may use (a scenario's deepest, a policy condition, is about 10). */
const MAX_DEPTH = 100;

export const MESSAGES = {
  tooBig: (bytes: number) =>
    `file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; content files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
  tooBigHint: 'split it into several scenario or quiz files',
  aliasBomb: `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`,
  aliasBombHint: 'write the repeated parts out instead of using `*alias` references',
  tooDeep: `YAML nested more than ${MAX_DEPTH} levels deep: refusing it`,
  tooDeepHint: 'a scenario or quiz needs a dozen levels at most; look for runaway brackets or indentation',
  customTag: (tag: string) => `custom YAML tag \`${tag}\` is not allowed: content files are plain YAML`,
  customTagHint: 'remove the tag, or quote the value if it is text',
  multipleDocs: 'a second YAML document starts here (`---`); a content file holds one scenario or one quiz',
  multipleDocsHint: 'put each document in a file of its own',
  duplicateKey: (key: string) => `duplicate key \`${key}\``,
  duplicateKeyHint: 'each key may appear once in a mapping; remove or rename one of them',
  notMapping: 'a content file must be a YAML mapping with `id`, `title` and `steps` or `questions`',
  unknownKind: 'not a scenario (no `steps` or `world`) or a quiz (no `questions`)',
  unknownKindHint: 'a scenario needs `world` and `steps`; a quiz needs `questions` (see docs/authoring.md)',
  newerFormat: (n: number) =>
    `this file uses content format ${n}, but this sts-trainer understands format ${FORMAT_VERSION} at most`,
  newerFormatHint: 'this file needs a newer sts-trainer: upgrade with `npm install -g sts-trainer@latest`',
} as const;

/** `file:line:col: message` and, when there is one, a `hint:` line. */
export function formatProblem(file: string, p: Problem): string {
  const head = problemLine(file, p);
  return p.hint ? `${head}\nhint: ${sanitizeLine(p.hint)}` : head;
}

/** `file:line:col: message`, without the hint. */
export function problemLine(file: string, p: Problem): string {
  // One line: a message quotes the file's values, and a newline in one must not start a line of its
  // own (a CI log reads `::error …` at a line's start as a command).
  return `${file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${sanitizeLine(p.message)}`;
}

const problem = (
  pos: Position,
  message: string,
  hint?: string,
  severity: Problem['severity'] = 'error',
): Problem => (hint === undefined ? { ...pos, message, severity } : { ...pos, message, hint, severity });

/** Parses and schema-checks one file's text. Never throws for anything a file can contain. */
export function parseContent(text: string, file: string): ParsedFile {
  const bytes = text.length > MAX_FILE_BYTES / 4 ? Buffer.byteLength(text) : text.length;
  if (bytes > MAX_FILE_BYTES) {
    return failed(file, undefined, NO_POSITIONS, [
      problem({ line: 1, col: 1 }, MESSAGES.tooBig(bytes), MESSAGES.tooBigHint),
    ]);
  }
  // Fast path: js-yaml reads well-formed files about ten times faster than `yaml`; positions are then
  // worked out only if a problem needs one. Anything unusual (aliases, tags, a YAML error) takes the
  // slow path, which reports it precisely and bounds alias expansion.
  const fast = fastLoad(text);
  let data: unknown;
  let positions: Positions;
  if (!fast.ok && fast.tooDeep) {
    // `yaml` would recurse until the stack runs out: refuse before it tries
    return failed(file, undefined, NO_POSITIONS, [
      problem(fast.tooDeep, MESSAGES.tooDeep, MESSAGES.tooDeepHint),
    ]);
  }
  // guards.ts walks the data unless the fast parse saw every text and none was one it refuses
  let guardsNeeded = true;
  if (fast.ok) {
    data = fast.data;
    positions = fast.positions;
    guardsNeeded = fast.sawGuardedText;
  } else {
    const { LineCounter, parseDocument } = yamlLib();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    positions = positionsOf(doc, lineCounter);
    const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => yamlProblem(e, text, lineCounter));
    if (yamlProblems.length > 0) return failed(file, kindOfDoc(doc.contents), positions, yamlProblems);
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = e instanceof ReferenceError ? MESSAGES.aliasBomb : `cannot read YAML: ${String(e)}`;
      return failed(file, undefined, positions, [
        problem({ line: 1, col: 1 }, message, MESSAGES.aliasBombHint),
      ]);
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failed(file, undefined, positions, [problem(positions.at([]), MESSAGES.notMapping)]);
  }
  const record = data as Record<string, unknown>;
  if (typeof record.format === 'number' && record.format > FORMAT_VERSION) {
    const err = problem(
      positions.at(['format']),
      MESSAGES.newerFormat(record.format),
      MESSAGES.newerFormatHint,
    );
    return failed(file, kindOf(record), positions, [err]);
  }
  const kind = kindOf(record);
  if (!kind)
    return failed(file, undefined, positions, [
      problem(positions.at([]), MESSAGES.unknownKind, MESSAGES.unknownKindHint),
    ]);

  const guarded = guardsNeeded ? guardProblems(data, positions) : [];
  if (kind === 'scenario' && guarded.length === 0) guarded.push(...callSizeProblems(data, positions));
  // the id the file gives, kept when the file is refused: "unknown scenario" would read as a typo
  const claimed = typeof record.id === 'string' ? record.id : undefined;
  if (guarded.length > 0) return failed(file, kind, positions, guarded, claimed);
  const schema = kind === 'scenario' ? ScenarioSchema : QuizSchema;
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = flattenIssues(result.error.issues, []);
    const errors = withoutTypoEchoes(issues, schema, data).flatMap((i) =>
      issueProblems(i, schema, data, positions),
    );
    return failed(file, kind, positions, errors, claimed);
  }
  const warnings = unsafeTextWarnings(data, positions, text);
  const parsed: ParsedFile = { file, kind, errors: [], warnings, positions };
  const checked = warnings.length > 0 ? escapeUnsafeText(result.data) : result.data;
  if (kind === 'scenario') parsed.scenario = checked as Scenario;
  else parsed.quiz = checked as Quiz;
  return parsed;
}

function failed(
  file: string,
  kind: ContentKind | undefined,
  positions: Positions,
  errors: Problem[],
  claimedId?: string,
): ParsedFile {
  return claimedId === undefined
    ? { file, kind, errors, warnings: [], positions }
    : { file, kind, errors, warnings: [], positions, claimedId };
}

/** The kind from the top-level keys alone, for files whose YAML is broken. */
function kindOfDoc(contents: unknown): ContentKind | undefined {
  const { isMap, isScalar } = yamlLib();
  if (!isMap(contents)) return undefined;
  const keys = Object.fromEntries(
    contents.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), true]),
  );
  return kindOf(keys);
}

function kindOf(data: Record<string, unknown>): ContentKind | undefined {
  if ('steps' in data || 'world' in data) return 'scenario';
  if ('questions' in data) return 'quiz';
  return undefined;
}

function yamlProblem(e: YAMLError, text: string, lc: LineCounter): Problem {
  const pos = lc.linePos(e.pos[0]);
  const source = text.slice(e.pos[0], e.pos[1]);
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return problem(
        pos,
        MESSAGES.duplicateKey(firstKey(text, e.pos[0]) ?? source),
        MESSAGES.duplicateKeyHint,
      );
    case 'MULTIPLE_DOCS':
      return problem(pos, MESSAGES.multipleDocs, MESSAGES.multipleDocsHint);
    case 'TAG_RESOLVE_FAILED':
      return problem(pos, MESSAGES.customTag(source.trim() || 'unknown'), MESSAGES.customTagHint);
    default:
      return problem(pos, `invalid YAML: ${e.message.replace(/\.$/, '')}`);
  }
}

function firstKey(text: string, offset: number): string | undefined {
  const m = /^\s*["']?([^"':\n]+)["']?\s*:/.exec(text.slice(offset, offset + 200));
  return m?.[1]?.trim();
}

type Issue = z.core.$ZodIssue;
type FlatIssue = Issue & {
  fullPath: (string | number)[];
  /** For a union no branch of which takes the value's type: the types its branches take. */
  takes?: string[];
};

/**
 * Unions report each branch's issues: keep the branch that best fits the data. When the value fits no
 * branch's type at all (`Principal: 5`), the issue says what each branch takes instead.
 */
function flattenIssues(issues: readonly Issue[], prefix: (string | number)[]): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const fullPath = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const takes = issue.errors.map(rootTakes);
      const fitting = issue.errors.filter((_, k) => takes[k] === undefined);
      if (fitting.length === 0) {
        out.push({ ...issue, fullPath, errors: [], takes: [...new Set(takes.flat() as string[])] });
        continue;
      }
      const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...flattenIssues(best, fullPath));
      continue;
    }
    out.push({ ...issue, fullPath });
  }
  return out;
}

/**
 * What a union's branch takes (`a mapping`, `` `*` ``), when it refused the value for its type or
 * value alone; undefined when it took the value's type and found something wrong inside.
 */
function rootTakes(branch: readonly Issue[]): string[] | undefined {
  const out: string[] = [];
  for (const i of branch) {
    if (i.path.length > 0) return undefined;
    if (i.code === 'invalid_type') out.push(article(typeName(i.expected)));
    else if (i.code === 'invalid_value') out.push(...i.values.map((v) => `\`${String(v)}\``));
    else if (i.code === 'invalid_union' && i.errors.length > 0) {
      for (const b of i.errors) {
        const t = rootTakes(b);
        if (!t) return undefined;
        out.push(...t);
      }
    } else return undefined;
  }
  return out;
}

/** `trsut:` also makes `trust` missing: report only the typo, whose hint names the missing field. */
function withoutTypoEchoes(issues: FlatIssue[], schema: z.core.$ZodType, data: unknown): FlatIssue[] {
  const typos = issues.filter((i) => i.code === 'unrecognized_keys');
  if (typos.length === 0) return issues;
  const suggested = new Set<string>();
  for (const t of typos) {
    const known = knownKeys(schema, data, t.fullPath);
    for (const key of (t as { keys: string[] }).keys) {
      const c = closest(key, known);
      if (c) suggested.add(JSON.stringify([...t.fullPath, c]));
    }
  }
  return issues.filter(
    (i) =>
      !(
        i.code === 'invalid_type' &&
        valueAt(data, i.fullPath) === undefined &&
        suggested.has(JSON.stringify(i.fullPath))
      ),
  );
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const TYPE_NAMES: Record<string, string> = {
  array: 'list',
  object: 'mapping',
  record: 'mapping',
  int: 'whole number',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // infinity and not-a-number as YAML writes them (`.inf`, `.nan`): "not a number (`NaN`)" reads as nonsense
  if (typeof value === 'number' && !Number.isFinite(value))
    return `\`${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'}\``;
  return `${article(typeof value)} (\`${String(value)}\`)`;
}

/** js-yaml keeps a numeral beyond the largest number a file can hold (`1e400`) as text. */
const tooLargeNumeral = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value) &&
  !Number.isFinite(Number(value));

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const s of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

function label(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const prev = path[path.length - 2];
    return prev === undefined ? `item ${last + 1}` : `${String(prev)}[${last}]`;
  }
  return last === undefined ? 'the file' : last;
}

function issueProblems(
  issue: FlatIssue,
  schema: z.core.$ZodType,
  data: unknown,
  positions: Positions,
): Problem[] {
  const path = issue.fullPath;
  const value = valueAt(data, path);
  const parentPath = path.slice(0, -1);
  const name = label(path);
  // a field left out of a mapping: where it belongs, not "not `undefined`"
  const parent = valueAt(data, parentPath);
  const missing =
    value === undefined && parent !== null && typeof parent === 'object' && !Array.isArray(parent);
  const missingField = (also = '') =>
    problem(positions.at(parentPath), `missing required field \`${name}\`${also}`);
  switch (issue.code) {
    case 'unrecognized_keys': {
      let known: string[] | undefined;
      return issue.keys.map((key) => {
        known ??= knownKeys(schema, data, path);
        return problem(
          positions.at([...path, key], { key: true }),
          `unknown field \`${key}\``,
          didYouMean(key, known),
        );
      });
    }
    case 'invalid_type': {
      if (missing) return [missingField()];
      const expected = `\`${name}\` must be ${article(typeName(issue.expected))}`;
      let message = `${expected}, not ${describe(value)}`;
      if (issue.expected === 'int' && typeof value === 'number') message = `${expected}, not \`${value}\``;
      if (issue.expected === 'number' && tooLargeNumeral(value))
        message = `\`${name}\` is \`${value}\`, a number too large to hold`;
      return [problem(positions.at(path), message)];
    }
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] }).options;
      if (disc) {
        if (value === undefined)
          return [problem(positions.at(parentPath), `missing required field \`${name}\``)];
        const options = disc.map(String);
        return [
          problem(
            positions.at(path),
            `\`${name}\` must be one of ${options.map((o) => `\`${o}\``).join(', ')}, not \`${String(value)}\``,
            didYouMean(String(value), options),
          ),
        ];
      }
      if (missing) return [missingField()];
      const takes = (issue as FlatIssue).takes ?? [];
      if (takes.length > 0) {
        const either = takes.length > 1 ? `${takes.slice(0, -1).join(', ')} or ${takes.at(-1)}` : takes[0];
        return [problem(positions.at(path), `\`${name}\` must be ${either}, not ${describe(value)}`)];
      }
      return [
        problem(positions.at(path), `\`${name}\` has the wrong type: ${describe(value)} is not allowed here`),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const allowed = `${options.length === 1 ? '' : 'one of '}${options.map((o) => `\`${o}\``).join(', ')}`;
      if (missing) return [missingField(` (${allowed})`)];
      return [
        problem(
          positions.at(path),
          `\`${name}\` must be ${allowed}, not \`${String(value)}\``,
          didYouMean(String(value), options),
        ),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const side = issue.code === 'too_small' ? 'at least' : 'at most';
      const what =
        issue.origin === 'array'
          ? `needs ${side} ${bound} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? `must be ${side} ${bound} character${bound === 1 ? '' : 's'} long`
            : `must be ${side} ${bound}, not ${String(value)}`;
      return [problem(positions.at(path), `\`${name}\` ${what}`)];
    }
    case 'invalid_format': {
      const msg = issue.message.startsWith('Invalid') ? `is not a valid ${issue.format}` : issue.message;
      return [problem(positions.at(path), `\`${name}\` \`${String(value)}\` ${msg}`)];
    }
    default:
      return [problem(positions.at(path), `${path.length > 0 ? `\`${name}\`: ` : ''}${issue.message}`)];
  }
}

/** Re-exported for callers that map their own paths (cross-references, engine problems). */
export type { ContentPath };

/**
 * js-yaml with YAML 1.2's core schema (as `yaml` uses): duplicate keys and unknown tags throw.
 * Positions are recorded during that one parse (node-positions.ts); a file with an anchor, alias or
 * tag takes the slow path, which bounds alias expansion, and a path through a form the record cannot
 * pair with the data is looked up with `yaml` when a problem is reported there.
 */
function fastLoad(
  text: string,
):
  | { ok: true; data: unknown; positions: Positions; sawGuardedText: boolean }
  | { ok: false; tooDeep?: Position } {
  try {
    const recorder = recordPositions(text, MAX_TEXT);
    // maxDepth: an option of js-yaml 4.3 that its types predate
    const options: LoadOptions & { maxDepth: number } = {
      schema: CORE_SCHEMA,
      listener: recorder.listener,
      maxDepth: MAX_DEPTH,
    };
    const data: unknown = load(text, options);
    let slow: Positions | undefined;
    const positions = recorder.positions(data, () => (slow ??= yamlPositions(text)));
    return positions
      ? { ok: true, data, positions, sawGuardedText: recorder.sawGuardedText() }
      : { ok: false };
  } catch (e) {
    // js-yaml stops at MAX_DEPTH levels of nesting: no content file comes near it
    if (e instanceof YAMLException && e.message.startsWith('nesting exceeded maxDepth'))
      return { ok: false, tooDeep: { line: e.mark.line + 1, col: e.mark.column + 1 } };
    return { ok: false };
  }
}

/** `yaml`'s positions for a file js-yaml read (a second parse, only for the rare form that needs it). */
function yamlPositions(text: string): Positions {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  return positionsOf(parseDocument(text, { lineCounter, uniqueKeys: true }), lineCounter);
}
