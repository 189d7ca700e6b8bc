// What the lab terminal prints around a call: task completions and the next task's command (src/lab/render.ts).
import { describe, expect, it } from 'vitest';
import { completionLines, nextTaskLines } from '../../src/lab/render.js';
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
});
