import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastMissed, toAttempt } from '../../src/quiz/attempt.js';
import { currentExam, EXAM_CODES, EXAMS, RETIRED, taskName } from '../../src/quiz/exams.js';
import { allocate, planMock, questionDomain, scoreMock } from '../../src/quiz/mock.js';
import { renderMockScore, renderResults } from '../../src/quiz/render.js';
import { clearExam, examPath, loadExam, restore, saveExam, toSaved } from '../../src/quiz/saved-exam.js';
import { answer, flag, results, startSession, submit } from '../../src/quiz/session.js';
import type { BankQuestion } from '../../src/quiz/question.js';
import { openProgress } from '../../src/store/progress-store.js';
import { createTheme } from '../../src/ui/theme.js';
import { builtIn } from './helpers.js';

/** A single-choice question whose answer is `a`. */
const single = (id: string, topics: string[], exam: string[] = []): BankQuestion => ({
  id,
  type: 'single',
  prompt: id,
  choices: ['a', 'b'],
  answer: 'a',
  refs: [],
  topics,
  exam,
  origin: 'authored',
});

const theme = createTheme({ color: false, plain: true, columns: 80 });
const dir = mkdtempSync(join(tmpdir(), 'sts-mock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mock exams', () => {
  it('splits the questions over the domains by weight, never more than a domain has', () => {
    const pools = [
      { id: '1', weight: 30, available: 100 },
      { id: '2', weight: 26, available: 100 },
      { id: '3', weight: 24, available: 3 },
      { id: '4', weight: 20, available: 100 },
    ];
    const got = allocate(65, pools);
    expect([...got.values()].reduce((a, b) => a + b, 0)).toBe(65);
    expect(got.get('3')).toBe(3);
    expect(got.get('1')! > got.get('2')! && got.get('2')! > got.get('4')!).toBe(true);
    expect(allocate(10, [{ id: '1', weight: 50, available: 4 }]).get('1')).toBe(4);
  });

  it('asks only questions tagged for the exam, timed at the real exam pace, and names the domains missing', async () => {
    const { bank } = await builtIn();
    const p = planMock(bank, 'SCS-C03', 7, 20);
    expect(p.questions).toHaveLength(20);
    // Every question asked is in a covered domain; the missing domains are those with no question.
    const asked = new Set(p.questions.map((q) => questionDomain(q, 'SCS-C03')));
    expect([...asked].every((d) => p.covered.some((c) => c.id === d))).toBe(true);
    expect(p.covered.map((d) => d.name)).toContain('Identity and Access Management');
    expect(p.missing.length).toBeGreaterThan(0);
    expect(p.missing.every((d) => !asked.has(d.id))).toBe(true);
    expect(p.covered.length + p.missing.length).toBe(6);
    expect(p.minutes).toBe(Math.round((170 / 65) * 20));
    expect(planMock(bank, 'SCS-C03', 7, 20).questions.map((q) => q.id)).toEqual(p.questions.map((q) => q.id));
  });

  it('scores per domain on a 100–1000 scale with the pass line labelled as an estimate', () => {
    const q = (id: string, exam: string) => single(id, [], [exam]);
    let s = startSession(
      [q('1', 'SAA-C03/1.1'), q('2', 'SAA-C03/1.2'), q('3', 'SAA-C03/2.1'), q('4', 'SCS-C03/4.1')],
      'exam',
    );
    for (const a of ['a', 'b', 'a', 'a']) s = answer(s, a).state;
    const m = scoreMock('SAA-C03', results(submit(s)));
    expect(m.domains.map((d) => [d.name, d.asked, d.correct, d.scaled])).toEqual([
      ['Design Secure Architectures', 2, 1, 550],
      ['Design Resilient Architectures', 1, 1, 1000],
    ]);
    expect(m.scaled).toBe(Math.round((550 * 30 + 1000 * 26) / 56));
    expect(m.passing).toBe(EXAMS['SAA-C03'].passing);
    const text = renderMockScore(theme, m);
    expect(text).toContain('1. Design Secure Architectures (30%)');
    expect(text).toContain('an estimate');
    expect(text).toContain('pass line of 720');
  });

  it('names task statements instead of bare codes', () => {
    expect(taskName('SCS-C03/4.1')).toBe(
      'SCS-C03 4.1 Design, implement, and troubleshoot authentication strategies',
    );
    expect(taskName('XYZ/1.1')).toBe('XYZ/1.1');
    // a retired version's tag is not an exam's any more: shown as written, and no mock counts it
    expect(taskName('SCS-C02/4.1')).toBe('SCS-C02/4.1');
    expect(questionDomain(single('r', [], ['SCS-C02/4.1']), 'SCS-C03')).toBeUndefined();
  });

  it('maps a retired exam version to the one that replaced it', () => {
    expect(currentExam('SCS-C03')).toBe('SCS-C03');
    expect(currentExam('SCS-C02')).toBe('SCS-C03');
    expect(currentExam('DVA-C02')).toBe('DVA-C03');
    expect(currentExam('SAA-C02')).toBeUndefined();
    expect(currentExam('toString')).toBeUndefined();
    // every successor is a current exam, and no current exam is listed as retired
    for (const [code, r] of Object.entries(RETIRED)) {
      expect(EXAM_CODES).toContain(r.successor);
      expect(EXAM_CODES).not.toContain(code);
    }
  });

  it('names every task statement the built-in questions are tagged with', async () => {
    const { bank } = await builtIn();
    const tags = new Set(bank.questions.flatMap((q) => q.exam));
    const unnamed = [...tags].filter((tag) => taskName(tag) === tag);
    expect(tags.size).toBeGreaterThan(5);
    expect(unnamed).toEqual([]);
  });
});

describe('a saved exam', () => {
  const q = (id: string) => single(id, ['t']);
  it('keeps the answers, flags, position and time left; resumes with the clock restarted', async () => {
    let s = startSession([q('x'), q('y')], 'exam', { timeLimitMinutes: 2, now: 1_000 });
    s = flag(answer(s, 'b').state, 0);
    await saveExam(dir, toSaved(s, 42, 31_000, 'SAA-C03'));
    const saved = await loadExam(dir);
    expect(saved).toMatchObject({ seed: 42, mock: 'SAA-C03', index: 1, remainingMs: 90_000 });
    const back = restore(saved as never, [q('x'), q('y')], 500_000);
    expect(back).toMatchObject({
      index: 1,
      responses: ['b', undefined],
      flagged: [true, false],
      deadline: 590_000,
    });
    await clearExam(dir);
    expect(await loadExam(dir)).toBeUndefined();
  });

  it('refuses a damaged file with a reason', async () => {
    writeFileSync(
      examPath(dir),
      '{"version":1,"seed":1,"questionIds":["x"],"responses":[],"flagged":[],"index":0}',
    );
    expect(await loadExam(dir)).toEqual({ problem: expect.stringContaining('incomplete') });
    writeFileSync(examPath(dir), 'nope');
    expect(await loadExam(dir)).toEqual({ problem: 'it is not valid JSON' });
    await clearExam(dir);
  });

  it('goes on with the successor of a retired exam version, and refuses an exam it does not know', async () => {
    const file = (mock: unknown) =>
      JSON.stringify({
        version: 1,
        seed: 1,
        mock,
        questionIds: ['x'],
        responses: [null],
        flagged: [false],
        index: 0,
      });
    writeFileSync(examPath(dir), file('SCS-C02'));
    expect(await loadExam(dir)).toMatchObject({ mock: 'SCS-C03' });
    writeFileSync(examPath(dir), file('DVA-C03'));
    expect(await loadExam(dir)).toMatchObject({ mock: 'DVA-C03' });
    for (const bad of ['ABC-C01', 7, '__proto__']) {
      writeFileSync(examPath(dir), file(bad));
      expect(await loadExam(dir)).toEqual({ problem: expect.stringContaining('incomplete') });
    }
    await clearExam(dir);
  });
});

describe('the history of attempts', () => {
  it('is stored with the score per topic and the questions missed (for --missed)', async () => {
    const store = openProgress(join(dir, 'h'), () => {});
    const qq = single;
    let s = startSession([qq('q1', ['mfa']), qq('q2', ['mfa', 'saml'])], 'practice');
    s = answer(answer(s, 'a').state, 'b').state;
    const at = new Date('2026-01-01T10:00:00Z');
    await store.recordAttempt(toAttempt(results(s), 'practice', at));
    const data = await store.read();
    expect(data.attempts).toEqual([
      {
        at: at.toISOString(),
        mode: 'practice',
        total: 2,
        answered: 2,
        correct: 1,
        topics: { saml: { asked: 1, correct: 0 }, mfa: { asked: 2, correct: 1 } },
        missed: ['q2'],
      },
    ]);
    expect(lastMissed(data.attempts).ids).toEqual(['q2']);
    expect(lastMissed(undefined).ids).toEqual([]);
    expect(renderResults(theme, results(s))).toContain('Score: 1 of 2');
  });
});
