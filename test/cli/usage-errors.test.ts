/** Every mistake gets a clear answer: usage errors exit 2 in one line, setup problems exit 1, pipes close quietly. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'sts-usage-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = { STS_TRAINER_HOME: home };

describe('option values are checked up front', () => {
  it.each([
    [['quiz', '--count', 'abc'], '--count <n>', 'from 1 to 1000'],
    [['quiz', '--count', '-3'], '--count <n>', 'from 1 to 1000'],
    [['quiz', '--count', '2.5'], '--count <n>', 'from 1 to 1000'],
    [['quiz', '--count', '0'], '--count <n>', 'from 1 to 1000'],
    [['quiz', '--seed', 'abc'], '--seed <n>', 'from 0 to 4294967295'],
    [['group', '--timer', '-5'], '--timer <seconds>', 'from 5 to 3600 seconds'],
    [['group', '--timer', 'abc'], '--timer <seconds>', 'from 5 to 3600 seconds'],
    [['group', '--count', '1e3'], '--count <n>', 'from 1 to 1000'],
    [['review', '--limit', 'abc'], '--limit <n>', 'from 1 to 1000'],
  ])('%j: exit 2, one line with the allowed range', async (args, option, range) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `error: option '${option}' argument '${args[2]}' is invalid. Expected a whole number ${range}.`,
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it.each(['-5', '0', 'abc', '601'])(
    '--time-limit %s: exit 2 with the range (fractions allowed)',
    async (v) => {
      const r = await runCli(['quiz', '--time-limit', v], { env });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `error: option '--time-limit <minutes>' argument '${v}' is invalid. Expected a number from 0.1 to 600 minutes.`,
      );
    },
  );

  it('accepts values in range (the command then runs)', async () => {
    const r = await runCli(['quiz', '--print', '--count', '3', '--seed', '4294967295'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--seed 4294967295 --count 3');
  });
});

describe('--help', () => {
  it('help for a command that does not exist is a usage error with a did-you-mean, not the program help', async () => {
    const r = await runCli(['help', 'lern']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: unknown command 'lern'\n(Did you mean learn?)\n");
    expect((await runCli(['help', 'learn'])).code).toBe(0);
  });

  it("shows each command's defaults, examples and keys", async () => {
    const quiz = await runCli(['help', 'quiz']);
    expect(quiz.stdout).toContain('number of questions (default: 10)');
    expect(quiz.stdout).toMatch(/default: "practice"/);
    expect(quiz.stdout).toContain('$ sts-trainer quiz --quiz mfa --mode exam');
    expect(quiz.stdout).toMatch(/^ {2}f {8}flag a question/m);
    // every key the quiz's prompts offer (pick-prompt.ts pickHelp) is in its help
    for (const key of ['s', 'b', 'l']) expect(quiz.stdout).toMatch(new RegExp(`^ {2}${key} {8}\\S`, 'm'));
    const group = await runCli(['help', 'group']);
    expect(group.stdout).toContain('Ctrl-C   stop (group --resume continues the session)');
    expect(group.stdout).not.toContain('progress is saved');
    const top = await runCli(['--help']);
    for (const key of ['t ', 'f ', 'm ', 'Ctrl-P', 'Ctrl-E', 'Ctrl-C'])
      expect(top.stdout).toContain(`  ${key}`);
  });

  const commandNames = async () => {
    const top = (await runCli(['--help'])).stdout;
    const section = top.slice(top.indexOf('Commands:'), top.indexOf('\n\n', top.indexOf('Commands:')));
    return [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  };

  it('every help screen fits 80 columns, examples and keys included', async () => {
    const commands = await commandNames();
    const helps = await Promise.all(
      [[], ...commands.map((c) => [c])].map((c) => runCli([...c, '--help'], { env: { COLUMNS: '80' } })),
    );
    const wide = helps.flatMap((h) => [...h.stdout.split('\n')].filter((line) => [...line].length > 80));
    expect(wide).toEqual([]);
  });

  it('every command has at least one example, and each example is accepted by the parser', async () => {
    const commands = await commandNames();
    expect(commands.length).toBeGreaterThan(8);
    const helps = await Promise.all(commands.map((c) => runCli(['help', c])));
    const examples: string[] = [];
    for (const [i, c] of commands.entries()) {
      const help = helps[i]!.stdout;
      expect(help, c).toMatch(new RegExp(`Examples:\\n {2}\\$ sts-trainer ${c}`));
      if (c === 'lab') continue; // a lab serves until stopped: its examples are not run here
      for (const [, line] of help.replace(/\\\n\s+/g, ' ').matchAll(/^ {2}\$ sts-trainer (.*)$/gm))
        examples.push(line!);
    }
    const runs = await Promise.all(
      examples.map((line) => {
        const args = line
          .replace(/\s+#.*$/, '')
          .replace(/\s*>.*$/, '')
          .match(/"[^"]*"|'[^']*'|\S+/g)!
          .map((a) => a.replace(/^["']|["']$/g, ''));
        return runCli([...args, '--no-input'], { env });
      }),
    );
    for (const [i, r] of runs.entries()) {
      expect(r.stderr, examples[i]).not.toMatch(
        /unknown option|is invalid|internal error|missing required|has no/,
      );
    }
  }, 120_000);
});

describe('call', () => {
  const call = ['call', 'AssumeRole', '--scenario', 'cross-account-assume-role'];
  it("an unknown principal is a usage error with a did-you-mean and the world's callers", async () => {
    const r = await runCli([...call, '--as', 'user/dan'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: scenario `cross-account-assume-role` has no IAM user `dan`');
    expect(r.stderr).toMatch(
      /hint: did you mean `user\/dana`\? callers in this world: user\/dana, user\/evan, root\/111111111111/,
    );
  });

  it('--list-principals lists the callers', async () => {
    const r = await runCli(['call', '--list-principals', '--scenario', 'service-role-confused-deputy'], {
      env,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'user/kim',
        'root/666666666666',
        'service/ecs-tasks.amazonaws.com',
        '$task-creds',
        'anonymous',
      ]),
    );
  });

  it("an unknown parameter is an error with a did-you-mean over the API's parameters", async () => {
    const r = await runCli([...call, '--as', 'user/dana', '--param', 'DurationSecond=7200'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: AssumeRole has no parameter `DurationSecond`');
    expect(r.stderr).toContain(
      'hint: did you mean `DurationSeconds`? its parameters: RoleArn, RoleSessionName',
    );
    const none = await runCli(
      [
        'call',
        'GetCallerIdentity',
        '--scenario',
        'cross-account-assume-role',
        '--as',
        'user/dana',
        '--param',
        'RoleArn=x',
      ],
      { env },
    );
    expect(none.stderr).toContain('GetCallerIdentity takes no parameters');
  });

  it('a real principal and real parameters still make the call', async () => {
    const r = await runCli(
      [
        ...call,
        '--as',
        'user/dana',
        '--param',
        'RoleArn=arn:aws:iam::222222222222:role/ReportReader',
        '--param',
        'RoleSessionName=me',
        '--json',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).result.outcome).toBe('success');
  });
});

describe('ids from list are accepted', () => {
  it('quiz --quiz takes the ids `list quizzes` shows, and only those', async () => {
    const list = JSON.parse((await runCli(['list', 'quizzes', '--json'], { env })).stdout) as {
      quizzes: { id: string }[];
    };
    const id = list.quizzes[0]!.id;
    const r = await runCli(['quiz', '--print', '--quiz', id, '--count', '50', '--seed', '1'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--quiz ${id}`);
    const bad = await runCli(['quiz', '--print', '--quiz', `${id}x`], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`did you mean \`${id}\`?`);
  });
});

describe('one form for "needs an interactive terminal"', () => {
  it.each([['quiz'], ['group'], ['menu']])('%s: error + what to run instead, exit 2', async (cmd) => {
    const r = await runCli([cmd], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^error: \`${cmd}\` needs an interactive terminal.*; instead, (run|\`)`),
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('setup problems are named before any question', () => {
  it('a data folder that is a file', async () => {
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    for (const cmd of [['progress'], ['review'], ['learn', 'eks-irsa', '--no-input']]) {
      const r = await runCli([...cmd, '--data-dir', file], { env });
      expect(r.code, cmd.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        `error: cannot keep progress in \`${file}\`: it, or a folder above it, is a file; choose another folder with --data-dir DIR (or STS_TRAINER_HOME)\n`,
      );
      expect(r.stdout).toBe('');
    }
  });

  it('a HOME that cannot hold a data folder', async () => {
    const r = await runCli(['progress'], {
      env: { HOME: '/dev/null/home', STS_TRAINER_HOME: '', XDG_DATA_HOME: '' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot keep progress in `\/dev\/null\/home\/.*`: .*--data-dir DIR/);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only data folder', async () => {
    const { chmodSync, mkdirSync } = await import('node:fs');
    const ro = join(home, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const r = await runCli(['progress', '--data-dir', ro], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the folder is read-only');
  });

  it.runIf(process.platform === 'linux')(
    'a data folder the file system refuses to create (under /proc): exit 1, no hang',
    () => {
      // Node's recursive mkdir spins there for ever, deaf to Ctrl-C; the bound below only ends a regression
      const r = spawnSync(process.execPath, [BIN, 'review', '--data-dir', '/proc/sts-trainer-test/data'], {
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 20_000,
        killSignal: 'SIGKILL',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        'error: cannot keep progress in `/proc/sts-trainer-test/data`: cannot create it (ENOENT); choose another folder with --data-dir DIR (or STS_TRAINER_HOME)\n',
      );
    },
  );

  it('a relative data folder is resolved once and shown by progress', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sts-rel-'));
    const r = await runCli(['progress'], { env: { STS_TRAINER_HOME: './data' }, cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kept in ${join(cwd, 'data', 'progress.json')}`);
    // progress only reads: the folder is made by the first command that saves
    expect(existsSync(join(cwd, 'data'))).toBe(false);
    rmSync(cwd, { recursive: true, force: true });
  });
});

describe('output that goes away', () => {
  const sh = (cmd: string) =>
    spawnSync('sh', ['-c', `${cmd}; echo "status=$?" >&2`], {
      env: { ...process.env, STS_TRAINER_HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
    });
  const bin = `"${process.execPath}" "${BIN}"`;

  it.each(['quiz --print --count 40 --seed 2', 'schema scenario', 'list', 'validate', 'progress'])(
    '%s into a reader that stops early: quiet',
    (args) => {
      for (const reader of ['head -c 1', 'true']) {
        const r = spawnSync(
          'sh',
          ['-c', `${bin} ${args} | ${reader} >/dev/null; echo "status=\${PIPESTATUS:-x}"`],
          {
            env: { ...process.env, STS_TRAINER_HOME: home, NO_COLOR: '1' },
            encoding: 'utf8',
          },
        );
        expect(r.stderr, `${args} | ${reader}`).toBe('');
      }
    },
  );

  it.each(['--help', 'list', 'schema quiz', 'quiz --print --seed 1'])(
    '%s > /dev/full: one line, exit 1',
    (args) => {
      const r = sh(`${bin} ${args} > /dev/full`);
      expect(r.stderr).toBe('error: cannot write the output: ENOSPC no space left on device\nstatus=1\n');
    },
  );
});

describe("names on every object's prototype are not ids (a pack and its user choose names freely)", () => {
  it.each([
    [['schema', 'constructor'], 'unknown content kind `constructor`'],
    [['learn', '__proto__', '--no-input'], 'unknown scenario `__proto__`'],
    [['quiz', '--scenario', 'constructor', '--print'], 'unknown scenario `constructor`'],
    [['quiz', '--quiz', 'toString', '--print'], 'unknown quiz `toString`'],
    [
      ['call', 'GetCallerIdentity', '--scenario', 'cross-account-assume-role', '--as', 'constructor/x'],
      'is not a caller',
    ],
  ])('%j: a usage error, exit 2', async (args, message) => {
    const r = await runCli(args, { env });
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  });

  it('a scenario whose caller is `constructor/NAME` is reported as an unknown caller', async () => {
    const pack = join(home, 'proto-pack');
    mkdirSync(join(pack, 'scenarios'), { recursive: true });
    const text = readFileSync(
      join(import.meta.dirname, '../../scenarios/cross-account-assume-role.yaml'),
      'utf8',
    )
      .replace(/^id: cross-account-assume-role$/m, 'id: proto-callers')
      .replaceAll('as: user/dana', 'as: constructor/dana');
    writeFileSync(join(pack, 'scenarios', 'proto.yaml'), text);
    const r = await runCli(['validate', pack], { env });
    expect(r.stderr + r.stdout).not.toContain('internal error');
    expect(r.stdout + r.stderr).toContain('unknown caller `constructor/dana`');
    expect(r.code).toBe(1);
  });
});
