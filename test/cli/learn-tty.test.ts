/**
 * End to end in a pseudo-terminal: drives `sts-trainer learn` through a whole scenario in tmux and
 * asserts what the learner sees. Polls the pane (bounded tries) instead of sleeping.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const home = mkdtempSync(join(tmpdir(), 'sts-learn-tty-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

const lastLines = (screen: string, n: number) => screen.trimEnd().split('\n').slice(-n).join('\n');

describe.skipIf(!hasTmux)('learn in a terminal', () => {
  it('walks a learner through a whole scenario', async () => {
    // Given a fresh data dir and a 120x40 terminal
    const tty = startTmux({
      name: 'learn',
      cols: 120,
      rows: 40,
      command: [process.execPath, BIN, 'learn', 'third-party-external-id'],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1', CI: '' },
    });
    const seen: string[] = [];
    let screen = await tty.settle('');
    let trustShown = false;
    let whatIfsRun = 0;
    // When the learner presses through every screen (t once, the first choice in checkpoints, one what-if)
    for (let i = 0; i < 120 && !screen.includes('EXIT='); i++) {
      seen.push(screen);
      const bottom = lastLines(screen, 12);
      const promptLine = lastLines(screen, 1);
      if (bottom.includes('Pick a variation') && bottom.includes('navigate')) {
        // the first what-if, then "Done" (below the scenario's 4 what-ifs)
        const keys = whatIfsRun === 0 ? ['Enter'] : ['Down', 'Down', 'Down', 'Down', 'Enter'];
        tty.send(...keys);
        whatIfsRun++;
      } else if (promptLine.includes('t for the trust policy') && !trustShown) {
        tty.send('t');
        trustShown = true;
      } else if (bottom.includes('◯') && bottom.includes('navigate')) {
        tty.send('Space', 'Enter');
      } else if (promptLine.includes('Press Enter to continue') || bottom.includes('navigate')) {
        tty.send('Enter');
      } else {
        // output still coming (or the spinner): never type ahead of a prompt
        screen = await tty.settle(screen, 10);
        continue;
      }
      screen = await tty.settle(screen);
    }
    seen.push(screen);
    const all = seen.join('\n');
    if (process.env.LEARN_TTY_DEBUG)
      (await import('node:fs')).writeFileSync(process.env.LEARN_TTY_DEBUG, seen.join('\n=========\n'));
    // Then they saw the intro, each step, a trace, the trust policy, a checkpoint, a what-if and the takeaways
    expect(all).toContain('Who is involved:');
    expect(all).toContain('Step 1 of 5');
    expect(all).toContain('What STS checked:');
    expect(all).toContain('Trust policy of arn:aws:iam::222233334444:role/WatchTowerIntegration');
    expect(all).toContain('Statement 1 (marked >) decided this call.');
    expect(all).toMatch(/Correct|Not quite/);
    expect(all).toContain('What if…');
    expect(all).toContain('Takeaways');
    expect(screen).toContain('EXIT=0');
    // and the progress store knows the scenario is completed
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {
      scenarios: Record<string, { completed?: boolean }>;
      answers: { questionId: string; source: string }[];
    };
    expect(progress.scenarios['third-party-external-id']?.completed).toBe(true);
    expect(progress.answers.some((a) => a.questionId.startsWith('learn/third-party-external-id/'))).toBe(
      true,
    );
  }, 60_000);
});
