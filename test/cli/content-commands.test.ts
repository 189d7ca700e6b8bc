import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const FIX = join(ROOT, 'test/fixtures/content');

/** Runs `body` on a temporary pack holding the vendor fixture as `<id>.yaml`, renamed to `id` and edited. */
async function vendorPack(
  id: string,
  edit: (text: string) => string,
  body: (dir: string, file: string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-pack-'));
  try {
    const text = readFileSync(join(FIX, 'valid/scenarios/vendor-access.yaml'), 'utf8');
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, edit(text.replace('id: fixture-vendor-access', `id: ${id}`)));
    await body(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sts-trainer validate', () => {
  it('reports a bad file as file:line:col with a hint and exits 1', async () => {
    const r = await runCli(['validate', 'test/fixtures/content/bad/unknown-field.yaml'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'test/fixtures/content/bad/unknown-field.yaml:23:7: unknown field `trsut`\nhint: did you mean `trust`?\n',
    );
    expect(r.stdout).toMatch(/1 file \(1 invalid, 1 error, 0 warnings\); 0 engine checks/);
  });

  it('prints FORMAT.md’s JSON shape with --json', async () => {
    const r = await runCli(['validate', '--json', 'bad/duplicate-key.yaml', 'valid'], { cwd: FIX });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files', 'summary']);
    expect(out.files[0]).toMatchObject({
      file: 'bad/duplicate-key.yaml',
      kind: 'quiz',
      ok: false,
      errors: [{ line: 9, col: 5, message: 'duplicate key `answer`' }],
      checks: [],
    });
    expect(out.files[1]).toMatchObject({ file: 'valid/quizzes/vendor-quiz.yaml', kind: 'quiz', errors: [] });
    expect(out.files[2]).toMatchObject({ file: 'valid/scenarios/vendor-access.yaml', kind: 'scenario' });
    expect(out.summary).toMatchObject({ files: 3, invalid: 1, checks: 3 });
  });

  it('runs every step expect and what-if as a check, with line and col on failures', async () => {
    const r = await runCli(['validate', '--json', 'valid/scenarios/vendor-access.yaml'], { cwd: FIX });
    const file = JSON.parse(r.stdout).files[0];
    expect(file.checks.map((c: { id: string }) => c.id)).toEqual(['assume', 'expired', 'wrong-external-id']);
    for (const c of file.checks) {
      if (!c.ok)
        expect(c).toMatchObject({
          line: expect.any(Number),
          col: expect.any(Number),
          expected: expect.any(Object),
        });
    }
    expect(r.code).toBe(file.checks.every((c: { ok: boolean }) => c.ok) ? 0 : 1);
  });

  it('prints item statistics per file and for all files, and a warning with file:line for a giveaway', async () => {
    const r = await runCli(['validate', 'items/giveaway-quiz.yaml', 'valid'], { cwd: FIX });
    expect(r.stdout).toContain(
      'items/giveaway-quiz.yaml:13:13: warning: question `long-answer-first`: the right answer is 1.5x longer than every distractor',
    );
    expect(r.stdout).toContain(
      '  items/giveaway-quiz.yaml: 4 questions; answer strictly longest 25% (chance 29%); by position 2/1/1/0\n',
    );
    // valid/ adds three two-choice quiz items (answer first, never longest) and one checkpoint.
    expect(r.stdout).toContain(
      '  all files: 7 questions; answer strictly longest 14% (chance 38%); by position 5/1/1/0\n',
    );
    expect(r.stdout).toContain(
      '  all files: 1 checkpoint; answer strictly longest 100% (chance 50%); by position 1/0\n',
    );
    expect(r.code).toBe(0);
    const json = await runCli(['validate', '--json', 'items/giveaway-quiz.yaml'], { cwd: FIX });
    const out = JSON.parse(json.stdout);
    const expected = { items: 4, longest: 1, longestPercent: 25, chancePercent: 29, positions: [2, 1, 1, 0] };
    expect(out.files[0].items.questions).toEqual(expected);
    expect(out.summary.items.questions).toEqual(expected);
    expect(out.files[0].warnings).toContainEqual(
      expect.objectContaining({ line: 30, col: 7, message: expect.stringContaining('`multi-giveaway`') }),
    );
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await runCli(['validate', 'no/such/folder'], { cwd: FIX });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: cannot read `');
    expect(r.stderr).toContain('no such file or folder');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a folder with a linked or special *.yaml: checks the rest, names what it skipped, exits 2', async () => {
    // Given a valid pack whose folder also holds a link to a broken file and a FIFO
    const dir = mkdtempSync(join(tmpdir(), 'sts-skip-'));
    const pack = join(dir, 'pack');
    mkdirSync(pack);
    writeFileSync(join(pack, 'vendor.yaml'), readFileSync(join(FIX, 'valid/scenarios/vendor-access.yaml')));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\n');
    symlinkSync('../broken.yaml', join(pack, 'shared.yaml'));
    execFileSync('mkfifo', [join(pack, 'fifo.yaml')]);
    // When validated, as text and as JSON
    const text = await runCli(['validate', pack], { cwd: dir });
    const json = await runCli(['validate', '--json', pack], { cwd: dir });
    // Then the valid file passes, each skip is named, and CI sees exit 2 (the link is never read)
    expect(text.stdout).toContain(
      '1 file (0 invalid, 0 errors, 1 warning); 3 engine checks: 3 passed, 0 failed',
    );
    expect(text.stdout).toContain('not checked: 2 paths that could not be read (warnings above)');
    expect(text.stderr).toContain(
      `warning: cannot read \`${join(pack, 'shared.yaml')}\`: a symbolic link: links inside a content folder are not followed (name the file itself to check it): skipped`,
    );
    expect(text.stderr).toContain(
      `warning: cannot read \`${join(pack, 'fifo.yaml')}\`: not a regular file or a folder: skipped`,
    );
    expect(text.code).toBe(2);
    expect(JSON.parse(json.stdout).skipped).toEqual([
      { path: join(pack, 'fifo.yaml'), reason: 'not a regular file or a folder' },
      {
        path: join(pack, 'shared.yaml'),
        reason:
          'a symbolic link: links inside a content folder are not followed (name the file itself to check it)',
      },
    ]);
    expect(json.code).toBe(2);
    // Named itself, the linked file is checked (and fails)
    expect((await runCli(['validate', join(pack, 'shared.yaml')], { cwd: dir })).code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a file or folder whose name is not UTF-8 as such, not as missing', async () => {
    // Given a pack holding a file and a folder whose names have the byte 0xFF (Linux allows it)
    const dir = mkdtempSync(join(tmpdir(), 'sts-bytes-'));
    const named = (name: string) => Buffer.concat([Buffer.from(`${dir}/${name}`), Buffer.from([0xff])]);
    writeFileSync(Buffer.concat([named('bad'), Buffer.from('.yaml')]), 'id: x\n');
    mkdirSync(named('sub'));
    writeFileSync(Buffer.concat([named('sub'), Buffer.from('/q.yaml')]), 'id: y\n');
    // When the folder is validated, and the file named as the shell passes it
    const folder = await runCli(['validate', '--json', '.'], { cwd: dir });
    const file = await runCli(['validate', 'bad\uFFFD.yaml'], { cwd: dir });
    // Then each says the name is not UTF-8 (Node reads its bytes as U+FFFD), with no stack trace
    const NOT_UTF8 = 'the name is not valid UTF-8 (shown with U+FFFD)';
    const json = JSON.parse(folder.stdout);
    expect(json.files[0].errors[0].message).toContain(NOT_UTF8);
    expect(json.skipped[0].reason).toContain(NOT_UTF8);
    expect(file.stderr).toContain(NOT_UTF8);
    expect(file.stderr).not.toContain('no such file');
    expect([folder.code, file.code]).toEqual([1, 2]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('over the built-in content exits 0 with at least 150 engine checks', async () => {
    const r = await runCli(['validate', '--json'], { cwd: ROOT });
    const out = JSON.parse(r.stdout);
    const failures = out.files
      .filter((f: { ok: boolean }) => !f.ok)
      .map((f: { file: string; errors: unknown[]; checks: { ok: boolean }[] }) => ({
        file: f.file,
        errors: f.errors,
        failed: f.checks.filter((c) => !c.ok),
      }));
    expect(failures).toEqual([]);
    expect(out.summary.checks).toBeGreaterThanOrEqual(150);
    expect(r.code).toBe(0);
  });
});

describe('sts-trainer list', () => {
  it('prints PRODUCT.md’s --json shape including --content folders, skipping broken files with a warning', async () => {
    const r = await runCli(
      [
        'list',
        '--json',
        '--content',
        'test/fixtures/content/valid',
        '--content',
        'test/fixtures/content/mixed',
      ],
      { cwd: ROOT },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['scenarios', 'quizzes', 'topics']);
    expect(out.scenarios).toContainEqual({
      id: 'fixture-vendor-access',
      title: 'A vendor reads a report bucket',
      level: 'associate',
      topics: ['cross-account', 'external-id'],
      steps: 3,
      whatIfs: 1,
      file: 'test/fixtures/content/valid/scenarios/vendor-access.yaml',
    });
    expect(out.quizzes).toContainEqual({
      id: 'fixture-vendor-quiz',
      title: 'Vendor access',
      questions: 3,
      file: 'test/fixtures/content/valid/quizzes/vendor-quiz.yaml',
    });
    expect(out.topics).toContain('external-id');
    expect(r.stderr).toMatch(
      /^warning: skipped test\/fixtures\/content\/mixed\/broken\.yaml:6:5: unknown field `promt`$/m,
    );
  });

  it('skips a scenario whose world has an error, as validate reports it, in list, learn and call', async () => {
    // Given a pack scenario whose world starts before 1970: schema-valid, but the engine cannot use it
    const early = (t: string) => t.replace('start: 2026-01-15T09:00:00Z', 'start: 1960-01-15T09:00:00Z');
    await vendorPack('early-start', early, async (dir, file) => {
      const problem = `${file}:9:10: \`1960-01-15T09:00:00Z\` is not an ISO-8601 time from 1970 to 9999`;
      // When listed, Then it is skipped with validate's words
      const list = await runCli(['list', '--json', '--content', dir], { cwd: ROOT });
      expect(list.code).toBe(0);
      expect(list.stderr).toContain(`warning: skipped ${problem}`);
      expect(JSON.parse(list.stdout).scenarios.map((s: { id: string }) => s.id)).not.toContain('early-start');
      // and learn does not run it
      const learn = await runCli(['learn', 'early-start', '--content', dir, '--no-input'], { cwd: ROOT });
      expect(learn.code).toBe(2);
      expect(learn.stderr).toContain(`warning: skipped ${problem}`);
      // and says it is that file's scenario, not an unknown one (which would read as a typo)
      expect(learn.stderr).toContain(
        `error: scenario \`early-start\` is in \`${file}\`, which was skipped for its errors\nhint: run \`sts-trainer validate ${file}\``,
      );
      // and call refuses the file with the same problem
      const call = await runCli(['call', 'GetCallerIdentity', '--scenario', file, '--as', 'user/vera'], {
        cwd: ROOT,
      });
      // (invalid content: exit 1, not a usage error; the hint on a line of its own, not an escaped \n)
      expect(call.code).toBe(1);
      expect(call.stderr).toContain(`error: ${problem}\nhint: run \`sts-trainer validate ${file}\``);
      expect(call.stderr).not.toContain('\\n');
      // while validate reports it once, as before
      const validate = await runCli(['validate', file], { cwd: ROOT });
      expect(validate.code).toBe(1);
      expect(validate.stdout.split(problem).length - 1).toBe(1);
    });
  });

  it('names the skipped file when the scenario asked for is one the schema refused', async () => {
    const refused = (t: string) =>
      t.replace('- { Effect: Allow, Action: sts:AssumeRole', '- { Effect: Alow, Action: sts:AssumeRole');
    await vendorPack('refused-one', refused, async (dir, file) => {
      const learn = await runCli(['learn', 'refused-one', '--content', dir, '--no-input'], { cwd: ROOT });
      expect(learn.code).toBe(2);
      expect(learn.stderr).toContain(`error: scenario \`refused-one\` is in \`${file}\`, which was skipped`);
      const call = await runCli(
        ['call', 'GetCallerIdentity', '--scenario', 'refused-one', '--as', 'user/vera'],
        {
          cwd: ROOT,
          env: { STS_TRAINER_CONTENT: dir },
        },
      );
      expect(call.stderr).toContain(`error: scenario \`refused-one\` is in \`${file}\`, which was skipped`);
    });
  });

  it('takes STS_TRAINER_CONTENT and prints plain text without a TTY', async () => {
    const r = await runCli(['list', 'quizzes'], {
      cwd: ROOT,
      env: { STS_TRAINER_CONTENT: join(FIX, 'valid') },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+title\s+questions$/m);
    expect(r.stdout).toMatch(/^fixture-vendor-quiz\s+Vendor access\s+3$/m);
    expect(r.stdout).not.toMatch(/[┌─│]/);
  });

  it('exits 2 with a did-you-mean for an unknown list', async () => {
    const r = await runCli(['list', 'scenaros']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: cannot list `scenaros`: expected `scenarios`, `quizzes` or `topics`\nhint: did you mean `scenarios`?\n',
    );
  });
});

describe('sts-trainer schema', () => {
  it.each(['scenario', 'quiz'])('prints the JSON Schema of a %s', async (kind) => {
    const r = await runCli(['schema', kind]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      kind === 'scenario' ? ['id', 'title', 'world', 'steps'] : ['id', 'title', 'questions'],
    );
  });

  it('exits 2 for an unknown kind', async () => {
    const r = await runCli(['schema', 'quizz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: did you mean `quiz`?');
  });
});
