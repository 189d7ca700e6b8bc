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

/** A check failed (validation errors, an expectation not met). */
export class CheckFailed extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
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
