import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Interrupted } from '../../src/errors.js';
import { shownChoices } from '../../src/group/entry.js';
import { askPlayers, runGroup, type GroupDeps } from '../../src/group/loop.js';
import { standings } from '../../src/group/scoring.js';
import { loadSession, saveSession, sessionPath } from '../../src/group/session-file.js';
import type { GroupState } from '../../src/group/state.js';
import type { CountdownViewOptions } from '../../src/ui/countdown.js';
import type { HiddenPrompter } from '../../src/ui/group-input.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { createTheme } from '../../src/ui/theme.js';
import { game, Q } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sts-group-'));
  dirs.push(d);
  return d;
};

/** Answers given in order; an Error in the list is thrown (e.g. Ctrl-C). */
function scriptedAnswers(answers: unknown[]): HiddenPrompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = async (message: string) => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no answer left for "${message}"`);
    const a = queue.shift();
    if (a instanceof Error) throw a;
    return a;
  };
  return {
    asked,
    choice: (m) => next(m) as Promise<string>,
    multi: (m) => next(m) as Promise<string[]>,
    text: async (m, validate) => {
      const line = (await next(m)) as string;
      const ok = validate(line);
      if (ok !== true) throw new Error(`invalid host entry: ${ok}`);
      return line;
    },
  };
}

function deps(keys: unknown[], answers: HiddenPrompter, extra: Partial<GroupDeps> = {}) {
  let out = '';
  const saved: GroupState[] = [];
  const d: GroupDeps = {
    prompter: scriptedPrompter(keys),
    answers,
    theme: createTheme({ color: false, plain: true, columns: 80 }),
    out: { write: (s: string) => (out += s) },
    now: () => 0,
    save: async (s) => void saved.push(s),
    countdown: () => ({ stop() {} }),
    clear: () => {},
    live: false,
    ...extra,
  };
  return { d, saved, output: () => out };
}

const PAIR_RIGHT = { api: 'AssumeRole', trust: 'sts:ExternalId' };
/** Keys for a whole 3-question game in hot-seat: start, reveal → scoreboard, scoreboard → next. */
const KEYS = ['enter', 'enter', 'enter', 'enter', 'enter', 'enter', 'enter', 'enter', 'enter'];

describe('the group loop', () => {
  it('plays hot-seat rounds, naming whose turn it is, and saves after every answer', async () => {
    // Given Ana and Ben; Ana answers everything right, Ben only the first
    const answers = scriptedAnswers([
      'AssumeRole',
      'AssumeRole',
      ['SerialNumber', 'TokenCode'],
      ['ExternalId'],
      'AssumeRole', // Ana: pair API
      'sts:ExternalId', // Ana: pair condition
      'AssumeRoleWithSAML',
      'SAML:aud',
    ]);
    const { d, saved, output } = deps(KEYS, answers);
    // When the session runs
    const end = await runGroup(d, game(['Ana', 'Ben']));
    // Then both were asked in turn and the scores follow the streaks
    expect(answers.asked.slice(0, 2)).toEqual(['Ana, your answer', 'Ben, your answer']);
    expect(end.phase).toBe('final');
    expect(standings(end).map((s) => [s.player, s.points])).toEqual([
      ['Ana', 45],
      ['Ben', 10],
    ]);
    expect(saved.filter((s) => s.phase === 'turns' || s.phase === 'reveal').length).toBeGreaterThanOrEqual(6);
    expect(output()).toContain('QUESTION 1 OF 3');
    expect(output()).toContain('Everyone got it');
    expect(output()).toContain('Got it: Ana');
  });

  it('lets the host toggle to entering everyone’s answers on one line', async () => {
    const sh = shownChoices(Q[0]!, 1);
    const n = (v: string) => (sh.kind === 'list' ? sh.items.indexOf(v) + 1 : 0);
    const answers = scriptedAnswers([`${n('AssumeRole')} ${n('GetSessionToken')} -`]);
    const { d } = deps(['m', 'enter', 'enter', new Interrupted()], answers);
    await expect(runGroup(d, game())).rejects.toBeInstanceOf(Interrupted);
    expect(answers.asked[0]).toMatch(/^Answers for Ana, Ben, Chen \(in that order\)/);
  });

  it('on expiry counts whoever has not answered as wrong', async () => {
    // Given a 20 s timer on a clock the test moves, and Ben thinking too long
    let now = 0;
    let view: CountdownViewOptions | undefined;
    const answers: HiddenPrompter = {
      ...scriptedAnswers([]),
      choice: (message, _choices, signal) =>
        message.startsWith('Ana')
          ? Promise.resolve('AssumeRole')
          : new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    };
    const { d, output } = deps(['enter', 'enter', new Interrupted()], answers, {
      now: () => now,
      countdown: (opts) => {
        view = opts;
        return { stop() {} };
      },
    });
    const running = runGroup(d, { ...game(['Ana', 'Ben']), timer: 20 });
    await new Promise((r) => setTimeout(r, 10));
    // When the host pauses at 5 s and the clock passes 20 s, nothing happens; resumed, it runs out
    now = 5_000;
    view!.onKey('pause');
    now = 60_000;
    view!.tick();
    expect(output()).not.toContain('time is up');
    view!.onKey('pause');
    now = 76_000;
    view!.tick();
    // Then Ben gets it wrong and the reveal says so
    await expect(running).rejects.toBeInstanceOf(Interrupted);
    expect(output()).toContain('time is up');
    expect(output()).toContain('✘ Ben: no answer');
    expect(output()).toContain('Got it: Ana');
  });

  it('resumes from the saved file exactly where Ctrl-C stopped it', async () => {
    const dir = tempDir();
    const save = (s: GroupState) => saveSession(dir, s);
    // Given Ctrl-C during Ben's turn on question 2
    const first = scriptedAnswers([
      'AssumeRole',
      'AssumeRole',
      ['SerialNumber', 'TokenCode'],
      new Interrupted(),
    ]);
    const a = deps(['enter', 'enter', 'enter', 'enter'], first, { save });
    await expect(runGroup(a.d, game(['Ana', 'Ben']))).rejects.toBeInstanceOf(Interrupted);
    // When the saved session is loaded and run again
    const saved = await loadSession(dir);
    if (!saved || 'problem' in saved) throw new Error('no saved session');
    expect([saved.phase, saved.index, saved.answers[1]![0]?.correct, saved.answers[1]![1]]).toEqual([
      'turns',
      1,
      true,
      null,
    ]);
    const second = scriptedAnswers([
      ['SerialNumber', 'TokenCode'],
      'AssumeRole',
      'sts:ExternalId',
      PAIR_RIGHT.api,
      PAIR_RIGHT.trust,
    ]);
    const b = deps(['enter', 'enter', 'enter', 'enter', 'enter'], second, { save });
    const end = await runGroup(b.d, saved);
    // Then Ben is asked first, and nobody answers a question twice
    expect(second.asked[0]).toBe('Ben, your answer (space selects, Enter confirms)');
    expect(standings(end).map((s) => [s.player, s.points])).toEqual([
      ['Ana', 45],
      ['Ben', 45],
    ]);
  });

  it('asks for 2–12 unique names until an empty one', async () => {
    const names = await askPlayers(scriptedPrompter(['Ana', ' Ben ', '']));
    expect(names).toEqual(['Ana', 'Ben']);
  });
});

describe('the session file', () => {
  it('round-trips the state and reports a missing or unreadable file', async () => {
    const dir = tempDir();
    expect(await loadSession(dir)).toBeUndefined();
    const state = game();
    await saveSession(dir, state);
    expect(await loadSession(dir)).toEqual(state);
    writeFileSync(sessionPath(dir), '{"version": 7}');
    expect(await loadSession(dir)).toEqual({ problem: 'it was written by another version of sts-trainer' });
    writeFileSync(sessionPath(dir), '{oops');
    expect(await loadSession(dir)).toEqual({ problem: 'it is not valid JSON' });
  });
});
