/**
 * The one test for "an Inquirer prompt was closed without an answer", by Inquirer's own error
 * types (@inquirer/core): Ctrl-C or the process exiting (ExitPromptError), the prompt's
 * AbortSignal (AbortPromptError: a timer, SIGTERM, `q`), or `cancel()` (CancelPromptError).
 * Imported lazily where start-up time matters (cli/main.ts), since it loads @inquirer/core.
 */
import { AbortPromptError, CancelPromptError, ExitPromptError } from '@inquirer/core';

export type PromptExit = 'exit' | 'abort' | 'cancel';

/** How a prompt was closed without an answer, or undefined when `e` is some other error. */
export function promptExitOf(e: unknown): PromptExit | undefined {
  if (e instanceof ExitPromptError) return 'exit';
  if (e instanceof AbortPromptError) return 'abort';
  if (e instanceof CancelPromptError) return 'cancel';
  return undefined;
}

export function isPromptExit(e: unknown): boolean {
  return promptExitOf(e) !== undefined;
}
