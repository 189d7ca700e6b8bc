import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/content/check.js';
import { formatProblem, parseContent } from '../../src/content/parse.js';
import { crossCheck, validateFiles } from '../../src/content/cross-check.js';
import { loadLibrary } from '../../src/content/library.js';
import { readContentFile } from '../../src/content/read.js';
import { closest, levenshtein } from '../../src/content/suggest.js';

const FIX = join(import.meta.dirname, '../fixtures/content');
const fixture = (name: string) => join(FIX, name);

/** Parses and cross-checks one fixture; returns its first error as `file:line:col: message` + hint. */
function firstError(name: string): string {
  const parsed = readContentFile(fixture(name), FIX);
  crossCheck([parsed]);
  const e = parsed.errors[0];
  return e ? formatProblem(parsed.file, e) : '(no error)';
}

describe('loader errors, one fixture each', () => {
  it.each([
    [
      'bad/unknown-field.yaml',
      'bad/unknown-field.yaml:23:7: unknown field `trsut`\nhint: did you mean `trust`?',
    ],
    [
      'bad/bad-step-ref.yaml',
      'bad/bad-step-ref.yaml:49:41: unknown step `asume` in `as`\nhint: did you mean `assume`?',
    ],
    [
      'bad/unknown-user.yaml',
      'bad/unknown-user.yaml:35:11: unknown IAM user `vira` in `as`\nhint: did you mean `user/vera`?',
    ],
    [
      'bad/alias-bomb.yaml',
      'bad/alias-bomb.yaml:1:1: too many YAML alias expansions (more than 100): refusing a possible alias bomb\nhint: write the repeated parts out instead of using `*alias` references',
    ],
    [
      'bad/custom-tag.yaml',
      'bad/custom-tag.yaml:6:13: custom YAML tag `!include` is not allowed: content files are plain YAML\nhint: remove the tag, or quote the value if it is text',
    ],
    [
      'bad/duplicate-key.yaml',
      'bad/duplicate-key.yaml:9:5: duplicate key `answer`\nhint: each key may appear once in a mapping; remove or rename one of them',
    ],
    [
      'bad/newer-format.yaml',
      'bad/newer-format.yaml:1:9: this file uses content format 2, but this sts-trainer understands format 1 at most\nhint: this file needs a newer sts-trainer: upgrade with `npm install -g sts-trainer@latest`',
    ],
    [
      'bad/not-content.yaml',
      'bad/not-content.yaml:1:1: not a scenario (no `steps` or `world`) or a quiz (no `questions`)\nhint: a scenario needs `world` and `steps`; a quiz needs `questions` (see docs/authoring.md)',
    ],
    [
      'bad/saml-field.yaml',
      'bad/saml-field.yaml:14:46: unknown field `recipeint`\nhint: did you mean `recipient`?',
    ],
    [
      'bad/bad-answer.yaml',
      'bad/bad-answer.yaml:8:13: answer `AssumeRol` is not one of the choices\nhint: did you mean `AssumeRole`?',
    ],
  ])('%s', (name, expected) => {
    expect(firstError(name)).toBe(expected);
  });

  it('reports every quiz answer problem: order set, duplicate question id, unknown scenario', () => {
    const parsed = readContentFile(fixture('bad/bad-answer.yaml'), FIX);
    crossCheck([parsed]);
    expect(parsed.errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      '8:13: answer `AssumeRol` is not one of the choices',
      '13:13: an `order` answer lists every choice exactly once, in the right order',
      '14:9: duplicate question id `q1`',
      '16:15: unknown scenario `fixture-vendor-acess`',
    ]);
  });

  it.each([
    ['brackets', `id: deep\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '2:103'],
    [
      'indentation',
      Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end\n',
      '100:199',
    ],
  ])('refuses YAML nested more than 100 levels deep (%s) without recursing into it', (_how, text, at) => {
    const parsed = parseContent(text, 'deep.yaml');
    expect(parsed.errors.map((e) => formatProblem(parsed.file, e))).toEqual([
      `deep.yaml:${at}: YAML nested more than 100 levels deep: refusing it\nhint: a scenario or quiz needs a dozen levels at most; look for runaway brackets or indentation`,
    ]);
  });

  it('refuses a file over 1 MiB before parsing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-big-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `id: big\ntitle: Big\nsummary: "${'x'.repeat(1024 * 1024)}"\nquestions: []\n`);
    const parsed = readContentFile(file, dir);
    expect(formatProblem(parsed.file, parsed.errors[0]!)).toBe(
      'big.yaml:1:1: file is 1.0 MiB; content files are limited to 1 MiB\nhint: split it into several scenario or quiz files',
    );
    expect(parseContent(readFileSync(file, 'utf8'), 'big.yaml').errors[0]?.message).toMatch(
      /limited to 1 MiB/,
    );
  });

  it('reports a duplicate id across files on the later file, pointing at its id', () => {
    const report = validateFiles([fixture('dup-ids/a.yaml'), fixture('dup-ids/b.yaml')], [], FIX);
    expect(report.files[0]?.parsed.errors).toEqual([]);
    const e = report.files[1]!.parsed.errors[0]!;
    expect(formatProblem('b.yaml', e)).toBe(
      'b.yaml:2:5: duplicate scenario id `fixture-vendor-access`: `dup-ids/a.yaml` already uses it\nhint: scenario ids are unique across all loaded content; rename one of them',
    );
  });

  it('points schema problems at the offending node, with readable messages', () => {
    const text = [
      'id: Bad_Id',
      'title: T',
      'world: { roles: [{ name: R, account: 12, trust: { Statement: { Effect: Alow } } }] }',
      'steps:',
      '  - id: one',
      '    call: { api: AssumeRol, as: anonymous }',
      '  - id: two',
    ].join('\n');
    const { errors } = parseContent(text, 'x.yaml');
    expect(errors.map((e) => formatProblem('x.yaml', e))).toEqual([
      'x.yaml:1:5: `id` `Bad_Id` must be kebab-case, e.g. `cross-account-access`',
      'x.yaml:3:38: `account` must be a string, not a number (`12`)',
      'x.yaml:3:72: `Effect` must be one of `Allow`, `Deny`, not `Alow`\nhint: did you mean `Allow`?',
      'x.yaml:6:18: `api` must be one of `AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`, `GetSessionToken`, `GetFederationToken`, `GetCallerIdentity`, `GetAccessKeyInfo`, `DecodeAuthorizationMessage`, `SignIn`, `GetRoleCredentials`, `Request`, not `AssumeRol`\nhint: did you mean `AssumeRole`?',
      'x.yaml:7:5: `steps[1]`: a step needs a `call` or an `advance`, and not both',
    ]);
  });

  it('says what is wrong with a number in words a YAML author uses', () => {
    // Given a role's maxSessionDuration written as each value, When parsed, Then the message
    const said = (value: string) => {
      const text = `id: n\ntitle: T\nworld: { roles: [{ name: R, account: "111111111111", maxSessionDuration: ${value}, trust: { Statement: [] } }] }\nsteps: [{ id: a, advance: 1 }]\n`;
      return parseContent(text, 'n.yaml').errors.map((e) => e.message);
    };
    expect(said('.inf')).toEqual(['`maxSessionDuration` must be a number, not `.inf`']);
    expect(said('-.inf')).toEqual(['`maxSessionDuration` must be a number, not `-.inf`']);
    expect(said('.nan')).toEqual(['`maxSessionDuration` must be a number, not `.nan`']);
    expect(said('1e400')).toEqual(['`maxSessionDuration` is `1e400`, a number too large to hold']);
    expect(said('3600.5')).toEqual(['`maxSessionDuration` must be a whole number, not `3600.5`']);
    expect(said('"1e400x"')).toEqual(['`maxSessionDuration` must be a number, not a string (`1e400x`)']);
  });

  it('names what a field of several forms takes when a value fits none, and a missing one as missing', () => {
    // Given a trust policy written as each value, When parsed, Then the message
    const said = (trust: string) => {
      const text = `id: n\ntitle: T\nworld: { roles: [{ name: R, account: "111111111111", trust: ${trust} }] }\nsteps: [{ id: a, advance: 1 }]\n`;
      return parseContent(text, 'n.yaml').errors.map((e) => formatProblem('n.yaml', e));
    };
    const statement = (s: string) => `{ Statement: [{ Effect: Allow, Action: "sts:AssumeRole", ${s} }] }`;
    expect(said('{}')).toEqual(['n.yaml:3:61: missing required field `Statement`']);
    expect(said('{ Statement: [{ Principal: "*", Action: "sts:AssumeRole" }] }')).toEqual([
      'n.yaml:3:75: missing required field `Effect` (one of `Allow`, `Deny`)',
    ]);
    expect(said('{ Statement: x }')).toEqual([
      'n.yaml:3:74: `Statement` must be a mapping or a list, not a string (`x`)',
    ]);
    expect(said(statement('Principal: 5'))).toEqual([
      'n.yaml:3:129: `Principal` must be `*` or a mapping, not a number (`5`)',
    ]);
    // a value of a branch's type is checked inside that branch
    expect(said(statement('Principal: { AWS: 5 }'))).toEqual([
      'n.yaml:3:136: `AWS` must be a string or a list, not a number (`5`)',
    ]);
    expect(said(statement('Condition: { StringEquals: { k: { b: 1 } } }'))).toEqual([
      'n.yaml:3:150: `k` must be a string, a number, a boolean or a list, not a mapping',
    ]);
  });

  it('refuses call parameters the API does not take, and token fields and tags of the wrong shape', () => {
    // Given the vendor fixture with one change to its step (or its what-if), When parsed and checked
    const vendor = readFileSync(fixture('valid/scenarios/vendor-access.yaml'), 'utf8');
    const PARAMS = 'RoleSessionName: vera, ExternalId: vendor-42 }';
    const problems = (text: string) => {
      const parsed = parseContent(text, 'v.yaml');
      checkScenario(parsed);
      return parsed.errors.map((e) => formatProblem('v.yaml', e));
    };
    const withParams = (extra: string) => vendor.replace(PARAMS, `RoleSessionName: vera, ${extra} }`);
    // Then a misspelt parameter is named with the API's own, whether the step or its what-if has it
    expect(problems(withParams('ExternalID: vendor-42'))).toEqual([
      'v.yaml:36:92: AssumeRole has no parameter `ExternalID`\nhint: did you mean `ExternalId`? its parameters: RoleArn, RoleSessionName, DurationSeconds, ExternalId, Policy, PolicyArns, ProvidedContexts, SerialNumber, SourceIdentity, Tags, TokenCode, TransitiveTagKeys',
    ]);
    const whatIf = vendor.replace(
      'change: { params: { ExternalId: not-it } }',
      'change: { params: { Foo: bar } }',
    );
    expect(problems(whatIf)).toEqual([
      expect.stringMatching(/^v\.yaml:55:25: AssumeRole has no parameter `Foo`\n/),
    ]);
    // And Tags must be a list (a mapping was read as no tags, and the call passed)
    expect(problems(withParams('Tags: { team: a }'))).toEqual([
      'v.yaml:36:98: `Tags` must be a list, not a mapping',
    ]);
    expect(problems(withParams('Tags: [{ Key: team, Valu: a }]'))).toEqual([
      'v.yaml:36:112: unknown field `Valu`\nhint: did you mean `Value`?',
    ]);
  });

  it('checks a web identity token field by field, and its times', () => {
    const gha = readFileSync(join(FIX, '../../../scenarios/github-actions-oidc.yaml'), 'utf8');
    const token = /( {8}WebIdentityToken:\n(?: {10}.*\n)+)/.exec(gha)![1]!;
    const messages = (change: (t: string) => string) =>
      parseContent(gha.replace(token, change(token)), 'g.yaml').errors.map((e) => e.message);
    expect(messages((t) => t.replace(/iss: .*/, 'iss: 42'))).toEqual([
      '`iss` must be a string, not a number (`42`)',
    ]);
    expect(messages((t) => t.replace('signedBy:', 'signedby:'))).toEqual(['unknown field `signedby`']);
    for (const exp of ['+99999999999d', 'soon', '2026-13-45T99:00:00Z', '-99999999999'])
      expect(
        messages((t) => t.replace(/exp: .*/, `exp: "${exp}"`)),
        exp,
      ).toEqual([
        '`exp`: must be a time: relative like `+5m` or `-1h` (at most 10 years), an ISO time like `2026-03-02T10:00:00Z`, or seconds since 1970',
      ]);
  });

  it('suggests from the right object in unions (a statement list) and discriminated unions (question types)', () => {
    const scenario = parseContent(
      'id: s\ntitle: T\nworld: { roles: [{ name: R, account: "111111111111", trust: { Statement: [{ Effect: Allow, Acton: x }] } }] }\nsteps: [{ id: a, advance: 1 }]\n',
      's.yaml',
    );
    expect(scenario.errors.map((e) => [e.message, e.hint])).toEqual([
      ['unknown field `Acton`', 'did you mean `Action`?'],
    ]);
    const quiz = parseContent(
      'id: q\ntitle: T\nquestions:\n  - { id: a, type: pair, prompt: P, api: { choices: [a, b], answer: a }, trsut: {} }\n',
      'q.yaml',
    );
    expect(quiz.errors.map((e) => [e.message, e.hint])).toEqual([
      ['unknown field `trsut`', 'did you mean `trust`?'],
    ]);
    const badType = parseContent(
      'id: q\ntitle: T\nquestions:\n  - { id: a, type: singel, prompt: P }\n',
      'q.yaml',
    );
    expect(badType.errors.map((e) => e.hint)).toEqual(['did you mean `single`?']);
  });

  it('accepts the valid fixtures with no errors', () => {
    for (const f of ['valid/scenarios/vendor-access.yaml', 'valid/quizzes/vendor-quiz.yaml']) {
      const parsed = readContentFile(fixture(f), FIX);
      expect(parsed.errors).toEqual([]);
    }
  });
});

describe('loading the library', () => {
  it('skips a broken file with a one-line warning and loads the others', async () => {
    let stderr = '';
    const lib = await loadLibrary({
      contentDirs: [fixture('mixed')],
      cwd: FIX,
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(lib.quizById.has('mixed-good-quiz')).toBe(true);
    expect(lib.skipped.map((p) => p.file)).toContain('mixed/broken.yaml');
    expect(stderr).toContain('warning: skipped mixed/broken.yaml:6:5: unknown field `promt`\n');
    expect(stderr.split('\n').filter((l) => l.includes('mixed/broken.yaml'))).toHaveLength(1);
  });

  it('warns about a missing content folder and still loads the built-in content', async () => {
    let stderr = '';
    const lib = await loadLibrary({
      contentDirs: ['/nonexistent/sts'],
      cwd: FIX,
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(stderr).toContain('cannot read `/nonexistent/sts`: no such file or folder');
    expect(Array.isArray(lib.scenarios)).toBe(true);
  });
});

describe('did-you-mean', () => {
  it('measures edit distance and suggests only plausible typos', () => {
    expect(levenshtein('trsut', 'trust')).toBe(2);
    expect(closest('trsut', ['trust', 'policies'])).toBe('trust');
    expect(closest('zzzzzz', ['trust', 'policies'])).toBeUndefined();
    expect(closest('ASSUMEROLE', ['AssumeRole'])).toBe('AssumeRole');
  });
});

describe('an outcome question with its own choices', () => {
  /** Validates one quiz about the built-in mfa-get-session-token scenario; its errors, formatted. */
  function errors(call: string, choices: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'sts-outcome-'));
    const file = join(dir, 'q.yaml');
    writeFileSync(
      file,
      [
        'id: outcome-choices',
        'title: Outcome choices',
        'questions:',
        '  - id: q1',
        '    type: outcome',
        '    scenario: mfa-get-session-token',
        '    prompt: What happens?',
        `    call: ${call}`,
        `    choices: ${choices}`,
        '',
      ].join('\n'),
    );
    const report = validateFiles([file], ['scenarios/mfa-get-session-token.yaml'], process.cwd());
    return report.files[0]!.parsed.errors.map((e) => formatProblem('q.yaml', e));
  }
  const terminate =
    '{ api: Request, as: user/lena, action: ec2:TerminateInstances, resource: "arn:aws:ec2:us-east-1:888888888888:instance/i-0badc0ffee1234567" }';

  it("must offer the code the caller gets: EC2's name for a denial", () => {
    expect(errors(terminate, '[success, AccessDenied, ExpiredToken]')).toEqual([
      "q.yaml:9:14: EC2 answers `UnauthorizedOperation` (the engine's `AccessDenied`), which is not among the choices\nhint: add `UnauthorizedOperation` to `choices`",
    ]);
    expect(errors(terminate, '[success, UnauthorizedOperation, RequestExpired]')).toEqual([]);
  });

  it("names the engine's code for an STS call", () => {
    expect(errors('{ api: GetCallerIdentity, as: user/lena }', '[AccessDenied, ExpiredToken]')).toEqual([
      'q.yaml:9:14: the engine answers `success`, which is not among the choices\nhint: add `success` to `choices`',
    ]);
  });
});
