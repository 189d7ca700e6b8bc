import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProgress } from '../../src/store/progress-store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const home = tempDirs('sts-quiz-cli-');

describe('quiz without a terminal', () => {
  it('says in one line that it needs a terminal and that --print makes a worksheet, exit 2', async () => {
    const r = await runCli(['quiz'], { env: { STS_TRAINER_HOME: home() } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('terminal');
    expect(r.stderr).toContain('--print');
    expect(r.stdout).toBe('');
  });

  it('--print --seed prints the same worksheet and answer key every time', async () => {
    const env = { STS_TRAINER_HOME: home() };
    const [a, b, c] = await Promise.all([
      runCli(['quiz', '--print', '--seed', '7', '--count', '12'], { env }),
      runCli(['quiz', '--print', '--seed', '7', '--count', '12'], { env }),
      runCli(['quiz', '--print', '--seed', '8', '--count', '12'], { env }),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(a.stdout).toContain('Answer key');
    expect(a.stdout).toMatch(/^12\. /m);
    expect(a.stdout).toContain('sts-trainer quiz --print --seed 7 --count 12');
    expect(a.stdout).not.toContain('\u001b['); // plain text
  });

  it('--print gives each question one instruction: an author’s “(Choose two.)” is not followed by another', async () => {
    const r = await runCli(['quiz', '--print', '--seed', '5', '--count', '1000'], {
      env: { STS_TRAINER_HOME: home() },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(Choose two.)');
    expect(r.stdout).not.toMatch(/\(Choose [^)]*\)\n\s+\(Choose all that apply\.\)/);
    expect(r.stdout).toContain('(Choose one.)');
  });

  it('rejects an unknown scenario or topic with a did-you-mean, exit 2', async () => {
    const s = await runCli(['quiz', '--print', '--scenario', 'eks-irs']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('did you mean `eks-irsa`?');
    const t = await runCli(['quiz', '--print', '--topic', 'sam']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('did you mean `saml`?');
  });

  it('--time-limit without --mode exam is a usage error', async () => {
    const r = await runCli(['quiz', '--print', '--time-limit', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mode exam');
  });
});

describe('progress and review without a terminal', () => {
  it('progress --json has PRODUCT.md’s shape', async () => {
    const dir = home();
    const store = openProgress(dir, () => {});
    await store.recordAnswer({
      questionId: 'mfa/q1',
      correct: true,
      at: new Date().toISOString(),
      topics: ['mfa'],
      source: 'quiz',
    });
    await store.saveScenario('eks-irsa', { completed: true });
    const r = await runCli(['progress', '--json'], { env: { STS_TRAINER_HOME: dir } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      answered: 1,
      correct: 1,
      due: 0,
      scenariosCompleted: ['eks-irsa'],
      topics: { mfa: { answered: 1, correct: 1 } },
    });
  });

  it('progress and the learn handout only read: they neither need nor create the data folder', async () => {
    const dir = join(home(), 'not-yet');
    const r = await runCli(['progress', '--json'], { env: { STS_TRAINER_HOME: dir } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ answered: 0 });
    const handout = await runCli(['learn', 'eks-irsa'], { env: { STS_TRAINER_HOME: dir } });
    expect(handout.code).toBe(0);
    expect(existsSync(dir)).toBe(false);
    // a data folder that is a file is still refused
    const file = join(home(), 'a-file');
    writeFileSync(file, '');
    const bad = await runCli(['progress'], { env: { STS_TRAINER_HOME: file } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is a file');
  });

  it('progress --reset needs --yes without a terminal; with it, progress is gone', async () => {
    const dir = home();
    const store = openProgress(dir, () => {});
    await store.saveScenario('eks-irsa', { completed: true });
    const no = await runCli(['progress', '--reset'], { env: { STS_TRAINER_HOME: dir } });
    expect(no.code).toBe(2);
    expect(no.stderr).toContain('--yes');
    expect((await store.read()).scenarios).not.toEqual({});
    const yes = await runCli(['progress', '--reset', '--yes'], { env: { STS_TRAINER_HOME: dir } });
    expect(yes.code).toBe(0);
    expect((await store.read()).scenarios).toEqual({});
  });

  it('review with nothing due says so and when the next one is due, exit 0', async () => {
    const dir = home();
    const empty = await runCli(['review'], { env: { STS_TRAINER_HOME: dir } });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('nothing to review yet');
    await openProgress(dir, () => {}).recordAnswer({
      questionId: 'mfa/q1',
      correct: false,
      at: new Date().toISOString(),
      topics: ['mfa'],
      source: 'quiz',
    });
    const later = await runCli(['review'], { env: { STS_TRAINER_HOME: dir } });
    expect(later.code).toBe(0);
    // a miss comes back after a 10-minute learning step (the next day only just before midnight UTC)
    expect(later.stdout).toMatch(
      /next question is due (today \(\d\d:\d\d UTC\)|\d{4}-\d{2}-\d{2} \(tomorrow\))/,
    );
  });

  it('review with questions due but no terminal exits 2', async () => {
    const dir = home();
    await openProgress(dir, () => {}).recordAnswer({
      questionId: 'mfa/q1',
      correct: false,
      at: '2020-01-01T00:00:00Z',
      topics: ['mfa'],
      source: 'quiz',
    });
    const r = await runCli(['review'], { env: { STS_TRAINER_HOME: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 question is due');
  });

  it('a corrupt progress file is moved aside with a warning, not a crash', async () => {
    const dir = home();
    const { writeFileSync, readdirSync } = await import('node:fs');
    writeFileSync(join(dir, 'progress.json'), '{ nope');
    const r = await runCli(['progress', '--json'], { env: { STS_TRAINER_HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: progress file `.*progress\.json` could not be read .* moved it to `.*corrupt-.*`/,
    );
    expect(readdirSync(dir).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });
});

describe('quiz options and the history', () => {
  it('rejects an unknown mock exam and options that do not go together, exit 2', async () => {
    const env = { STS_TRAINER_HOME: home() };
    const [unknown, retired, both, scoped, resume] = await Promise.all([
      runCli(['quiz', '--mock', 'ABC-C01'], { env }),
      runCli(['quiz', '--mock', 'SCS-C02'], { env }),
      runCli(['quiz', '--mock', 'SAA-C03', '--missed'], { env }),
      runCli(['quiz', '--mock', 'SAA-C03', '--topic', 'mfa'], { env }),
      runCli(['quiz', '--resume', '--count', '3'], { env }),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are SAA-C03, SCS-C03, DVA-C03.');
    // a version AWS no longer gives: the one that replaced it, on one line
    expect(retired.code).toBe(2);
    expect(retired.stderr).toBe(
      "error: option '--mock <exam>' argument 'SCS-C02' is invalid. AWS retired SCS-C02 after 2025-12-01: its successor is SCS-C03 (--mock SCS-C03).\n",
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be combined');
    expect(scoped.code).toBe(2);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain('continues the saved exam as it was');
  });

  it('progress --history lists each session with its mode, score and topics; progress draws a trend', async () => {
    const dir = home();
    const store = openProgress(dir, () => {});
    const attempt = (at: string, correct: number, mode: 'exam' | 'practice') => ({
      at,
      mode,
      total: 4,
      answered: 4,
      correct,
      topics: { mfa: { asked: 4, correct } },
      missed: [],
    });
    await store.recordAnswer({
      questionId: 'q',
      correct: true,
      at: '2026-01-01T10:00:00Z',
      topics: ['mfa'],
      source: 'quiz',
    });
    await store.recordAttempt(attempt('2026-01-01T10:00:00.000Z', 0, 'practice'));
    await store.recordAttempt(attempt('2026-01-02T10:00:00.000Z', 2, 'exam'));
    await store.recordAttempt({
      ...attempt('2026-01-03T10:00:00.000Z', 4, 'exam'),
      mode: 'mock',
      mock: 'SCS-C02',
    });
    const env = { STS_TRAINER_HOME: dir };
    const [h, j, p] = await Promise.all([
      runCli(['progress', '--history'], { env }),
      runCli(['progress', '--history', '--json'], { env }),
      runCli(['progress'], { env }),
    ]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/2026-01-02 10:00\s+exam\s+2\/4 \(50%\)/);
    expect(h.stdout).toMatch(/2026-01-03 10:00\s+mock SCS-C02\s+4\/4 \(100%\)/);
    expect(h.stdout).toContain('mfa 2/4');
    expect(JSON.parse(j.stdout).map((r: { mode: string }) => r.mode)).toEqual([
      'practice',
      'exam',
      'mock SCS-C02',
    ]);
    // none right, half, all: the lowest, the middle and the highest bar
    expect(p.stdout).toMatch(/mfa .*▁▅█/);
  });
});
