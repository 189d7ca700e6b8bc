import type { CliContext } from '../context.js';
import { loadLibrary } from '../../content/library.js';
import { apisView } from '../../apis/table.js';
import { renderApis } from '../../apis/render.js';
import { createTheme } from '../../ui/theme.js';

/**
 * `sts-trainer apis [--print] [--json]`: the STS APIs side by side, from the
 * engine's own rules, each linked to the scenarios that show it.
 */
export async function run(
  _args: string[],
  options: { print?: boolean; json?: boolean },
  ctx: CliContext,
): Promise<number> {
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const view = apisView(library.scenarios.map((s) => s.scenario));
  if (options.json) {
    ctx.stdout.write(JSON.stringify(view, null, 2) + '\n');
    return 0;
  }
  const plain = ctx.plain || Boolean(options.print);
  const theme = createTheme({ color: ctx.color && !plain, plain, columns: ctx.columns });
  ctx.stdout.write(renderApis(theme, view));
  return 0;
}
