import { resolve } from 'node:path';
import type { Output } from '../ui/output.js';
import { sanitizingOutput } from '../ui/sanitize.js';

export type { Output };

/** What every command receives besides its own options: where to write, what the terminal can do. */
export interface CliContext {
  /** Everything written here is sanitized (ui/sanitize.ts): content text may be written as is. */
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Both stdin and stdout are terminals and `--no-input` was not given: prompts may be shown. */
  interactive: boolean;
  /** stdout is a terminal (spinners and tables may be drawn unless `plain`). */
  stdoutIsTTY: boolean;
  /** Colour allowed (`--no-color`, NO_COLOR and non-TTY output turn it off). */
  color: boolean;
  /** `--plain`, or output is not a terminal: no spinners, no box drawing, no colour. */
  plain: boolean;
  /** Content folders from `--content` and STS_TRAINER_CONTENT, in order. */
  contentDirs: string[];
  /** `--data-dir` or STS_TRAINER_HOME, when given. */
  dataDir: string | undefined;
  /** Terminal width for layout (read live; 80 when unknown). */
  readonly columns: number;
  /**
   * The terminal's columns now: COLUMNS when set, else the terminal's width (followed on resize),
   * else undefined (not a terminal). Give it to `createTheme` as `columns`.
   */
  termColumns: () => number | undefined;
  /** The terminal's size now, for pagers: its columns (else `columns`) and rows (else 24). */
  size: () => { columns: number; rows: number };
}

/** Global options as commander parses them. */
export interface GlobalOptions {
  content?: string[];
  dataDir?: string;
  color?: boolean;
  plain?: boolean;
  input?: boolean;
}

/**
 * The columns output to `stream` has now: COLUMNS when set to a whole number, else the terminal's
 * width (followed on resize), else undefined (not a terminal).
 */
export function terminalColumns(
  env: Record<string, string | undefined>,
  stream: { isTTY?: boolean; columns?: number },
): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY ? stream.columns || undefined : undefined;
}

export function makeContext(
  opts: GlobalOptions,
  env: Record<string, string | undefined> = process.env,
): CliContext {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const interactive = stdoutIsTTY && Boolean(process.stdin.isTTY) && opts.input !== false;
  // TERM=dumb cannot draw boxes, colours or spinners: the same as --plain.
  const plain = Boolean(opts.plain) || !stdoutIsTTY || env.TERM === 'dumb';
  const noColor = opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const color = !noColor && !plain;
  // Inquirer colours its prompts with node:util styleText, which follows NO_COLOR and FORCE_COLOR
  // when it is called: this is how --no-color and --plain reach the prompts too.
  if (!color && env === process.env) {
    process.env.NO_COLOR = '1';
    delete process.env.FORCE_COLOR;
  }
  const termColumns = () => terminalColumns(env, process.stdout);
  const dataDir = opts.dataDir ?? (env.STS_TRAINER_HOME || undefined);
  const envDirs = (env.STS_TRAINER_CONTENT ?? '')
    .split(process.platform === 'win32' ? ';' : ':')
    .filter((d) => d.length > 0);
  return {
    stdout: sanitizingOutput(process.stdout, color),
    stderr: sanitizingOutput(process.stderr, color),
    env,
    cwd: process.cwd(),
    interactive,
    stdoutIsTTY,
    color,
    plain,
    contentDirs: [...(opts.content ?? []), ...envDirs],
    // resolved once, against the folder the command was started in (`progress` shows it)
    dataDir: dataDir ? resolve(process.cwd(), dataDir) : undefined,
    get columns() {
      return termColumns() ?? 80;
    },
    termColumns,
    size: () => ({
      columns: process.stdout.columns || (termColumns() ?? 80),
      rows: process.stdout.rows || 24,
    }),
  };
}
