/**
 * A tampered `group-session.json` is refused before the game loop sees it: one message, exit 2, the
 * file left in place. Before, `"phase":"bogus"` made `group --resume` spin at 100% CPU past Ctrl-C, and a
 * bad index or answers table crashed with "internal error".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSession } from '../../src/group/session-file.js';
import { begin, createGroup } from '../../src/group/state.js';
import type { BankQuestion } from '../../src/quiz/question.js';
import { BIN } from '../helpers/run-cli.js';
import { hasTmux, startTmux } from '../helpers/tmux.js';

const q = (id: string): BankQuestion => ({
  id,
  type: 'single',
  prompt: `Question ${id}?`,
  choices: ['a', 'b'],
  answer: 'a',
  refs: [],
  topics: [],
  exam: [],
  origin: 'authored',
});
const good = begin(createGroup({ questions: [q('one'), q('two')], seed: 4 }), ['Ana', 'Ben']);
const tampered = (change: Record<string, unknown>) => JSON.stringify({ ...good, ...change });

describe('the group resume file is checked before it is used', () => {
  it('accepts a session the game wrote', () => {
    expect(parseSession(JSON.stringify(good))).toEqual(good);
  });

  it("shows a name's escape sequence escaped (the screen's sanitizer keeps colours)", () => {
    // Given a saved name with black-on-black colour, When the file is read, Then the name is text
    const s = parseSession(JSON.stringify({ ...good, players: ['Ana\u001b[30;40m', 'Ben'] }));
    expect(typeof s === 'string' ? s : s.players).toStrictEqual(['Ana\\e[30;40m', 'Ben']);
  });

  it.each([
    ['an unknown phase', { phase: 'bogus' }, /`phase`/],
    ['an index past the questions', { index: 99 }, /`index`: must be from 0 to 1/],
    ['a negative index', { index: -1 }, /`index`/],
    ['a fractional index', { index: 0.5 }, /`index`/],
    ['no questions', { questions: [] }, /`questions`/],
    ['null questions', { questions: null }, /`questions`/],
    ['one player', { players: ['Ana'] }, /`players`/],
    ['13 players', { players: Array.from({ length: 13 }, (_, i) => `P${i}`) }, /`players`/],
    ['an empty player name', { players: ['Ana', ' '] }, /`players.1`/],
    ['an answers table of the wrong shape', { answers: [[null, null]] }, /`answers`/],
    [
      'an answer that is not an answer',
      {
        answers: [
          [{ response: 'a' }, null],
          [null, null],
        ],
      },
      /`answers.0.0/,
    ],
  ])('refuses %s', (_what, change, problem) => {
    const r = parseSession(tampered(change));
    expect(typeof r).toBe('string');
    expect(r).toMatch(/^it is damaged: /);
    expect(r).toMatch(problem);
  });
});

const home = mkdtempSync(join(tmpdir(), 'sts-group-file-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe.skipIf(!hasTmux)('group --resume with a tampered file, in a terminal', () => {
  it('says why in one message and exits 2, leaving the file in place', async () => {
    mkdirSync(home, { recursive: true });
    const file = join(home, 'group-session.json');
    const text = tampered({ phase: 'bogus' });
    writeFileSync(file, text);
    const tty = startTmux({
      name: 'group-bogus',
      cols: 100,
      rows: 30,
      command: [process.execPath, BIN, 'group', '--resume'],
      env: { STS_TRAINER_HOME: home, NO_COLOR: '1', CI: '' },
    });
    const end = await tty.waitFor((t) => t.includes('EXIT='), 'the exit');
    expect(end).toContain('the saved group session cannot be resumed: it is damaged: `phase`');
    expect(end).toContain('EXIT=2');
    expect(end).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
