// What the lab terminal prints around a call: task completions and the next task's command (src/lab/render.ts).
import { describe, expect, it } from 'vitest';
import { awsConfig } from '../../src/lab/aws-config.js';
import { Lab } from '../../src/lab/lab.js';
import {
  completionLines,
  fittedTaskLines,
  nextTaskLines,
  selfCommand,
  taskLines,
} from '../../src/lab/render.js';
import { tasksFor } from '../../src/lab/tasks.js';
import { cliCommand } from '../../src/learn/request.js';
import { createTheme } from '../../src/ui/theme.js';
import { scenario } from './helpers.js';

const t = createTheme({ color: false, plain: true, columns: 200 });

describe('task completions', () => {
  it('count as of each tick when one call completes two tasks', async () => {
    // Given every task but the last two done, When one event completes both, Then 10/11 then 11/11
    const tasks = tasksFor(await scenario('github-actions-oidc'));
    const both = [tasks[2]!, tasks[9]!];
    const done = new Set(tasks.map((x) => x.id));
    expect(completionLines(both, tasks, done, t)).toEqual([
      `  ✔ task 3 done: ${tasks[2]!.title} (10/11)`,
      `  ✔ task 10 done: ${tasks[9]!.title} (11/11)`,
    ]);
  });
});

describe('the next task', () => {
  it('a SAML step reads its assertion into the $SAML_RESPONSE its command sends', async () => {
    const tasks = tasksFor(await scenario('saml-federation'));
    const lines = nextTaskLines(tasks, new Set(), new Map(), t, cliCommand);
    expect(lines[2]).toBe('    SAML_RESPONSE=$(cat "$(sts-trainer lab token assume)")');
    expect(lines.slice(3).join('\n')).toContain('--saml-assertion "$SAML_RESPONSE"');
  });

  it('a lab on another data dir reads the token with that --data-dir', async () => {
    const tasks = tasksFor(await scenario('saml-federation'));
    const lines = nextTaskLines(tasks, new Set(), new Map(), t, cliCommand, selfCommand("/tmp/my lab's"));
    expect(lines[2]).toBe(
      `    SAML_RESPONSE=$(cat "$(sts-trainer --data-dir '/tmp/my lab'\\''s' lab token assume)")`,
    );
  });
});

describe('the next task’s command is the command that does it (M1)', () => {
  const narrow = createTheme({ color: false, plain: true, columns: 80 });
  async function next(id: string, doneCount: number) {
    const s = await scenario(id);
    const lab = new Lab({ scenario: s });
    const cfg = awsConfig(s, lab.engine.longTermKeys(), (step) => `/tokens/${step}.jwt`);
    const done = new Set(lab.tasks.slice(0, doneCount).map((x) => x.id));
    return nextTaskLines(lab.tasks, done, cfg.stepProfiles, narrow, cliCommand).join('\n');
  }

  it('puts a user’s profile into the command, wrapped as the other options are', async () => {
    // Given cross-account-assume-role with tasks 1–3 done, When the next (Evan's) is shown
    const screen = await next('cross-account-assume-role', 3);
    // Then `--profile evan` is part of what is pasted (lab env's AWS_PROFILE is dana's)
    expect(screen).toBe(
      [
        '  next: 4. Evan asks for the same role',
        '    aws sts assume-role \\',
        '        --profile evan \\',
        '        --role-arn arn:aws:iam::222222222222:role/ReportReader \\',
        '        --role-session-name evan-curious',
      ].join('\n'),
    );
  });

  it('puts a step’s role profile into the command of a call made with that session', async () => {
    const screen = await next('cross-account-assume-role', 2);
    expect(screen).toContain('aws s3api get-object \\\n        --profile ReportReader \\\n');
    expect(screen).not.toContain('as --profile');
  });

  it('keeps the caller line when no profile makes the session: the learner exports its keys', async () => {
    const screen = await next('role-chaining', 1);
    expect(screen).toContain(
      '    as the credentials step first-hop printed:\n    export AWS_ACCESS_KEY_ID=…',
    );
    expect(screen).not.toContain('--profile');
  });
});

describe('the task list on a terminal', async () => {
  const t = createTheme({ color: false, plain: false, columns: 80 });
  const tasks = tasksFor(await scenario('saml-federation'));
  const long = tasks.findIndex((task) => `  ☐ ${task.title}`.length > 80 - 6);

  it('wraps a long title between words, under the title, never past the width', () => {
    expect(long).toBeGreaterThanOrEqual(0);
    const entry = taskLines(tasks, new Set(), t, 80)[long]!;
    const [first, ...rest] = entry.split('\n');
    expect(rest.length).toBeGreaterThan(0);
    expect(first).toMatch(new RegExp(`^ {2}☐ +${long + 1}\\. `));
    for (const line of entry.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const under = first!.indexOf(`${long + 1}. `) + `${long + 1}. `.length;
    for (const line of rest) expect(line).toMatch(new RegExp(`^ {${under}}\\S`));
    expect(entry.replace(/\n +/g, ' ')).toContain(tasks[long]!.title);
  });

  it('without a terminal, each task stays one line', () => {
    expect(taskLines(tasks, new Set(), t)[long]).not.toContain('\n');
  });

  it('the fitted list counts a wrapped title as the rows it takes', () => {
    const fitted = fittedTaskLines(tasks, new Set(), t, 6, 80);
    expect(fitted.flatMap((e) => e.split('\n')).length).toBeLessThanOrEqual(6);
    expect(fitted.at(-1)).toMatch(/more: press t/);
  });
});
