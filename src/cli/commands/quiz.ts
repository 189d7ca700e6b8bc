import { UsageError } from '../errors.js';
import type { CliContext } from '../context.js';

export async function run(
  _args: string[],
  _options: Record<string, unknown>,
  _ctx: CliContext,
): Promise<number> {
  throw new UsageError('`quiz` is not available in this build yet');
}
