/**
 * The lab's helper commands for a second terminal: `lab env` prints the
 * exports from env.sh, `lab token STEP` writes a step's federation token to a
 * file, `lab advance 2h` moves the running lab's clock. They find the running
 * lab through `<data dir>/lab/lab.json` and talk to its control API.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parseDuration } from '../engine/sts/time.js';
import { UsageError } from '../errors.js';
import { webIdentityExports } from './aws-config.js';
import { control } from './control-client.js';
import { isRunning, labPaths, readState, writeAtomic, type LabState } from './files.js';
import type { LabToken } from './lab.js';
import { tokenFileName } from './run.js';

export interface HelperIO {
  dataDir: string;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/**
 * A helper command that needs a running lab and found none in the data dir it looked at (exit 1).
 * A lab started with `--data-dir` (or STS_TRAINER_HOME) is found only in that folder: the hint says so.
 */
export class NoLab extends Error {
  readonly exitCode = 1;
  readonly hint =
    'start one in another terminal: sts-trainer lab <scenario>; a lab started with --data-dir DIR (or STS_TRAINER_HOME=DIR) is found with the same --data-dir DIR';
  constructor(dataDir: string) {
    super(`no lab is running on ${dataDir}`);
    this.name = 'NoLab';
  }
}

/** The running lab did not answer (it stopped meanwhile, or the port is someone else's). */
export class LabUnreachable extends Error {
  readonly exitCode = 1;
  readonly hint = 'restart the lab: sts-trainer lab <scenario>';
  constructor(url: string, why: string) {
    super(`cannot reach the lab at ${url}: ${why}`);
    this.name = 'LabUnreachable';
  }
}

async function ask(state: LabState, method: 'GET' | 'POST', path: string) {
  try {
    return await control(state, method, path);
  } catch (e) {
    throw new LabUnreachable(state.url, e instanceof Error ? e.message : String(e));
  }
}

async function runningLab(dataDir: string): Promise<LabState> {
  const state = await readState(labPaths(dataDir));
  if (!state || !isRunning(state)) throw new NoLab(dataDir);
  return state;
}

/** `lab env [--all]`: the exports of the running lab's env.sh. */
export async function labEnv(io: HelperIO, all: boolean): Promise<number> {
  const paths = labPaths(io.dataDir);
  await runningLab(io.dataDir);
  io.out(await readFile(all ? paths.envAll : paths.env, 'utf8'));
  return 0;
}

/** `lab token STEP [--out FILE]`: mints the step's token in the running lab and writes it to a file. */
export async function labToken(
  io: HelperIO,
  step: string | undefined,
  out: string | undefined,
): Promise<number> {
  const state = await runningLab(io.dataDir);
  if (!step) {
    throw new UsageError(
      'which step? `lab token STEP`',
      state.tokenSteps.length
        ? `steps with a token: ${state.tokenSteps.join(', ')}`
        : 'this scenario has no federation step',
    );
  }
  const reply = await ask(state, 'GET', `/__lab/token?step=${encodeURIComponent(step)}`);
  if (reply.status !== 200) {
    throw new UsageError(
      `step \`${step}\` has no web identity token or SAML assertion`,
      state.tokenSteps.length
        ? `steps with a token: ${state.tokenSteps.join(', ')}`
        : 'this scenario has no federation step',
    );
  }
  const token = reply.body as unknown as LabToken;
  const file = out
    ? isAbsolute(out)
      ? out
      : resolve(io.cwd, out)
    : join(labPaths(io.dataDir).tokens, tokenFileName(step, token.kind));
  await writeAtomic(file, token.text, 0o600, 'choose another file with --out FILE');
  io.out(`${file}\n`);
  // The step's whole call, the token sent from the file: its DurationSeconds, Policy… too, so the
  // command does what the task asks (the YAML writer it loads is needed only here).
  const { cliCommand, shellQuote } = await import('../learn/request.js');
  const tokenParam = token.kind === 'web-identity' ? 'WebIdentityToken' : 'SAMLAssertion';
  const params: Record<string, unknown> = {
    RoleArn: 'ROLE_ARN',
    ...(token.kind === 'web-identity' ? { RoleSessionName: 'NAME' } : { PrincipalArn: 'PROVIDER_ARN' }),
    ...token.params,
    [tokenParam]: file,
  };
  const api = token.kind === 'web-identity' ? 'AssumeRoleWithWebIdentity' : 'AssumeRoleWithSAML';
  let text = `${cliCommand({ api, as: 'anonymous', params }, Infinity, shellQuote(`file://${file}`))}\n`;
  // The SDKs' environment variables name only the role and the session: offered when that is all the step sends.
  const more = Object.keys(params).filter((k) => !['RoleArn', 'RoleSessionName', tokenParam].includes(k));
  if (token.kind === 'web-identity' && !more.length) {
    text += `or: ${webIdentityExports(file, token.roleArn ?? 'ROLE_ARN', token.sessionName ?? 'lab')}\n`;
  }
  io.err(text);
  return 0;
}

/** `lab advance 2h`: moves the running lab's simulated clock forward. */
export async function labAdvance(io: HelperIO, amount: string | undefined): Promise<number> {
  const seconds = amount === undefined ? undefined : parseDuration(amount);
  if (seconds === undefined || !(seconds > 0)) {
    throw new UsageError(`\`lab advance\` needs a positive duration, e.g. 90m, 2h, 1d`);
  }
  const state = await runningLab(io.dataDir);
  const reply = await ask(state, 'POST', `/__lab/advance?seconds=${seconds}`);
  if (reply.status !== 200) throw new Error(String(reply.body.error ?? 'the lab refused'));
  io.out(`simulated time is now ${String(reply.body.now)}\n`);
  return 0;
}
