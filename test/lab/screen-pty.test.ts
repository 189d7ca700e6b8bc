/**
 * The lab's own screen in a pseudo-terminal (tmux): at 80x24 the banner stays on screen above a
 * shortened task list, a call line wraps between words within 80 columns, the next task names the
 * credentials it needs, `t` lists every task, and `q` stops with exit 0. The call comes from the
 * JavaScript SDK with the key from the lab's own credentials file.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-lab-pty-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The access key of `profile` in the lab's credentials file. */
function keyOf(profile: string): { accessKeyId: string; secretAccessKey: string } {
  const text = readFileSync(join(home, 'lab', 'credentials'), 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${profile}]`)) ?? '';
  const value = (k: string) => new RegExp(`^${k} = (.+)$`, 'm').exec(section)?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

describe.skipIf(!hasTmux)('the lab screen', () => {
  it('at 80x24: banner kept, lines wrapped between words, the next task says whose keys, t and q', async () => {
    const tty = startTmux({
      name: 'lab',
      cols: 80,
      rows: 24,
      command: [process.execPath, BIN, 'lab', 'role-chaining'],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1', CI: '' },
    });
    let screen = await tty.waitFor((s) => s.includes('keys: d trace'), 'the banner');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(screen)?.[1];
    expect(url).toBeDefined();
    // STS_TRAINER_HOME is not the default data dir: the command for the other terminal names it
    const flat = (text: string) => text.replace(/\s+/g, '');
    expect(flat(screen)).toContain(flat(`eval "$(sts-trainer --data-dir '${home}' lab env)"`));
    expect(screen).toMatch(/… \d+ more: press t to list every task/);
    expect(screen).not.toContain('13. what if');

    const sts = new STSClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: keyOf('sam'),
      maxAttempts: 1,
    });
    await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::121212121212:role/Deployer',
        RoleSessionName: 'sam',
        DurationSeconds: 14400,
        SourceIdentity: 'sam',
        Tags: [
          { Key: 'project', Value: 'tracking' },
          { Key: 'cost-center', Value: 'cc-118' },
        ],
        TransitiveTagKeys: ['project'],
      }),
    );
    screen = await tty.waitFor((s) => s.includes('next: 2.'), 'the next task');
    const lines = screen.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    // the call line breaks before the ARN, never inside it
    expect(screen).toContain('arn:aws:sts::121212121212:assumed-role/Deployer/sam');
    expect(screen).toContain('task 1 done');
    expect(screen).toContain('as the credentials step first-hop printed:');
    expect(screen).toContain('export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=…');

    tty.send('t');
    await tty.waitFor((s) => s.includes('13. what if'), 'every task');
    tty.send('q');
    screen = await tty.waitFor((s) => s.includes('EXIT='), 'the lab to stop');
    expect(screen).toContain('lab stopped: 1/13 tasks done');
    expect(screen).toContain('EXIT=0');
  });
});
