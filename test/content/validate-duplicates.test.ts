/**
 * A file whose id an earlier file has: validate checks most files in full as soon as they are read,
 * before it knows every id, and must still report a duplicate exactly as if it had known: the error
 * after the file's own problems, a quiz's other problems kept, a scenario with no engine checks.
 * On 1 and 2 threads (the second thread is a worker; the files go to whichever thread is free).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/content/cross-check.js';
import type { ValidationReport } from '../../src/content/validate-plan.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = readFileSync(join(ROOT, 'test/fixtures/content/valid/scenarios/vendor-access.yaml'), 'utf8');
let dir: string;

/** A quiz `id` with a wrong answer (an error) and a question without `explain` (a warning). */
const quiz = (id: string, naming?: string) =>
  [
    `id: ${id}`,
    'title: T',
    'questions:',
    '  - id: one',
    '    type: single',
    ...(naming ? [`    scenario: ${naming}`] : []),
    '    prompt: Which call?',
    '    choices: [AssumeRole, GetSessionToken]',
    '    answer: AssumeRol',
  ].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sts-dup-'));
  writeFileSync(join(dir, 'a-scenario.yaml'), SCENARIO);
  // the same id, an `expect` the engine does not meet, and a step without narrate or explain
  const broken = SCENARIO.replace('outcome: success', 'outcome: error')
    .replace("    narrate: Vera asks for the customer's role.\n", '')
    .replace(/^ {4}explain: The trust policy .*\n/m, '');
  writeFileSync(join(dir, 'b-scenario-same-id.yaml'), broken);
  writeFileSync(join(dir, 'c-scenario-other-id.yaml'), broken.replace(/^id: .*$/m, 'id: other-id'));
  writeFileSync(join(dir, 'd-quiz.yaml'), quiz('q'));
  writeFileSync(join(dir, 'e-quiz-same-id.yaml'), quiz('q'));
  writeFileSync(join(dir, 'f-quiz-naming.yaml'), quiz('n', 'fixture-vendor-access'));
  writeFileSync(join(dir, 'g-quiz-naming-same-id.yaml'), quiz('n', 'no-such-scenario'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = [
  'a-scenario.yaml',
  'b-scenario-same-id.yaml',
  'c-scenario-other-id.yaml',
  'd-quiz.yaml',
  'e-quiz-same-id.yaml',
  'f-quiz-naming.yaml',
  'g-quiz-naming-same-id.yaml',
];

const messages = (report: ValidationReport, i: number) => ({
  errors: report.files[i]!.parsed.errors.map((e) => e.message.split(':')[0]),
  warnings: report.files[i]!.parsed.warnings.map((w) => w.message.split(':')[0]),
  checks: report.files[i]!.checks.map((c) => c.ok),
});

describe('duplicate ids in validate', () => {
  it('report the duplicate after the file’s own problems, as if every id were known first', () => {
    const report = validateFiles(
      names.map((n) => join(dir, n)),
      [],
      dir,
    );
    // the scenario without a duplicate: its failed check, its warnings (the last from item statistics)
    const warnings = [
      'step `assume` has no `narrate` or `explain` for learners',
      'checkpoint of step `assume`',
    ];
    expect(messages(report, 2)).toEqual({ errors: [], warnings, checks: [false, true, true] });
    // with a duplicate: the error, the same warnings, no engine checks
    expect(messages(report, 1)).toEqual({
      errors: ['duplicate scenario id `fixture-vendor-access`'],
      warnings,
      checks: [],
    });
    // a quiz keeps its own problems, after the duplicate error; so does one naming a scenario
    expect(messages(report, 4)).toEqual({
      errors: ['duplicate quiz id `q`', 'answer `AssumeRol` is not one of the choices'],
      warnings: ['question `one` has no `explain`'],
      checks: [],
    });
    expect(messages(report, 6)).toEqual({
      errors: [
        'duplicate quiz id `n`',
        'unknown scenario `no-such-scenario`',
        'answer `AssumeRol` is not one of the choices',
      ],
      warnings: ['question `one` has no `explain`'],
      checks: [],
    });
    expect(report.files.map((f) => f.ok)).toEqual([true, false, false, false, false, false, false]);
  });

  it('prints the same report on 1 and 2 threads', async () => {
    const run = (threads: number) =>
      runCli(['validate', '--json', dir], {
        cwd: dir,
        env: { STS_TRAINER_VALIDATE_THREADS: String(threads) },
      });
    const [one, two] = await Promise.all([run(1), run(2)]);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('duplicate quiz id `n`');
    expect(two.stdout).toBe(one.stdout);
  });
});
