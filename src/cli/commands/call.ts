import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CheckFailed, UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { crossCheck } from '../../content/cross-check.js';
import { loadLibrary, unknownScenario } from '../../content/library.js';
import { problemLine } from '../../content/parse.js';
import { readContent } from '../../content/read.js';
import { durationSeconds, runScenario } from '../../content/run.js';
import { API_NAMES, CallSchema, type Call, type Scenario } from '../../content/schema.js';
import { didYouMean } from '../../content/suggest.js';
import { API_PARAMETERS, createEngine } from '../../engine/index.js';
import type { ApiName } from '../../engine/world.js';
import { unknownPrincipal, worldPrincipals } from '../../content/principals.js';
import { checkText } from '../../learn/check-text.js';
import { renderOutcome, renderRequest } from '../../learn/screens.js';
import { createTheme } from '../../ui/theme.js';

export interface CallOptions {
  scenario: string;
  as?: string;
  listPrincipals?: boolean;
  param?: string[];
  context?: string[];
  after?: string;
  action?: string;
  resource?: string;
  json?: boolean;
}

/** `K=V` with V parsed as YAML (`7200` → number, `[a, b]` → list, `{iss: …}` → mapping). */
/** A value that refers to itself (`&a [*a]`): it has no JSON, which is how a value is shown and sent on. */
function holdsItself(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return false;
  } catch {
    return true;
  }
}

export function parseAssignment(flag: string, text: string): [string, unknown] {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  if (!key)
    throw new UsageError(`bad --${flag} \`${text}\`: expected K=V`, `e.g. --${flag} DurationSeconds=3600`);
  const raw = text.slice(eq + 1);
  try {
    const value: unknown = raw.trim() === '' ? '' : parseYaml(raw);
    if (holdsItself(value))
      throw new UsageError(
        `bad --${flag} \`${text}\`: the value holds itself (an alias inside its own anchor)`,
      );
    return [key, value === null ? raw : value];
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UsageError(`bad --${flag} \`${text}\`: the value is not valid YAML: ${why}`);
  }
}

async function loadScenario(ref: string, ctx: CliContext): Promise<Scenario> {
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const known = library.scenarioById.get(ref);
  if (known) return known.scenario;
  const file = resolve(ctx.cwd, ref);
  if (/\.ya?ml$/i.test(ref) || existsSync(file)) {
    if (!existsSync(file)) throw new UsageError(`cannot read \`${ref}\`: no such file`);
    const { parsed, text } = readContent(file, ctx.cwd);
    crossCheck([parsed]);
    const first = parsed.errors[0];
    // A file that could not be read (a FIFO, /dev/zero, over 1 MiB) is a bad path: exit 2, as in
    // validate. One read with errors is invalid content: exit 1 (PRODUCT.md). The problem and its
    // hint a line each.
    if (first) {
      const message = problemLine(parsed.file, first);
      const hint = first.hint ?? `run \`sts-trainer validate ${ref}\` for every problem in the file`;
      throw text === undefined ? new UsageError(message, hint) : new CheckFailed(message, hint);
    }
    if (!parsed.scenario) throw new UsageError(`\`${ref}\` is not a scenario file`);
    return parsed.scenario;
  }
  throw unknownScenario(
    library,
    ref,
    didYouMean(ref, library.scenarioById.keys()) ??
      'give a scenario id (`sts-trainer list scenarios`) or a file',
  );
}

const hint = (guess: string | undefined, list: string) => (guess ? `${guess} ${list}` : list);

/** Builds and checks the call from the command line. */
export function buildCall(api: string, options: CallOptions): Call {
  if (!(API_NAMES as readonly string[]).includes(api)) {
    throw new UsageError(
      `unknown API \`${api}\``,
      didYouMean(api, API_NAMES) ?? `one of: ${API_NAMES.join(', ')}`,
    );
  }
  const params = Object.fromEntries((options.param ?? []).map((p) => parseAssignment('param', p)));
  const known = API_PARAMETERS[api as ApiName];
  for (const name of Object.keys(params)) {
    if (known.includes(name)) continue;
    const list = known.length > 0 ? `its parameters: ${known.join(', ')}` : `${api} takes no parameters`;
    throw new UsageError(`${api} has no parameter \`${name}\``, hint(didYouMean(name, known), list));
  }
  const context = Object.fromEntries((options.context ?? []).map((p) => parseAssignment('context', p)));
  const call = {
    api,
    as: options.as ?? '',
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(Object.keys(context).length > 0 ? { context } : {}),
    ...(options.action !== undefined ? { action: options.action } : {}),
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
  };
  const checked = CallSchema.safeParse(call);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.length ? `\`${issue.path.join('.')}\`: ` : '';
    throw new UsageError(`bad call: ${where}${issue?.message ?? 'invalid'}`);
  }
  return checked.data;
}

/** `sts-trainer call <Api> --scenario ID|FILE --as WHO [...]`: one call against a scenario's world. */
export async function run(args: string[], options: CallOptions, ctx: CliContext): Promise<number> {
  if (options.listPrincipals) {
    const principals = worldPrincipals(await loadScenario(options.scenario, ctx));
    ctx.stdout.write(
      options.json ? JSON.stringify(principals, null, 2) + '\n' : principals.join('\n') + '\n',
    );
    return 0;
  }
  if (args[0] === undefined) {
    throw new UsageError(
      'missing the API to call',
      `e.g. \`sts-trainer call AssumeRole …\`; APIs: ${API_NAMES.join(', ')}`,
    );
  }
  if (options.as === undefined) {
    throw new UsageError(
      'missing `--as <who>`: who makes the call',
      '`--list-principals` lists the callers of the world',
    );
  }
  const call = buildCall(args[0], options);
  let after: number | undefined;
  if (options.after !== undefined) {
    try {
      after = durationSeconds(/^\d+$/.test(options.after) ? Number(options.after) : options.after);
    } catch {
      throw new UsageError(`bad --after \`${options.after}\`: expected seconds or a duration like \`2h\``);
    }
  }
  const scenario = await loadScenario(options.scenario, ctx);
  const ref = call.as.startsWith('$') ? call.as.slice(1) : undefined;
  const principals = worldPrincipals(scenario);
  const unknown = unknownPrincipal(scenario, call.as, principals);
  if (unknown) {
    const list = `callers in this world: ${principals.join(', ')}`;
    throw new UsageError(unknown, hint(didYouMean(call.as, principals), list));
  }
  const engine = ref ? runScenario(scenario, { upTo: ref }).engine : createEngine(scenario.world);
  if (after !== undefined) engine.advance(after);
  let result;
  try {
    result = engine.call(call);
  } catch (e) {
    throw new UsageError(`cannot make this call: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (options.json) {
    // Each check as the engine made it (id, ok, values) plus its words, for scripts that show them.
    const trace = result.trace.map((c) => ({ ...c, ...checkText(c) }));
    ctx.stdout.write(JSON.stringify({ result: { ...result, trace } }, null, 2) + '\n');
    return 0;
  }
  const theme = createTheme({ color: ctx.color, plain: ctx.plain, columns: ctx.termColumns });
  ctx.stdout.write(`${renderRequest(call, theme)}\n\n${renderOutcome(result, theme, {}, call)}\n`);
  return 0;
}
