/**
 * Content that cannot pass for the wrong reason (README "Writing content"): `expect.deniedAt` pins the
 * check that decided a failure, and a what-if must change its base step's outcome or error code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkQuiz, checkScenario, verifyScenario } from '../../src/content/check.js';
import { parseContent } from '../../src/content/parse.js';

const BASE = readFileSync(
  new URL('../fixtures/content/valid/scenarios/vendor-access.yaml', import.meta.url),
  'utf8',
);

function check(text: string) {
  const parsed = parseContent(text, 'scenario.yaml');
  const checks = verifyScenario(parsed);
  return { checks, errors: parsed.errors.map((e) => e.message) };
}

describe('expect.deniedAt', () => {
  it('passes when the named check decided the failure', () => {
    // Given a what-if that fails on the trust policy's ExternalId condition
    const text = BASE.replace(
      'expect: { outcome: error, code: AccessDenied }',
      'expect: { outcome: error, code: AccessDenied, deniedAt: authorize.sts:AssumeRole }',
    );
    // Then the check passes
    const { checks, errors } = check(text);
    expect(errors).toEqual([]);
    expect(checks.find((c) => c.id === 'wrong-external-id')).toMatchObject({ ok: true, mismatches: [] });
  });

  it('fails, naming the deciding check, when another check decided', () => {
    const text = BASE.replace(
      'expect: { outcome: error, code: AccessDenied }',
      'expect: { outcome: error, code: AccessDenied, deniedAt: param.RoleSessionName }',
    );
    const wrong = check(text).checks.find((c) => c.id === 'wrong-external-id');
    expect(wrong?.ok).toBe(false);
    expect(wrong?.mismatches).toEqual([
      { field: 'deniedAt', expected: 'param.RoleSessionName', actual: 'authorize.sts:AssumeRole' },
    ]);
  });

  it('a successful call has no deciding check', () => {
    const text = BASE.replace(
      'arn: arn:aws:sts::222222222222:assumed-role/VendorRead/vera',
      'arn: arn:aws:sts::222222222222:assumed-role/VendorRead/vera\n      deniedAt: authorize.sts:AssumeRole',
    );
    const assume = check(text).checks.find((c) => c.id === 'assume');
    expect(assume?.mismatches).toEqual([
      { field: 'deniedAt', expected: 'authorize.sts:AssumeRole', actual: undefined },
    ]);
  });
});

describe('a what-if must change what happens', () => {
  it('accepts a what-if whose outcome differs from its step', () => {
    expect(check(BASE).errors).toEqual([]);
  });

  it('reports a what-if that ends like its base step', () => {
    // Given a what-if whose change still lets the vendor in
    const text = BASE.replace(
      'change: { params: { ExternalId: not-it } }',
      'change: { params: { RoleSessionName: vera-2 } }',
    ).replace('expect: { outcome: error, code: AccessDenied }', 'expect: { outcome: success }');
    // Then validate reports it, even though its own expectation holds
    const { checks, errors } = check(text);
    expect(checks.find((c) => c.id === 'wrong-external-id')?.ok).toBe(true);
    expect(errors).toEqual([
      'what-if `wrong-external-id` does not change the outcome of step `assume` (success both times)',
    ]);
  });

  it('reports a what-if that fails with the same error code as its step', () => {
    const text = BASE.replace(
      'whatIf:\n',
      'whatIf:\n  - id: later-still\n    step: expired\n    advance: 1h\n    change: {}\n    expect: { outcome: error, code: ExpiredToken }\n',
    );
    expect(check(text).errors).toEqual([
      'what-if `later-still` does not change the outcome of step `expired` (`ExpiredToken` both times)',
    ]);
  });
});

describe("a what-if's change must change the call", () => {
  const warnings = (change: string) => {
    const parsed = parseContent(
      BASE.replace('change: { params: { ExternalId: not-it } }', `change: ${change}`),
      'scenario.yaml',
    );
    checkScenario(parsed);
    return parsed.warnings.map((w) => `${w.line}: ${w.message}`);
  };

  it('warns about a value the step already sends, and a removal of what it never sent', () => {
    expect(
      warnings(
        '{ params: { ExternalId: not-it, RoleSessionName: vera, SerialNumber: null }, as: user/vera }',
      ),
    ).toEqual([
      "55: `change.params.RoleSessionName` leaves step `assume`'s call as it was: it changes nothing",
      "55: `change.params.SerialNumber` leaves step `assume`'s call as it was: it changes nothing",
      "55: `change.as` leaves step `assume`'s call as it was: it changes nothing",
    ]);
  });

  it('is quiet about a real change, an empty one and a list that differs', () => {
    expect(warnings('{ params: { ExternalId: not-it } }')).toEqual([]);
    expect(warnings('{}')).toEqual([]);
    expect(warnings('{ params: { ExternalId: null, Tags: [{ Key: a, Value: b }] } }')).toEqual([]);
  });
});

describe('exam tags of a retired exam version', () => {
  const QUIZ = readFileSync(
    new URL('../fixtures/content/valid/quizzes/vendor-quiz.yaml', import.meta.url),
    'utf8',
  );
  const warnings = (parsed: ReturnType<typeof parseContent>) =>
    parsed.warnings.map((w) => `${w.line}: ${w.message} | ${w.hint}`);

  it('warns at each tag that names a retired version, with its successor', () => {
    // Given a scenario, one of its checkpoints and a quiz question tagged with retired versions
    const scenario = parseContent(
      BASE.replace('level: associate', 'level: associate\nexam: [SAA-C03/1.1, SCS-C02/4.1]').replace(
        "      answer: The role's trust policy",
        "      answer: The role's trust policy\n      exam: [DVA-C02/2.1]",
      ),
      'scenario.yaml',
    );
    checkScenario(scenario);
    const quiz = parseContent(
      QUIZ.replace('    type: single\n', '    type: single\n    exam: [SCS-C03/4.1, SCS-C02/4.2]\n'),
      'quiz.yaml',
    );
    checkQuiz(quiz, new Map());
    // Then each retired tag, and only those, has a warning naming its successor
    const retired = (w: string) => w.includes('which AWS last gave');
    expect(warnings(scenario).filter(retired)).toEqual([
      '6: exam tag `SCS-C02/4.1` names SCS-C02, which AWS last gave on 2025-12-01 | tag SCS-C03\'s task statement instead (its exam guide\'s appendix "Comparison of SCS-C02 and SCS-C03" says where each task went)',
      '47: exam tag `DVA-C02/2.1` names DVA-C02, which AWS last gave on 2026-11-30 | tag DVA-C03\'s task statement instead (its exam guide\'s appendix "Comparison of DVA-C02 and DVA-C03" says where each task went)',
    ]);
    expect(warnings(quiz).filter(retired)).toEqual([
      '7: exam tag `SCS-C02/4.2` names SCS-C02, which AWS last gave on 2025-12-01 | tag SCS-C03\'s task statement instead (its exam guide\'s appendix "Comparison of SCS-C02 and SCS-C03" says where each task went)',
    ]);
  });
});
