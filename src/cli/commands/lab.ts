import type { CliContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { loadLibrary } from '../../content/library.js';
import { findScenario, renderScenarioList, scenarioChoices } from '../../learn/pick.js';
import { labAdvance, labEnv, labToken, type HelperIO } from '../../lab/commands.js';
import { runLab } from '../../lab/run.js';
import { isLoopback } from '../../lab/server.js';
import { openProgress, resolveDataDir } from '../../store/progress-store.js';
import { outputMayBeGone } from '../output-errors.js';
import { createTheme } from '../../ui/theme.js';

interface LabCommandOptions {
  port?: number;
  host?: string;
  all?: boolean;
  out?: string;
}

/**
 * `sts-trainer lab [scenario]`: the scenario's STS on 127.0.0.1 for the real AWS CLI and SDKs;
 * `lab env [--all]`, `lab token STEP [--out FILE]` and `lab advance DURATION` talk to a running lab.
 */
export async function run(args: string[], options: LabCommandOptions, ctx: CliContext): Promise<number> {
  const dataDir = resolveDataDir(ctx);
  // where sts-trainer looks without --data-dir or STS_TRAINER_HOME (another terminal's default)
  const defaultDir = resolveDataDir({ dataDir: undefined, env: { ...ctx.env, STS_TRAINER_HOME: undefined } });
  const helper: HelperIO = {
    dataDir,
    cwd: ctx.cwd,
    out: (text) => ctx.stdout.write(text),
    err: (text) => ctx.stderr.write(text),
  };
  const [first, second] = args;
  if (first === 'env') return labEnv(helper, Boolean(options.all));
  if (first === 'token') return labToken(helper, second, options.out);
  if (first === 'advance') return labAdvance(helper, second);

  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new UsageError(
      `the lab only listens on a loopback address, not \`${host}\``,
      'its simulated keys and decisions are for this machine only: anyone who can reach the port could use them; use 127.0.0.1 (the default) or ::1',
    );
  }
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.columns });
  const store = openProgress(dataDir, (m) => ctx.stderr.write(`warning: ${m}\n`));
  let scenario = first === undefined ? undefined : findScenario(library, first);
  if (!scenario) {
    if (!ctx.interactive) {
      ctx.stderr.write(renderScenarioList(library, (await store.read()).scenarios, theme, 'lab'));
      throw new UsageError(
        '`lab` needs a scenario id without a terminal',
        'sts-trainer lab <scenario> --no-input',
      );
    }
    const { createPrompter } = await import('../../ui/inquirer-prompter.js');
    const picked = await createPrompter().choice(
      'Which scenario? (type to search)',
      scenarioChoices(library, (await store.read()).scenarios, theme),
      { search: true },
    );
    scenario = findScenario(library, picked);
  }
  try {
    return await runLab(
      scenario,
      { host, port: options.port ?? 0, dataDir, customDataDir: dataDir !== defaultDir },
      {
        theme,
        store,
        write: (text) => ctx.stdout.write(text),
        input: ctx.interactive ? process.stdin : undefined,
        hangUp: outputMayBeGone,
        ...(ctx.interactive && process.stdout.rows ? { rows: process.stdout.rows } : {}),
      },
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new UsageError(
        `cannot listen on ${host}:${options.port ?? 0} (${code})`,
        'leave out --port to use a free port',
      );
    }
    throw e;
  }
}
