/** `sts-trainer next`: continue where you left, the reviews due, a suggested next scenario. */
import { loadLibrary } from '../../content/library.js';
import { nextPlan } from '../../learn/next.js';
import { nextLines } from '../../learn/next-render.js';
import { openProgress, resolveDataDir } from '../../store/progress-store.js';
import type { CliContext } from '../context.js';

export interface NextOptions {
  json?: boolean;
}

export async function run(_args: string[], options: NextOptions, ctx: CliContext): Promise<number> {
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const store = openProgress(resolveDataDir(ctx), (m) => ctx.stderr.write(`warning: ${m}\n`));
  const plan = nextPlan(library, await store.read(), new Date());
  if (options.json) ctx.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else ctx.stdout.write(`${nextLines(plan).join('\n')}\n`);
  return 0;
}
