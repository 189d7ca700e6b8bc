/** Errors that map to exit codes (PRODUCT.md): 1 a check failed, 2 usage, 130 interrupted. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The one form of "needs an interactive terminal" (no TTY, or `--no-input`): what cannot run, why,
 * and what to run instead, on one line; exit 2.
 */
export function needsTerminal(command: string, instead: string, why?: string): UsageError {
  return new UsageError(
    `\`${command}\` needs an interactive terminal${why ? ` (${why})` : ''}; instead, ${instead}`,
  );
}

/** The machine cannot do what was asked (data folder unusable, …): one line, exit 1. */
export class SetupError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

/** A check failed (validation errors, an expectation not met, a content file with errors). */
export class CheckFailed extends Error {
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CheckFailed';
  }
}

/** The user pressed Ctrl-C. */
export class Interrupted extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** The process was asked to stop (SIGTERM) while waiting for input. */
export class Terminated extends Error {
  readonly exitCode = 143;
  constructor() {
    super('terminated');
    this.name = 'Terminated';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;
