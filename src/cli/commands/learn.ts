import type { CliContext } from '../context.js';
import { loadLibrary } from '../../content/library.js';
import { renderHandout } from '../../learn/handout.js';
import { runWalkthrough, TEXT } from '../../learn/interactive.js';
import { findScenario, renderScenarioList, scenarioChoices } from '../../learn/pick.js';
import { openProgress, resolveDataDir } from '../../store/progress-store.js';
import type { ScenarioProgress } from '../../store/types.js';
import { createPrompter } from '../../ui/prompts.js';
import { withSpinner } from '../../ui/spinner.js';
import { createTheme } from '../../ui/theme.js';

/** `sts-trainer learn [scenario]`: the guided walkthrough, or the printed handout without a TTY. */
export async function run(
  args: string[],
  _options: Record<string, unknown>,
  ctx: CliContext,
): Promise<number> {
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const id = args[0];
  const scenario = id === undefined ? undefined : findScenario(library, id);
  const store = openProgress(resolveDataDir(ctx), (m) => ctx.stderr.write(`warning: ${m}\n`));

  if (!ctx.interactive) {
    if (scenario) ctx.stdout.write(renderHandout(scenario, theme));
    else ctx.stdout.write(renderScenarioList(library, await scenarioProgress(store), theme));
    return 0;
  }

  const prompter = createPrompter();
  const progress = await scenarioProgress(store);
  const chosen =
    scenario ??
    findScenario(
      library,
      await prompter.choice('Which scenario? (type to search)', scenarioChoices(library, progress, theme), {
        search: true,
      }),
    );
  const position = progress[chosen.id]?.position ?? 0;
  let resumeAt = 0;
  if (position > 0 && position < chosen.steps.length) {
    const step = chosen.steps[position]!;
    const resume = await prompter.confirm(
      `You stopped before step ${position + 1} (${step.title ?? step.id}). Resume there?`,
      true,
    );
    resumeAt = resume ? position : 0;
  }
  await runWalkthrough(
    chosen,
    {
      prompter,
      theme,
      store,
      write: (text) => ctx.stdout.write(text),
      evaluate: (work) => withSpinner(ctx.stdoutIsTTY && !ctx.plain, TEXT.evaluating, work),
    },
    resumeAt,
  );
  return 0;
}

async function scenarioProgress(store: {
  read(): Promise<{ scenarios: Record<string, ScenarioProgress> }>;
}): Promise<Record<string, ScenarioProgress>> {
  return (await store.read()).scenarios;
}
