/**
 * `sts-trainer lab SCENARIO`: serve the scenario's STS, write the isolated AWS
 * config, show each call and check off tasks until `q`, Ctrl-C (exit 130) or,
 * without a terminal, SIGINT (130) / SIGTERM (143, PRODUCT.md's "terminated"); SIGHUP, the terminal
 * closed, 129.
 */
import { join } from 'node:path';
import type { Scenario } from '../content/schema.js';
import { renderTrace } from '../learn/trace.js';
import { humanDuration } from '../ui/duration.js';
import type { CallResult } from '../engine/types.js';
import type { ProgressStore } from '../store/progress-store.js';
import { readKeys } from '../ui/keys.js';
import { visibleLength } from '../ui/text.js';
import type { Theme } from '../ui/theme.js';
import { awsConfig, configText, envLines } from './aws-config.js';
import { UsageError } from '../errors.js';
import { control } from './control-client.js';
import { isRunning, labPaths, readState, removeState, writeAtomic, type LabState } from './files.js';
import { Lab } from './lab.js';
import {
  completionLines,
  eventLine,
  fittedTaskLines,
  hanging,
  indented,
  nextTaskLines,
  selfCommand,
  taskLines,
  TEXT,
  type CliCommand,
} from './render.js';
import { serve } from './server.js';
import type { LabTask } from './tasks.js';

export interface LabIO {
  theme: Theme;
  store: ProgressStore;
  write(text: string): void;
  /** Keys from the terminal, or undefined without one (`--no-input`, no TTY). */
  input: NodeJS.ReadStream | undefined;
  /** The terminal's height: a banner taller than it shortens the task list (t shows it whole). */
  rows?: number;
  /** SIGHUP: the terminal may be gone, so output that cannot be written no longer ends the program. */
  hangUp?: () => void;
}

export interface LabOptions {
  host: string;
  port: number;
  dataDir: string;
  /** The data dir is not the default one: the commands printed for another terminal pass `--data-dir`. */
  customDataDir?: boolean;
}

/** A token file's name for a step or what-if id: `.jwt` for an OIDC token, `.saml` for a base64 SAML response. */
export const tokenFileName = (id: string, kind: 'web-identity' | 'saml' = 'web-identity') =>
  `${id.replace(/\//g, '-')}.${kind === 'saml' ? 'saml' : 'jwt'}`;

/**
 * Under load, calls arrive in bursts: what one turn of the event loop writes
 * goes out as one write (the terminal or pipe gets one write, not one per call).
 */
export function batchedWriter(write: (text: string) => void): { write(text: string): void; flush(): void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  return {
    write(text) {
      pending += text;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/** Its process is alive and its control API answers as that lab (a reused pid, a stale file: no). */
async function answers(state: LabState): Promise<boolean> {
  if (!isRunning(state)) return false;
  try {
    return (await control(state, 'GET', '/__lab/status')).status === 200;
  } catch {
    return false;
  }
}

export async function runLab(scenario: Scenario, options: LabOptions, io: LabIO): Promise<number> {
  const paths = labPaths(options.dataDir);
  // One lab per data dir: a second would take over its lab.json, config and credentials, and
  // `lab env` in the first lab's terminal would then point at the second.
  const running = await readState(paths);
  if (running && (await answers(running)))
    throw new UsageError(TEXT.alreadyRunning(running, options.dataDir));
  const { theme: t } = io;
  const self = selfCommand(options.customDataDir ? options.dataDir : undefined);
  const out = batchedWriter((text) => io.write(text));
  // Only the interactive screen shows the AWS CLI command of the next task (it loads the YAML writer).
  const cliCommand: CliCommand = io.input ? (await import('../learn/request.js')).cliCommand : () => '';
  const lab = new Lab({ scenario });
  // The ID-token key is made on another thread while the server starts and the files are written.
  const idpReady = lab.prepareTokens();
  idpReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const cfg = awsConfig(scenario, lab.engine.longTermKeys(), (step) =>
    join(paths.tokens, tokenFileName(step)),
  );
  const earlier = new Set((await io.store.read()).scenarios[scenario.id]?.labTasks ?? []);
  const done = () => new Set([...earlier, ...lab.done]);
  let last: CallResult | undefined;
  let saving = Promise.resolve();
  const save = () => {
    const ids = [...done()];
    saving = saving.then(() => io.store.saveScenario(scenario.id, { labTasks: ids })).catch(() => undefined);
  };
  // On the lab's own screen a long line wraps between words under its text; without a terminal
  // (`--no-input`: scripts, CI) every call stays one line.
  const fit = (line: string, hang: number) => (io.input ? hanging(line, t.width, hang) : line);
  const report = (all: LabTask[]) => {
    // Tasks done in an earlier lab session are already ticked: announce only new ones.
    const completed = all.filter((task) => !earlier.has(task.id));
    if (!completed.length) return;
    const now = done();
    for (const line of completionLines(completed, lab.tasks, now, t)) out.write(`${fit(line, 4)}\n`);
    if (io.input)
      out.write(`${nextTaskLines(lab.tasks, now, cfg.stepProfiles, t, cliCommand, self).join('\n')}\n`);
    save();
  };

  const server = await serve(lab, {
    host: options.host,
    port: options.port,
    onEvent(event) {
      if (event.result) last = event.result;
      out.write(`${fit(eventLine(event, t), 9)}\n`);
      report(event.completed);
    },
    onAdvance(seconds, completed) {
      out.write(`${t.dim(TEXT.advanced(humanDuration(seconds), new Date(lab.now()).toISOString()))}\n`);
      report(completed);
    },
  });

  // The isolated AWS config, env.sh, the federation tokens, then lab.json (how other terminals find this lab).
  await writeAtomic(paths.credentials, cfg.credentials, 0o600);
  await writeAtomic(paths.config, configText(cfg.profiles, server.url), 0o600);
  await writeAtomic(paths.env, envLines(paths, server.url, cfg, false));
  await writeAtomic(paths.envAll, envLines(paths, server.url, cfg, true));
  await idpReady;
  for (const id of lab.tokenSteps()) {
    const token = lab.token(id);
    if (token) await writeAtomic(join(paths.tokens, tokenFileName(id, token.kind)), token.text, 0o600);
  }
  const state = {
    pid: process.pid,
    url: server.url,
    scenario: scenario.id,
    control: server.control,
    tokenSteps: lab.tokenSteps(),
  };
  await writeAtomic(paths.state, `${JSON.stringify(state, null, 2)}\n`, 0o600);

  out.write(banner(lab, server.url, { stepProfiles: cfg.stepProfiles, self }, done(), t, io, cliCommand));

  let stop: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  const onInt = () => stop(130);
  const onTerm = () => stop(143);
  // The terminal was closed: stop as on SIGTERM (state file removed, port freed, progress saved), the
  // stop line printed if the terminal is still there; 129 = 128 + SIGHUP's number, as a shell reports it.
  const onHup = () => {
    io.hangUp?.();
    stop(129);
  };
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  const stopKeys = io.input
    ? readKeys(io.input, (key) => {
        if (key === 'q' || key === 'ctrl-d') stop(0);
        else if (key === 'ctrl-c') stop(130);
        else if (key === 'd') out.write(`${last ? renderTrace(last, t) : t.dim(TEXT.noCallYet)}\n`);
        else if (key === 't') {
          const all = done();
          out.write(
            `${[t.bold(TEXT.tasks), ...taskLines(lab.tasks, all, t, t.width), ...nextTaskLines(lab.tasks, all, cfg.stepProfiles, t, cliCommand, self)].join('\n')}\n`,
          );
        } else if (key === 'a') {
          const completed = lab.advance(3600);
          out.write(`${t.dim(TEXT.advanced(humanDuration(3600), new Date(lab.now()).toISOString()))}\n`);
          report(completed);
        }
      })
    : undefined;
  const code = await stopped;
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  process.off('SIGHUP', onHup);
  stopKeys?.();
  await server.close();
  await removeState(paths, server.control);
  save();
  await saving;
  const all = done();
  const possible = lab.tasks.filter((x) => x.possible);
  out.write(`${TEXT.stopped(possible.filter((x) => all.has(x.id)).length, possible.length)}\n`);
  out.flush();
  return code;
}

function banner(
  lab: Lab,
  url: string,
  { stepProfiles, self }: { stepProfiles: ReadonlyMap<string, string>; self: string },
  done: ReadonlySet<string>,
  t: Theme,
  io: Pick<LabIO, 'input' | 'rows'>,
  cliCommand: CliCommand,
): string {
  const interactive = Boolean(io.input);
  // On a terminal, lines wrap between words under their own start, and a command to paste is never
  // split: it gets a line of its own. Without one (a log, CI), each stays one line.
  const width = interactive ? t.width : undefined;
  const evalLine = `  ${TEXT.otherTerminal} ${t.code(TEXT.evalEnv(self))}   ${t.dim(TEXT.allServices)}`;
  const lines = [
    t.bold(indented(0, TEXT.listening(url, lab.scenario.id), width, 2)),
    ...(width === undefined || visibleLength(evalLine) <= width
      ? [evalLine]
      : [`  ${TEXT.otherTerminal}   ${t.dim(TEXT.allServices)}`, `    ${t.code(TEXT.evalEnv(self))}`]),
  ];
  for (const m of lab.mfaCodes()) lines.push(indented(2, TEXT.mfa(m.user, m.serial, m.code), width, 2));
  const tokenSteps = lab.tokenSteps();
  if (tokenSteps.length) {
    const command = TEXT.tokens(tokenSteps, self);
    const which = TEXT.tokenSteps(tokenSteps);
    const whole = which ? `  ${command}  ${which}` : `  ${command}`;
    if (width === undefined || !which || visibleLength(whole) <= width) lines.push(whole);
    else lines.push(`  ${command}`, indented(4, which, width, 1));
  }
  if (!interactive) {
    lines.push(t.bold(TEXT.tasks), ...taskLines(lab.tasks, done, t), t.dim(TEXT.noInputKeys));
    return `${lines.join('\n')}\n`;
  }
  const after = [...nextTaskLines(lab.tasks, done, stepProfiles, t, cliCommand, self), t.dim(TEXT.keys)];
  // the next lines on screen: the header, the tasks, what comes after them, and the cursor's line
  // (a line wider than the terminal takes as many rows as it folds into)
  const height = (all: string[]) =>
    all
      .flatMap((entry) => entry.split('\n'))
      .reduce((n, l) => n + Math.max(1, Math.ceil(visibleLength(l) / t.width)), 0);
  const room = io.rows ? io.rows - height(lines) - height(after) - 2 : Infinity;
  lines.push(
    t.bold(TEXT.tasks),
    ...fittedTaskLines(lab.tasks, done, t, Math.max(3, room), t.width),
    ...after,
  );
  return `${lines.join('\n')}\n`;
}
