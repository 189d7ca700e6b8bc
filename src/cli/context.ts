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
  /** Terminal width for layout. */
  columns: number;
}

/** Global options as commander parses them. */
export interface GlobalOptions {
  content?: string[];
  dataDir?: string;
  color?: boolean;
  plain?: boolean;
  input?: boolean;
}

export function makeContext(
  opts: GlobalOptions,
  env: Record<string, string | undefined> = process.env,
): CliContext {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const interactive = stdoutIsTTY && Boolean(process.stdin.isTTY) && opts.input !== false;
  const plain = Boolean(opts.plain) || !stdoutIsTTY;
  const noColor = opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const envDirs = (env.STS_TRAINER_CONTENT ?? '')
    .split(process.platform === 'win32' ? ';' : ':')
    .filter((d) => d.length > 0);
  const color = !noColor && !plain;
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
    dataDir: opts.dataDir ?? (env.STS_TRAINER_HOME || undefined),
    columns: process.stdout.columns || 80,
  };
}
