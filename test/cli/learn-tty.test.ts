/**
 * End to end in a pseudo-terminal: drives `sts-trainer learn` through a whole scenario in tmux and
 * asserts what the learner sees. Polls the pane (bounded tries) instead of sleeping.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const socket = `sts-learn-${process.pid}-${Date.now()}`;
const home = mkdtempSync(join(tmpdir(), 'sts-learn-tty-'));
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const pane = () => tmux('capture-pane', '-p', '-t', 'learn');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
});

/** Waits until the pane changes from `before` and then stays still for a moment. */
async function settle(before: string, tries = 100): Promise<string> {
  let last = before;
  let still = 0;
  for (let i = 0; i < tries; i++) {
    await sleep(100);
    const now = pane();
    if (now !== before && now === last) {
      if (++still >= 2) return now;
    } else still = 0;
    last = now;
  }
  return last;
}

const lastLines = (screen: string, n: number) => screen.trimEnd().split('\n').slice(-n).join('\n');

describe.skipIf(!hasTmux)('learn in a terminal', () => {
  it('walks a learner through a whole scenario', async () => {
    // Given a fresh data dir and a 120x40 terminal
    tmux(
      'new-session',
      '-d',
      '-s',
      'learn',
      '-x',
      '120',
      '-y',
      '40',
      `env STS_TRAINER_HOME='${home}' NO_COLOR=1 CI= node '${BIN}' learn third-party-external-id; echo "EXIT=$?"; sleep 30`,
    );
    const seen: string[] = [];
    let screen = await settle('');
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
        tmux('send-keys', '-t', 'learn', ...keys);
        whatIfsRun++;
      } else if (promptLine.includes('t for the trust policy') && !trustShown) {
        tmux('send-keys', '-t', 'learn', 't');
        trustShown = true;
      } else if (bottom.includes('◯') && bottom.includes('navigate')) {
        tmux('send-keys', '-t', 'learn', 'Space', 'Enter');
      } else if (promptLine.includes('Press Enter to continue') || bottom.includes('navigate')) {
        tmux('send-keys', '-t', 'learn', 'Enter');
      } else {
        // output still coming (or the spinner): never type ahead of a prompt
        screen = await settle(screen, 10);
        continue;
      }
      screen = await settle(screen);
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
