// Issue 14's "done when": a learner does every step of four scenarios with the real AWS CLI only, and
// the lab's task list checks each off. Each task, in the list's order, runs the command the lab
// terminal shows for it (`taskCommand`, `--profile` in it when a profile signs as its caller, else
// the credentials an earlier step printed, exported as a learner would), in bash with `lab env --all`'s
// variables; `lab advance` where the list says so. Every child gets
// HOME and the AWS config files explicitly: never the real ~/.aws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { awsConfig } from '../../src/lab/aws-config.js';
import { callerProfile, taskCommand } from '../../src/lab/render.js';
import { tokenFileName } from '../../src/lab/run.js';
import { cliCommand } from '../../src/learn/request.js';
import { isolatedAwsEnv, runProgram, startLab, type Running } from './helpers.js';

const which = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const AWS = which.status === 0 ? which.stdout.trim() : undefined;
if (!AWS)
  console.warn('aws-cli-walkthrough.test: the AWS CLI (`aws`) is not on PATH; these tests are skipped');

interface Printed {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
}

async function walk(id: string): Promise<{ done: string[]; possible: string[]; log: string[] }> {
  const r: Running = await startLab(id);
  const home = mkdtempSync(join(tmpdir(), `sts-walk-${id}-`));
  const log: string[] = [];
  try {
    const cfg = awsConfig(r.lab.scenario, r.lab.engine.longTermKeys(), (s) => join(home, `${s}.jwt`));
    const env = { ...isolatedAwsEnv(r, home), AWS_ENDPOINT_URL: r.server.url };
    for (const step of r.lab.tokenSteps()) {
      const token = r.lab.token(step);
      if (token) writeFileSync(join(home, tokenFileName(step, token.kind)), token.text);
    }
    const printed = new Map<string, Printed>();
    let advanced = 0;
    // the task list's order: the steps, then the what-ifs
    for (const task of r.lab.tasks) {
      if (!task.possible) continue;
      if (task.advanceFirst) r.lab.advance(task.advanceFirst);
      if (task.kind === 'advance') {
        // `lab advance`: the clock moves on by what the step says (the wall clock only adds to it)
        r.lab.advance(task.after! - advanced);
        advanced = task.after!;
        continue;
      }
      const call = task.call!;
      const callEnv: Record<string, string> = { ...env };
      // the command carries `--profile NAME` when a profile signs as the caller; else a step's printed credentials
      if (!callerProfile(call.as, cfg.stepProfiles) && call.as.startsWith('$')) {
        const step = call.as.slice(1);
        const creds = printed.get(step);
        if (!creds) throw new Error(`${id} ${task.id}: no profile and no printed credentials for ${call.as}`);
        // "the credentials step X printed": the learner exports them
        delete callEnv.AWS_PROFILE;
        Object.assign(callEnv, {
          AWS_ACCESS_KEY_ID: creds.AccessKeyId,
          AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
          AWS_SESSION_TOKEN: creds.SessionToken,
        });
      }
      const token = r.lab.token(task.id);
      if (token) {
        const file = join(home, 'token');
        writeFileSync(file, token.text);
        callEnv.TOKEN_FILE = file;
      }
      const command = [
        token
          ? token.kind === 'saml'
            ? 'SAML_RESPONSE=$(cat "$TOKEN_FILE")'
            : 'TOKEN=$(cat "$TOKEN_FILE")'
          : '',
        `${taskCommand(call, cfg.stepProfiles, 10_000, cliCommand)} --output json`,
      ]
        .filter(Boolean)
        .join('\n');
      // in the temporary home: `get-object` writes the object to a file
      const out = await runProgram('bash', ['-c', `cd "$HOME"\n${command}`], callEnv);
      log.push(
        `${task.id}: ${command.split('\n').pop()} → ${out.status} ${out.stderr.trim().split('\n').pop() ?? ''}`,
      );
      if (out.status === 0 && out.stdout.trim().startsWith('{')) {
        const creds = (JSON.parse(out.stdout) as { Credentials?: Printed }).Credentials;
        if (creds && task.kind === 'step') printed.set(task.id, creds);
      }
    }
    return {
      done: [...r.lab.done].sort(),
      possible: r.lab.tasks
        .filter((t) => t.possible)
        .map((t) => t.id)
        .sort(),
      log,
    };
  } finally {
    await r.server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

// The four run side by side (each on its own lab): the time is the AWS CLI starting, about 50 times.
describe.skipIf(!AWS)('every step with the real AWS CLI only', { timeout: 300_000 }, () => {
  it.concurrent.for([
    'cross-account-assume-role',
    'mfa-get-session-token',
    'role-chaining',
    'github-actions-oidc',
  ])('%s: the lab checks off every task', async (id, { expect }) => {
    const { done, possible, log } = await walk(id);
    const missing = possible.filter((t) => !done.includes(t));
    expect(missing, `what the AWS CLI did:\n${log.join('\n')}\n`).toEqual([]);
    expect(possible.length).toBeGreaterThan(3);
  });
});
