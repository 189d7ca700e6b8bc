// `sts-trainer lab` as a script or CI job runs it: the built binary, no TTY, one line per call on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/run-cli.js';
import { startBinaryLab, until, type Served } from './binary-lab.js';

const home = mkdtempSync(join(tmpdir(), 'sts-lab-bin-'));
const env = { STS_TRAINER_HOME: home, HOME: home, XDG_DATA_HOME: home, NO_COLOR: '1' };
afterAll(() => rmSync(home, { recursive: true, force: true }));

const startLab = (scenario: string) => startBinaryLab(scenario, env);

/** A profile's keys from the credentials file the lab wrote. */
function credentialsOf(profile: string) {
  const text = readFileSync(join(home, 'lab', 'credentials'), 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${profile}]`))!;
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(section)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(section)![1]!,
  };
}

describe('lab --no-input', { timeout: 60_000 }, () => {
  let lab: Served;
  beforeAll(async () => {
    lab = await startLab('cross-account-assume-role');
  });

  it('writes env.sh for `lab env`, pointing at the lab and the isolated config', async () => {
    const r = await runCli(['lab', 'env'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`export AWS_ENDPOINT_URL_STS='${lab.url}'`);
    expect(r.stdout).toContain(`export AWS_CONFIG_FILE='${join(home, 'lab', 'config')}'`);
    expect(r.stdout).toContain(`export AWS_SHARED_CREDENTIALS_FILE='${join(home, 'lab', 'credentials')}'`);
    expect(r.stdout).toContain("export AWS_PROFILE='dana'");
    expect(r.stdout).toContain("export AWS_DEFAULT_REGION='us-east-1'");
    expect(r.stdout).toContain('unset AWS_ENDPOINT_URL');
    const all = await runCli(['lab', 'env', '--all'], { env });
    expect(all.stdout).toContain(`export AWS_ENDPOINT_URL='${lab.url}'`);
  });

  it('prints one line per call with the caller and the result, and checks off the task', async () => {
    const sts = new STSClient({ endpoint: lab.url, region: 'us-east-1', credentials: credentialsOf('dana') });
    await sts.send(new GetCallerIdentityCommand({}));
    await until(() => lab.stdout().includes('task 1 done'));
    expect(lab.stdout()).toMatch(
      /\d\d:\d\d:\d\d ✔ GetCallerIdentity +dana {2}→ arn:aws:iam::111111111111:user\/dana\n {2}✔ task 1 done: Dana checks who she is \(1\/13\)\n/,
    );
  });

  it('`lab advance 2h` moves the running lab’s clock; `lab token` refuses a step without a token', async () => {
    const before = Date.now();
    const r = await runCli(['lab', 'advance', '2h'], { env });
    expect(r.code).toBe(0);
    const now = Date.parse(/simulated time is now (\S+)/.exec(r.stdout)![1]!);
    expect(now - before).toBeGreaterThanOrEqual(2 * 3600_000);
    await until(() => lab.stdout().includes('One hour passes'));
    expect(lab.stdout()).toMatch(/✔ task 7 done: One hour passes/);
    const token = await runCli(['lab', 'token', 'whoami'], { env });
    expect(token.code).toBe(2);
    expect(token.stderr).toContain('has no web identity token or SAML assertion');
  });

  it('stops on SIGINT with exit 130, removes its state file and saves the done tasks', async () => {
    lab.child.kill('SIGINT');
    expect(await lab.exit).toBe(130);
    expect(lab.stdout()).toContain('lab stopped: 2/13 tasks done');
    expect(existsSync(join(home, 'lab', 'lab.json'))).toBe(false);
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.scenarios['cross-account-assume-role'].labTasks.sort()).toEqual([
      'an-hour-later',
      'whoami',
    ]);
    // Without a running lab the helpers say so (exit 1).
    const r = await runCli(['lab', 'env'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: no lab is running on ${home}`);
  });

  it('stops on SIGTERM with exit 143 (terminated), its closing summary and no stack trace', async () => {
    const again = await startLab('github-actions-oidc');
    const token = await runCli(['lab', 'token', 'deploy-main'], { env });
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/deploy-main\.jwt$/);
    expect(readFileSync(token.stdout.trim(), 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token.stderr).toContain('--web-identity-token file://');
    expect(token.stderr).toContain('or: export AWS_WEB_IDENTITY_TOKEN_FILE=');
    // a what-if's DurationSeconds is in the command; the SDKs' variables cannot send it, so no `or:`
    const twoHours = await runCli(['lab', 'token', 'what-if/two-hours'], { env });
    expect(twoHours.stderr).toBe(
      `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::444444444444:role/GitHubDeploy --role-session-name GitHubActions --web-identity-token file://${twoHours.stdout.trim()} --duration-seconds 7200\n`,
    );
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(143);
    expect(again.stdout()).toContain('lab stopped: 0/11 tasks done');
    expect(again.stderr()).toBe('');
  });
});

describe('SIGHUP (the terminal was closed)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-lab-hup-'));
  const own = { STS_TRAINER_HOME: dir, HOME: dir, XDG_DATA_HOME: dir, NO_COLOR: '1' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refused = (url: string) =>
    fetch(url).then(
      () => false,
      () => true,
    );

  it('stops like SIGTERM: state file removed, port freed, the stop line, exit 129 (128 + 1)', async () => {
    const lab = await startBinaryLab('third-party-external-id', own);
    lab.child.kill('SIGHUP');
    expect(await lab.exit).toBe(129);
    expect(lab.stdout()).toContain('lab stopped: 0/9 tasks done');
    expect(lab.stderr()).toBe('');
    expect(existsSync(join(dir, 'lab', 'lab.json'))).toBe(false);
    expect(await refused(lab.url)).toBe(true);
  });

  it('with its output gone (nothing reads it any more), it still cleans up and exits 129', async () => {
    const lab = await startBinaryLab('third-party-external-id', own);
    lab.child.stdout!.destroy();
    lab.child.kill('SIGHUP');
    expect(await lab.exit).toBe(129);
    expect(existsSync(join(dir, 'lab', 'lab.json'))).toBe(false);
    expect(await refused(lab.url)).toBe(true);
  });
});

describe('one lab per data dir', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-lab-one-'));
  const own = { STS_TRAINER_HOME: dir, HOME: dir, XDG_DATA_HOME: dir, NO_COLOR: '1' };
  const state = join(dir, 'lab', 'lab.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second lab refuses to start while the first runs, naming it (exit 2); the first keeps its files', async () => {
    const first = await startBinaryLab('third-party-external-id', own);
    try {
      const before = readFileSync(state, 'utf8');
      const second = await runCli(['lab', 'session-policies', '--no-input'], { env: own });
      expect(second.code).toBe(2);
      expect(second.stderr).toBe(
        `error: a lab for \`third-party-external-id\` is already running on ${dir} (pid ${first.child.pid}): stop it first, or start this one with another --data-dir\n`,
      );
      expect(readFileSync(state, 'utf8')).toBe(before);
      expect((await runCli(['lab', 'env'], { env: own })).stdout).toContain(first.url);
    } finally {
      first.child.kill('SIGINT');
      await first.exit;
    }
  });

  it('a lab.json whose lab is gone does not block: a dead pid, or a live one whose lab does not answer', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const pid of [gone, process.pid]) {
      mkdirSync(join(dir, 'lab'), { recursive: true });
      writeFileSync(
        state,
        JSON.stringify({ pid, url: 'http://127.0.0.1:9', scenario: 'session-policies', control: 'x' }),
      );
      const lab = await startBinaryLab('third-party-external-id', own);
      lab.child.kill('SIGINT');
      expect(await lab.exit).toBe(130);
    }
  });
});

describe('a lab on a data dir that is not the default', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "sts-lab-dd-it's-"));
  const elsewhere = mkdtempSync(join(tmpdir(), 'sts-lab-dd-home-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  /** The other terminal: the data dir only as the printed command gives it, `sts-trainer` this build. */
  const otherTerminal = (script: string) =>
    spawnSync('bash', ['-c', `sts-trainer() { "${process.execPath}" "${BIN}" "$@"; }\n${script}`], {
      env: { PATH: process.env.PATH, HOME: elsewhere, XDG_DATA_HOME: elsewhere, NO_COLOR: '1' },
      encoding: 'utf8',
    });

  it('prints `lab env` and `lab token` with --data-dir, shell-quoted, and they find the lab', async () => {
    // Given a lab started with STS_TRAINER_HOME (a folder name with a quote in it)
    const lab = await startBinaryLab('github-actions-oidc', {
      STS_TRAINER_HOME: dir,
      HOME: elsewhere,
      NO_COLOR: '1',
    });
    try {
      const quoted = `'${dir.replace("'", `'\\''`)}'`;
      const evalEnv = `eval "$(sts-trainer --data-dir ${quoted} lab env)"`;
      expect(lab.stdout()).toContain(`In another terminal: ${evalEnv}`);
      expect(lab.stdout()).toContain(`federation tokens: sts-trainer --data-dir ${quoted} lab token STEP`);
      // When another terminal runs them as printed, Then they reach this lab
      const env = otherTerminal(
        `${evalEnv}\necho "$AWS_ENDPOINT_URL_STS"\nsts-trainer --data-dir ${quoted} lab token deploy-main`,
      );
      expect(env.stderr).not.toContain('error');
      expect(env.stdout).toContain(`${lab.url}\n${join(dir, 'lab', 'tokens', 'deploy-main.jwt')}\n`);
    } finally {
      lab.child.kill('SIGINT');
      await lab.exit;
    }
  });

  it('without --data-dir, `lab env` names the folder it looked in and hints at --data-dir', () => {
    const r = otherTerminal('sts-trainer lab env');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `error: no lab is running on ${join(elsewhere, 'sts-trainer')}\nhint: start one in another terminal: sts-trainer lab <scenario>; a lab started with --data-dir DIR (or STS_TRAINER_HOME=DIR) is found with the same --data-dir DIR\n`,
    );
  });

  it('a lab on the default data dir prints the plain commands', async () => {
    const lab = await startBinaryLab('github-actions-oidc', {
      HOME: elsewhere,
      XDG_DATA_HOME: elsewhere,
      NO_COLOR: '1',
    });
    try {
      expect(lab.stdout()).toContain('In another terminal: eval "$(sts-trainer lab env)"');
      expect(lab.stdout()).toContain('federation tokens: sts-trainer lab token STEP');
    } finally {
      lab.child.kill('SIGINT');
      await lab.exit;
    }
  });
});

describe('lab refuses what it cannot do', () => {
  it('a non-loopback --host, with the reason (exit 2)', async () => {
    const r = await runCli(['lab', 'cross-account-assume-role', '--host', '0.0.0.0'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the lab only listens on a loopback address, not `0.0.0.0`');
    expect(r.stderr).toContain('hint: ');
  });

  it('no scenario without a terminal (exit 2), and an unknown one with a did-you-mean', async () => {
    const r = await runCli(['lab'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`lab` needs a scenario id without a terminal');
    expect(r.stderr).toContain('Start one with `sts-trainer lab <id>`.');
    expect(r.stderr).not.toContain('sts-trainer learn');
    const typo = await runCli(['lab', 'cross-acount-assume-role'], { env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('cross-account-assume-role');
  });
});
