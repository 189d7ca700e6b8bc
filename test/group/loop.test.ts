import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Interrupted } from '../../src/errors.js';
import { shownChoices } from '../../src/group/entry.js';
import { askPlayers, runGroup, type GroupDeps } from '../../src/group/loop.js';
import { standings } from '../../src/group/scoring.js';
import { loadSession, saveSession, sessionPath } from '../../src/group/session-file.js';
import { begin, createGroup, type GroupState } from '../../src/group/state.js';
import type { Response } from '../../src/quiz/question.js';
import type { GroupInput, Live, Picked } from '../../src/ui/group-input.js';
import { scriptedPrompter } from '../../src/ui/scripted-prompter.js';
import { createTheme } from '../../src/ui/theme.js';
import { game, Q } from './fixtures.js';
import { positions, scriptedInput } from './scripted-input.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sts-group-'));
  dirs.push(d);
  return d;
};

const plain = createTheme({ color: false, plain: true, columns: 80 });

function deps(input: GroupInput, extra: Partial<GroupDeps> = {}) {
  let out = '';
  const saved: GroupState[] = [];
  const d: GroupDeps = {
    input,
    theme: plain,
    out: { write: (s: string) => (out += s) },
    now: () => 0,
    save: async (s) => void saved.push(s),
    countdown: () => ({ stop() {} }),
    clear: () => {},
    size: () => ({ columns: 80, rows: 200 }),
    ...extra,
  };
  return { d, saved, output: () => out };
}

/** The keys a player presses for `r` on question `q` of the fixtures (seed 1). */
const keys = (q: number, r: Response | null) => positions(shownChoices(Q[q]!, 1), r);
const PAIR_RIGHT = { api: 'AssumeRole', trust: 'sts:ExternalId' };
/** Enter on every screen of a 3-question game: start, reveal → scoreboard, scoreboard → next. */
const ENTERS = Array<string>(9).fill('enter');
/** A prompt that stays open until the timer closes it. */
const untilAborted = (live: Live | undefined) =>
  new Promise<never>((_, reject) =>
    live?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
  );

describe('the group loop', () => {
  it('plays hot-seat rounds, naming whose turn it is, and saves after every answer', async () => {
    // Given Ana and Ben; Ana answers everything right, Ben only the first
    const input = scriptedInput({
      keys: ENTERS,
      answers: [
        keys(0, 'AssumeRole'),
        keys(0, 'AssumeRole'),
        // question 2 starts at the next seat: Ben, then Ana (state.ts turnOf)
        keys(1, ['ExternalId']),
        keys(1, ['SerialNumber', 'TokenCode']),
        keys(2, PAIR_RIGHT),
        keys(2, { api: 'AssumeRoleWithSAML', trust: 'SAML:aud' }),
      ],
    });
    const { d, saved, output } = deps(input);
    // When the session runs
    const end = await runGroup(d, game(['Ana', 'Ben']));
    // Then both were asked in turn and the scores follow the streaks
    expect(input.asked.slice(1, 3)).toEqual(['Ana, your answer', 'Ben, your answer']);
    expect(end.phase).toBe('final');
    expect(standings(end).map((s) => [s.player, s.points])).toEqual([
      ['Ana', 45],
      ['Ben', 10],
    ]);
    expect(saved.filter((s) => s.phase === 'turns' || s.phase === 'reveal').length).toBeGreaterThanOrEqual(6);
    expect(output()).toContain('QUESTION 1 OF 3');
    expect(output()).toContain('Everyone got it');
    expect(output()).toContain('Got it: Ana');
    expect(input.left()).toBe(0);
  });

  it('Enter alone on every prompt reaches the end with no answers and no points', async () => {
    const input = scriptedInput({ keys: ENTERS, answers: Array<null>(9).fill(null) });
    const { d } = deps(input);
    const end = await runGroup(d, game());
    expect(end.phase).toBe('final');
    expect(end.answers.flat().every((a) => a?.response === null && !a.correct)).toBe(true);
    expect(standings(end).map((s) => s.points)).toEqual([0, 0, 0]);
  });

  it('shows the countdown and who has answered on lines of their own above each prompt', async () => {
    const lines: string[][] = [];
    const look = (pick: Picked) => async (live: Live | undefined) => {
      lines.push(live?.status?.() ?? []);
      return pick;
    };
    const input = scriptedInput({
      keys: ['enter', new Interrupted()],
      answers: [look(keys(0, 'AssumeRole')), look(keys(0, 'GetSessionToken'))],
    });
    const { d } = deps(input);
    await expect(runGroup(d, { ...game(['Ana', 'Ben']), timer: 20 })).rejects.toBeInstanceOf(Interrupted);
    expect(lines).toEqual([
      ['⏱ 0:20 left  Ctrl-P pause/resume · Ctrl-E +15 s', 'answered: Ana …  Ben …'],
      ['⏱ 0:20 left  Ctrl-P pause/resume · Ctrl-E +15 s', 'answered: Ana ●  Ben …'],
    ]);
  });

  it('lets the host toggle to entering everyone’s answers on one line', async () => {
    const sh = shownChoices(Q[0]!, 1);
    const n = (v: string) => (sh.kind === 'list' ? sh.items.indexOf(v) + 1 : 0);
    const input = scriptedInput({
      keys: ['m', 'enter', 'enter', new Interrupted()],
      lines: [`${n('AssumeRole')} ${n('GetSessionToken')} -`],
    });
    const { d, output } = deps(input);
    await expect(runGroup(d, game())).rejects.toBeInstanceOf(Interrupted);
    expect(input.asked[0]).toMatch(/\(hot-seat/);
    expect(input.asked[1]).toMatch(/\(host enters/);
    expect(input.asked[2]).toMatch(/^Answers for Ana, Ben, Chen \(in that order\)/);
    expect(output()).toContain('no answer: Chen');
  });

  it('on expiry counts whoever has not answered as wrong; Ctrl-P pauses the clock', async () => {
    // Given a 20 s timer on a clock the test moves, and Ben thinking too long
    let now = 0;
    let tick: () => void = () => {};
    let benLive: Live | undefined;
    const input = scriptedInput({
      keys: ['enter', new Interrupted()],
      answers: [
        keys(0, 'AssumeRole'),
        (live) => {
          benLive = live;
          return untilAborted(live);
        },
      ],
    });
    const { d, output } = deps(input, {
      now: () => now,
      countdown: (t) => {
        tick = t;
        return { stop() {} };
      },
    });
    const running = runGroup(d, { ...game(['Ana', 'Ben']), timer: 20 });
    await vi.waitFor(() => expect(benLive).toBeDefined());
    // When the host pauses at 5 s and the clock passes 20 s, nothing happens; resumed, it runs out
    now = 5_000;
    benLive!.onCtrl!('p');
    now = 60_000;
    tick();
    expect(benLive!.status!()[0]).toBe('⏸ paused · 0:15 left  Ctrl-P pause/resume · Ctrl-E +15 s');
    expect(output()).not.toContain('time is up');
    benLive!.onCtrl!('p');
    now = 76_000;
    tick();
    // Then Ben gets it wrong and the reveal says so
    await expect(running).rejects.toBeInstanceOf(Interrupted);
    expect(output()).toContain('time is up');
    expect(output()).toContain('no answer: Ben');
    expect(output()).toContain('Got it: Ana');
  });

  it('--speed: a faster right answer earns more (10 × (1 − t/T)), wrong ones nothing', async () => {
    // Given an untimed --speed game (T = 30 s) on a clock the test moves
    let now = 0;
    const after = (ms: number, pick: Picked) => async () => {
      now += ms;
      return pick;
    };
    const input = scriptedInput({
      keys: ['enter', 'enter', 'enter', new Interrupted()],
      answers: [
        after(3_000, keys(0, 'AssumeRole')), // 3 s of 30: +9
        after(15_000, keys(0, 'AssumeRole')), // 15 s: +5
        after(1_000, keys(0, 'GetSessionToken')), // wrong: nothing
      ],
    });
    const { d, saved, output } = deps(input, { now: () => now });
    const state = begin(createGroup({ questions: Q, seed: 1, speed: true }), ['Ana', 'Ben', 'Chen']);
    await expect(runGroup(d, state)).rejects.toBeInstanceOf(Interrupted);
    const last = saved.at(-1)!;
    expect(standings(last).map((s) => [s.player, s.points])).toEqual([
      ['Ana', 19],
      ['Ben', 15],
      ['Chen', 0],
    ]);
    expect(last.answers[0]!.map((a) => a?.ms)).toEqual([3_000, 15_000, 1_000]);
    expect(output()).toMatch(/Ana\s+\+19\s+19 pts {2}1st/);
  });

  it('shows a reveal taller than the terminal a page at a time', async () => {
    const input = scriptedInput({
      keys: ['enter', 'enter', 'enter', new Interrupted()],
      answers: [keys(0, 'AssumeRole'), keys(0, 'AssumeRole')],
    });
    const { d } = deps(input, { size: () => ({ columns: 80, rows: 8 }) });
    await expect(runGroup(d, game(['Ana', 'Ben']))).rejects.toBeInstanceOf(Interrupted);
    expect(input.asked.filter((m) => m.startsWith('page 1 of'))).toHaveLength(1);
  });

  it('resumes from the saved file exactly where Ctrl-C stopped it', async () => {
    const dir = tempDir();
    const save = (s: GroupState) => saveSession(dir, s);
    // Given Ctrl-C during Ana's turn on question 2 (which Ben, at the next seat, answered first)
    const first = scriptedInput({
      keys: ['enter', 'enter', 'enter', 'enter'],
      answers: [
        keys(0, 'AssumeRole'),
        keys(0, 'AssumeRole'),
        keys(1, ['SerialNumber', 'TokenCode']),
        new Interrupted(),
      ],
    });
    const a = deps(first, { save });
    await expect(runGroup(a.d, game(['Ana', 'Ben']))).rejects.toBeInstanceOf(Interrupted);
    // When the saved session is loaded and run again
    const saved = await loadSession(dir);
    if (!saved || 'problem' in saved) throw new Error('no saved session');
    expect([saved.phase, saved.index, saved.answers[1]![0], saved.answers[1]![1]?.correct]).toEqual([
      'turns',
      1,
      null,
      true,
    ]);
    const second = scriptedInput({
      keys: ['enter', 'enter', 'enter', 'enter', 'enter'],
      answers: [keys(1, ['SerialNumber', 'TokenCode']), keys(2, PAIR_RIGHT), keys(2, PAIR_RIGHT)],
    });
    const b = deps(second, { save });
    const end = await runGroup(b.d, saved);
    // Then Ana is asked first, and nobody answers a question twice
    expect(second.asked[0]).toBe('Ana, your answer');
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
