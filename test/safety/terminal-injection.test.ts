/**
 * A stranger's content pack must not reach the terminal raw: every command that shows content
 * text, file names or arguments escapes control characters, escape sequences and bidi overrides
 * (ui/sanitize.ts). Run through the real binary with no TTY.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const PACK = 'test/fixtures/hostile/terminal';
const home = mkdtempSync(join(tmpdir(), 'sts-hostile-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Any character a terminal would act on instead of showing. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TITLE = 'Harmless\\e]0;PWNED\\a\\e]52;c;ZWNobyBwd25lZA==\\a';

const run = (args: string[]) =>
  runCli(['--content', PACK, ...args], { cwd: ROOT, env: { STS_TRAINER_HOME: home } });

function expectNothingRaw(r: { stdout: string; stderr: string }) {
  expect(r.stdout).not.toMatch(RAW);
  expect(r.stderr).not.toMatch(RAW);
}

describe('hostile content pack', () => {
  it('list shows the titles escaped', async () => {
    const r = await run(['list']);
    expect(r.code).toBe(0);
    expectNothingRaw(r);
    expect(r.stdout).toContain(TITLE);
    expect(r.stdout).toContain('Vendor\\e]0;PWNED\\a access');
  });

  it('list --json gives the text escaped as a terminal shows it (the pack is escaped as it loads)', async () => {
    const r = await run(['list', '--json']);
    const quiz = JSON.parse(r.stdout).quizzes.find((q: { id: string }) => q.id === 'hostile-quiz');
    expect(quiz.title).toBe('Harmless\\e]0;PWNED\\a\\e]52;c;ZWNobyBwd25lZA==\\a');
    expectNothingRaw(r);
  });

  it('quiz --print escapes prompts, choices and explanations in the worksheet and key', async () => {
    const r = await run([
      'quiz',
      '--print',
      '--scenario',
      'hostile-scenario',
      '--count',
      '50',
      '--seed',
      '1',
    ]);
    expect(r.code).toBe(0);
    expectNothingRaw(r);
    const quiz = await run(['quiz', '--print', '--topic', 'cross-account', '--count', '500', '--seed', '1']);
    expectNothingRaw(quiz);
    expect(quiz.stdout).toContain('Which call?\\e[2J\\e[H');
    expect(quiz.stdout).toContain('AssumeRole\\u202e)sdrawkcab(');
  });

  it('learn --no-input prints a handout with every field escaped', async () => {
    const r = await run(['learn', 'hostile-scenario', '--no-input']);
    expect(r.code).toBe(0);
    expectNothingRaw(r);
    expect(r.stdout).toContain('Vera asks\\e]0;PWNED\\a for the role.');
    expect(r.stdout).toContain('Trust\\e]52;c;ZWNobyBwd25lZA==\\a nothing');
    expect(r.stdout).toContain('The external ID\\u202e matches.');
  });

  it('validate warns about each such field at file:line:col, and shows engine messages escaped', async () => {
    const r = await runCli(['validate', PACK], { cwd: ROOT });
    expectNothingRaw(r);
    expect(r.stdout).toContain(
      `${PACK}/hostile-quiz.yaml:5:8: warning: \`title\` contains a control character, escape sequence, bidi override or invisible character (\`Harmless\\e]0;PWNED\\a\\e]52;c\`)`,
    );
    expect(r.stdout).toContain(`${PACK}/hostile-scenario.yaml:33:14: warning: \`steps.0.narrate\``);
    expect(r.stdout).toContain(`${PACK}/hostile-quiz.yaml:11:15: warning: \`questions.0.choices.0\``);
    expect(r.stdout).toMatch(/2 files \(0 invalid, 0 errors, 14 warnings\); 2 engine checks: 2 passed/);
    expect(r.code).toBe(0);
    const json = JSON.parse((await runCli(['validate', '--json', PACK], { cwd: ROOT })).stdout);
    expect(json.files[0].warnings[0]).toMatchObject({ line: 5, col: 8 });
  });

  it('a did-you-mean error escapes the argument it repeats', async () => {
    const r = await run(['learn', 'hostile-scenari\u001b]0;PWNED\u0007']);
    expect(r.code).toBe(2);
    expectNothingRaw(r);
    expect(r.stderr).toContain('hostile-scenari\\e]0;PWNED\\a');
  });

  it('a path with an invisible character (U+200C, ordinary in Persian) is used as typed, shown escaped', async () => {
    // Given a pack folder and a data folder whose names hold a zero-width non-joiner
    const dir = mkdtempSync(join(tmpdir(), 'sts-zwnj-'));
    const pack = join(dir, 'pa\u200cck');
    mkdirSync(pack);
    copyFileSync(
      join(ROOT, 'test/fixtures/content/valid/scenarios/vendor-access.yaml'),
      join(pack, 'v.yaml'),
    );
    // When validated, and when a quiz answer is saved in the data folder
    const v = await runCli(['validate', pack], { cwd: ROOT });
    const data = join(dir, 'da\u200cta');
    const missing = await runCli(['validate', join(dir, 'no\u200cpe')], { cwd: ROOT });
    const progress = await runCli(['--data-dir', data, 'progress'], { cwd: ROOT });
    // Then the folders are found under their own names, and a message shows the character escaped
    expect(v.code).toBe(0);
    expect(missing.stderr).toContain('no\\u200cpe');
    expectNothingRaw(missing);
    expect(progress.stdout).toContain(`kept in ${join(dir, 'da\\u200cta', 'progress.json')}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown option or command escapes what was typed', async () => {
    const r = await run(['lis\u001b]0;PWNED\u0007']);
    expect(r.code).toBe(2);
    expectNothingRaw(r);
    expect(r.stderr).toContain('lis\\e]0;PWNED\\a');
  });

  it('a warning about a broken file escapes its file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-hostile-name-'));
    try {
      writeFileSync(join(dir, 'bad\u001b]0;PWNED\u0007.yaml'), 'id: x\ntitle: [\n');
      const r = await runCli(['--content', dir, 'list'], { cwd: ROOT, env: { STS_TRAINER_HOME: home } });
      expectNothingRaw(r);
      expect(r.stderr).toContain('bad\\e]0;PWNED\\a.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps each validate line one line, whatever newlines a file's values or name carry", async () => {
    // Given a value and a file name with a newline that starts a CI log command, When validated,
    // Then no output line starts with it: the newline shows as \n
    const dir = mkdtempSync(join(tmpdir(), 'sts-hostile-lines-'));
    try {
      writeFileSync(
        join(dir, 'ci.yaml'),
        'id: ci\ntitle: CI\nquestions:\n  - { id: q, type: single, prompt: p, choices: [a, b], ' +
          'answer: "x\\n::error file=README.md::Malicious pack\\n1 file (0 invalid)" }\n',
      );
      writeFileSync(join(dir, 'name\n::warning::x.yaml'), 'id: n\ntitle: [\n');
      const r = await runCli(['validate', dir], { cwd: ROOT });
      expect(r.code).toBe(1);
      const lines = `${r.stdout}\n${r.stderr}`.split('\n');
      expect(lines.filter((l) => l.startsWith('::'))).toStrictEqual([]);
      expect(r.stdout).toContain('x\\n::error file=README.md::Malicious pack\\n1 file (0 invalid)');
      expect(r.stdout).toContain('name\\n::warning::x.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an error about an argument with a newline stays on one line', async () => {
    const r = await run(['learn', 'x\n::error::fake']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toStrictEqual([]);
    expect(r.stderr).toContain('x\\n::error::fake');
  });
});
