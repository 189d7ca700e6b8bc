/**
 * A content pack is untrusted input: a key `__proto__` would vanish from the engine's objects (and a
 * policy condition with it), and one very long value, echoed in every error the engine returns for
 * it, could make `learn` print gigabytes. Both are errors at their position, before the schema.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CALL, MAX_TEXT } from '../../src/content/guards.js';
import { formatProblem, parseContent } from '../../src/content/parse.js';
import { readContentFile } from '../../src/content/read.js';
import { MAX_STEPS } from '../../src/content/schema.js';

const world = `world:
  accounts: [{ id: "111111111111" }]
  users: [{ name: dana, account: "111111111111" }]
  roles:
    - name: R
      account: "111111111111"
      trust:
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::111111111111:root" }
            Action: sts:AssumeRole
            Condition: COND
`;
const call = (params: string) =>
  `    call: { api: AssumeRole, as: user/dana, params: { RoleArn: "arn:aws:iam::111111111111:role/R", ${params} } }\n`;
const scenario = (cond: string, params = 'RoleSessionName: s1', extra = '') =>
  `id: g\ntitle: G\n${world.replace('COND', cond)}steps:\n  - id: a\n${call(params)}    expect: { outcome: error }\n${extra}`;

const errors = (text: string) => parseContent(text, 'g.yaml').errors.map((e) => formatProblem('g.yaml', e));

describe('content guards', () => {
  it('refuses a policy condition under the key __proto__, at the key', () => {
    // Given a trust policy whose condition operator is __proto__, When loaded, Then one error names the path
    expect(errors(scenario('{ "__proto__": { "aws:PrincipalTag/x": "y" } }'))).toStrictEqual([
      'g.yaml:14:26: `world.roles.0.trust.Statement.0.Condition.__proto__`: a key may not be `__proto__`\n' +
        'hint: rename it: sts-trainer cannot keep that name as data, so what it names would be lost',
    ]);
  });

  it('refuses a value that is exactly __proto__ (topics and ids become keys), but not one that holds it', () => {
    // Given a topic __proto__, When loaded, Then it is an error; a session name containing it is fine
    const topic = scenario('{}').replace('title: G\n', 'title: G\ntopics: [__proto__]\n');
    expect(errors(topic)).toStrictEqual([
      'g.yaml:3:10: `topics.0` may not be `__proto__`\n' +
        'hint: rename it: sts-trainer cannot keep that name as data, so what it names would be lost',
    ]);
    expect(errors(scenario('{}', 'RoleSessionName: x__proto__'))).toStrictEqual([]);
  });

  it(`refuses text longer than ${MAX_TEXT} characters and takes text of exactly that length`, () => {
    // Given a session name one character over the limit, When loaded, Then the error gives its length
    const over = errors(scenario('{}', `RoleSessionName: ${'Z'.repeat(MAX_TEXT + 1)}`));
    expect(over).toStrictEqual([
      `g.yaml:17:117: \`steps.0.call.params.RoleSessionName\` is 8,193 characters long; text in a content file is at most 8,192\n` +
        'hint: shorten it (a long policy can be written as YAML instead of one JSON string)',
    ]);
    expect(errors(scenario('{}', `RoleSessionName: ${'Z'.repeat(MAX_TEXT)}`))).toStrictEqual([]);
  });

  it('refuses a key longer than the limit without repeating it', () => {
    const long = 'k'.repeat(MAX_TEXT + 1);
    const [e] = errors(scenario(`{ StringEquals: { ${long}: v } }`));
    expect(e).toContain('a key is 8,193 characters long');
    expect(e!.length).toBeLessThan(300);
  });

  it('refuses a key that a list makes longer than the limit, each of its items within it', () => {
    // `[a, b]: v` is the key `a,b`: no single text in the file is over the limit, the key is
    const half = 'k'.repeat(MAX_TEXT / 2);
    const [e] = errors(scenario(`{ StringEquals: { [${half}, ${half}]: v } }`));
    expect(e).toContain('a key is 8,193 characters long');
  });

  it('finds an over-long text or `__proto__` in any form of YAML scalar', () => {
    // the fast parse's record says when the data needs looking through (content/node-positions.ts)
    const long = 'Z'.repeat(MAX_TEXT + 1);
    for (const [form, found] of [
      [`title: |\n  ${long}\n`, '`title` is 8,194 characters long'],
      [`title: >-\n  ${long}\n`, '`title` is 8,193 characters long'],
      [`title: '${long}'\n`, '`title` is 8,193 characters long'],
      [`title: "${long}"\n`, '`title` is 8,193 characters long'],
      [`topics: [a, "__proto__"]\n`, '`topics.1` may not be `__proto__`'],
      [`"__proto__": x\n`, 'a key may not be `__proto__`'],
    ] as const) {
      const text = scenario('{}').replace('title: G\n', form);
      expect(errors(text).join('\n'), form.slice(0, 12)).toContain(found);
    }
  });

  it(`allows at most ${MAX_STEPS} what-ifs`, () => {
    // Given MAX_STEPS + 1 what-ifs, When loaded, Then the schema says how many are allowed
    const whatIfs = (n: number) =>
      'whatIf:\n' +
      Array.from(
        { length: n },
        (_, i) => `  - { id: w${i}, step: a, change: {}, expect: { outcome: error } }\n`,
      ).join('');
    expect(errors(scenario('{}', 'RoleSessionName: s1', whatIfs(MAX_STEPS + 1)))).toStrictEqual([
      `g.yaml:20:3: \`whatIf\` needs at most ${MAX_STEPS} items`,
    ]);
    expect(errors(scenario('{}', 'RoleSessionName: s1', whatIfs(MAX_STEPS)))).toStrictEqual([]);
  });

  it(`refuses a step whose call is over ${MAX_CALL} characters as JSON, each text within the limit`, () => {
    // Given 60 tags whose keys are 8,000 characters, When loaded, Then the call is refused at its position
    const tags = Array.from(
      { length: 60 },
      (_, i) => `{ Key: ${String(i).padStart(8000, 'k')}, Value: v }`,
    ).join(', ');
    const [e] = errors(scenario('{}', `RoleSessionName: s1, Tags: [${tags}]`));
    expect(e).toMatch(
      /^g\.yaml:17:11: `steps\.0\.call` is 48\d,\d{3} characters as JSON; a call or a change is at most 16,384\n/,
    );
  });

  it('names a second YAML document in its own words', () => {
    expect(errors('id: a\ntitle: A\n---\nid: b\n')).toStrictEqual([
      'g.yaml:3:1: a second YAML document starts here (`---`); a content file holds one scenario or one quiz\n' +
        'hint: put each document in a file of its own',
    ]);
  });
});

describe('reading a file', () => {
  it('warns, at the first such byte, when a file is not UTF-8', () => {
    // Given a Latin-1 é in a title, When read, Then a warning points at it and the file still loads
    const dir = mkdtempSync(join(tmpdir(), 'sts-utf8-'));
    try {
      const file = join(dir, 'latin1.yaml');
      writeFileSync(
        file,
        Buffer.concat([
          Buffer.from('id: u\ntitle: "Caf'),
          Buffer.from([0xe9]),
          Buffer.from('"\nquestions:\n  - { id: q, type: single, prompt: p, choices: [a, b], answer: a }\n'),
        ]),
      );
      const parsed = readContentFile(file, dir);
      expect(parsed.errors).toStrictEqual([]);
      expect(formatProblem(parsed.file, parsed.warnings[0]!)).toBe(
        'latin1.yaml:2:12: warning: the file is not valid UTF-8: here and wherever else a byte is not, it reads as U+FFFD\nhint: save it as UTF-8',
      );
      // A file that holds U+FFFD itself is UTF-8
      writeFileSync(
        file,
        'id: u\ntitle: "Caf\uFFFD"\nquestions:\n  - { id: q, type: single, prompt: p, choices: [a, b], answer: a }\n',
      );
      expect(readContentFile(file, dir).warnings.map((w) => w.message)).not.toContain(
        'the file is not valid UTF-8: here and wherever else a byte is not, it reads as U+FFFD',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
