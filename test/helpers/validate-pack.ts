/**
 * The content pack the validate tests run on (serial against sharded, one thread against several).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/**
 * A pack of the built-in content under new ids (half the quizzes name the copies, half the
 * built-in scenarios, which are context), the test fixtures (errors, warnings, duplicate ids), a
 * scenario whose id a built-in one already has, and a quiz that names a scenario nobody has.
 */
export function makePack(dir: string): void {
  for (const kind of ['scenarios', 'quizzes']) {
    readdirSync(join(ROOT, kind)).forEach((name, i) => {
      let text = readFileSync(join(ROOT, kind, name), 'utf8').replace(/^id: (.+)$/m, 'id: $1-copy');
      if (kind === 'quizzes' && i % 2 === 0) text = text.replace(/^( {4}scenario: )(.+)$/gm, '$1$2-copy');
      writeFileSync(join(dir, `${kind}-${name}`), text);
    });
  }
  cpSync(join(ROOT, 'test/fixtures/content'), join(dir, 'fixtures'), { recursive: true });
  cpSync(join(ROOT, 'scenarios/cross-account-assume-role.yaml'), join(dir, 'zz-same-id-as-builtin.yaml'));
  writeFileSync(
    join(dir, 'zz-unknown-scenario.yaml'),
    readFileSync(join(ROOT, 'quizzes/data-perimeter.yaml'), 'utf8')
      .replace(/^id: (.+)$/m, 'id: $1-typo')
      .replace(/^( {4}scenario: )(.+)$/m, '$1$2-copyy'),
  );
}
