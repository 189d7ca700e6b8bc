import type { CliContext } from '../context.js';
import type { CommandDeps } from '../deps.js';
import { loadLibrary } from '../../content/library.js';
import { renderHandout } from '../../learn/handout.js';
import { runWalkthrough } from '../../learn/interactive.js';
import { MSG } from '../../learn/messages.js';
import { findScenario, renderScenarioList, scenarioPicker } from '../../learn/pick.js';
import { resumeOffer, startFor } from '../../learn/resume.js';
import { randomSeed } from '../../quiz/prng.js';
import { usableDataDir } from '../../store/data-dir.js';
import { QuitRequested } from '../../ui/prompts.js';
import { createTheme } from '../../ui/theme.js';

export interface LearnOptions {
  /** `--no-predict`: no "will it succeed?" before each call. */
  predict?: boolean;
}

/** `sts-trainer learn [scenario]`: the guided walkthrough, or the printed handout without a TTY. */
export async function run(
  args: string[],
  options: LearnOptions,
  ctx: CliContext,
  deps: CommandDeps,
): Promise<number> {
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: deps.stderr });
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  const id = args[0];
  const scenario = id === undefined ? undefined : findScenario(library, id);
  // the handout and the list (no terminal) only read progress
  const store = await deps.openStore(usableDataDir(ctx, { write: ctx.interactive }));

  if (!ctx.interactive) {
    if (scenario) deps.stdout.write(renderHandout(scenario, theme));
    else deps.stdout.write(renderScenarioList(library, (await store.read()).scenarios, theme));
    return 0;
  }

  const { prompter } = deps;
  const progress = (await store.read()).scenarios;
  let chosen = scenario;
  if (!chosen) {
    const picker = scenarioPicker(library, progress, theme);
    const pick = await prompter.choice('Which scenario? (type to search)', picker.choices, {
      search: true,
      source: picker.source,
    });
    chosen = findScenario(library, pick);
  }
  const sp = progress[chosen.id];
  const offer = resumeOffer(chosen, sp);
  try {
    const start = offer
      ? startFor(
          await prompter.choice(MSG.resumeQuestion(chosen.title), offer.choices, {
            default: offer.default,
            quit: true,
          }),
          sp,
        )
      : { step: 0 };
    await runWalkthrough(
      chosen,
      {
        prompter,
        theme,
        store,
        write: (text) => deps.stdout.write(text),
        now: deps.now,
        seed: randomSeed(),
        predict: options.predict !== false,
        size: ctx.size,
        erasePrompt: !ctx.plain,
      },
      start,
    );
  } catch (e) {
    if (!(e instanceof QuitRequested)) throw e;
    deps.stdout.write(`\n${theme.wrap(theme.dim(MSG.saved(chosen.id)))}\n`);
  }
  return 0;
}
