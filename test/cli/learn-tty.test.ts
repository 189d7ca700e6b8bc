/**
 * End to end in a pseudo-terminal: drives `sts-trainer learn` in tmux at 80x24 (Enter only) and at
 * 120x45 (a wrong checkpoint answer, q, and the resume choice). Polls the pane (bounded tries).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux, type TmuxSession } from '../helpers/tmux.js';

const homes: string[] = [];
const freshHome = () => {
  const h = mkdtempSync(join(tmpdir(), 'sts-learn-tty-'));
  homes.push(h);
  return h;
};
afterAll(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));

const lastLines = (screen: string, n: number) => screen.trimEnd().split('\n').slice(-n).join('\n');
/** A prompt is waiting: a key prompt, the pager, or an inquirer list. */
const waiting = (screen: string) =>
  /Enter: go on|space: more|navigate|Which scenario|EXIT=/.test(lastLines(screen, 12));

function learn(name: string, home: string, cols: number, rows: number, id: string) {
  return startTmux({
    name,
    cols,
    rows,
    command: [process.execPath, BIN, 'learn', id],
    env: { STS_TRAINER_HOME: home, NO_COLOR: '1', CI: '' },
  });
}

/** Presses Enter at every prompt until the program exits; returns every screen seen. */
async function enterThrough(tty: TmuxSession, max = 400): Promise<string[]> {
  const seen: string[] = [];
  let screen = await tty.waitFor(waiting, 'the first prompt');
  for (let i = 0; i < max && !screen.includes('EXIT='); i++) {
    seen.push(screen);
    tty.send('Enter');
    screen = await tty.settle(screen);
    if (!waiting(screen)) screen = await tty.waitFor(waiting, 'a prompt');
  }
  seen.push(screen);
  return seen;
}

describe.skipIf(!hasTmux)('learn in a terminal', () => {
  it('at 80x24, pressing only Enter walks a scenario, its what-ifs and takeaways to exit 0', async () => {
    const home = freshHome();
    const tty = learn('enter', home, 80, 24, 'third-party-external-id');
    const seen = await enterThrough(tty);
    const all = seen.join('\n');
    expect(seen.at(-1)).toContain('EXIT=0');
    expect(all).toContain('Predict: will this call succeed?');
    expect(all).toContain('What if…');
    expect(all).toContain('Takeaways');
    expect(all).toMatch(/Predictions: \d+ of \d+ right/);
    // every prompt says where the learner is and how to leave
    for (const s of seen.filter((x) => /Enter: go on/.test(lastLines(x, 1))))
      expect(lastLines(s, 2)).toMatch(
        /third-party-external-id · (intro|step \d+ of \d+|what-ifs: \d+ of \d+ run|what-if \d+ of \d+)/,
      );
    // no spinner before steps
    expect(all).not.toContain('STS evaluates');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as {
      scenarios: Record<string, { completed?: boolean; predictions?: { total: number } }>;
    };
    expect(progress.scenarios['third-party-external-id']?.completed).toBe(true);
    expect(progress.scenarios['third-party-external-id']?.predictions?.total).toBeGreaterThan(0);
  }, 180_000);

  it('at 120x45, a wrong answer is echoed ✘ and its feedback waits; q saves; the next run offers to resume', async () => {
    const home = freshHome();
    const tty = learn('careful', home, 120, 45, 'credential-expiry-rotation');
    let screen = await tty.waitFor(waiting, 'the intro');
    // get to the checkpoint by pressing Enter, then pick a wrong choice (not "1 hour")
    for (let i = 0; i < 40 && !screen.includes('How long do these credentials last?'); i++) {
      tty.send('Enter');
      screen = await tty.settle(screen);
      if (!waiting(screen)) screen = await tty.waitFor(waiting, 'a prompt');
    }
    const cursorOnRight = /❯ 1 hour/.test(screen);
    tty.send(...(cursorOnRight ? ['Down', 'Enter'] : ['Enter']));
    screen = await tty.waitFor(
      (s) => s.includes('Not quite') && /q: quit and save$/.test(s.trimEnd()),
      'the feedback and the pause under it',
    );
    expect(screen).toMatch(/How long do these credentials last\? .* ✘/);
    expect(screen).toContain('The answer: 1 hour');
    // the feedback stays: the walkthrough pauses under it
    expect(lastLines(screen, 2)).toMatch(/step \d+ of \d+\nEnter: go on · q: quit and save/);
    tty.send('q');
    screen = await tty.waitFor((s) => s.includes('EXIT='), 'the exit');
    expect(screen).toContain('Saved.');
    expect(screen).toContain('EXIT=0');
    tty.kill();
    const again = learn('again', home, 120, 45, 'credential-expiry-rotation');
    screen = await again.waitFor((s) => s.includes('where do you want to start?'), 'the resume choice');
    expect(screen).toMatch(/❯ Continue at step \d+/);
    expect(screen).toContain('Start over from step 1');
    again.send('C-c');
    screen = await again.waitFor((s) => s.includes('EXIT='), 'the exit');
    expect(screen).toContain('EXIT=130');
  }, 120_000);
});
