// The generated content pack that `npm run bench` validates, also usable on its own for profiling:
//   node bench/corpus.mjs DIR SCENARIOS QUESTIONS [--warnings]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `text` without every `key:` at `indent` spaces and the more-indented lines under it. */
function strip(text, key, indent) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith(`${' '.repeat(indent)}${key}:`)) {
      while (
        i + 1 < lines.length &&
        (lines[i + 1].trim() === '' || /^\s*/.exec(lines[i + 1])[0].length > indent)
      )
        i++;
      continue;
    }
    out.push(lines[i]);
  }
  return out.join('\n');
}

/**
 * A corpus of `scenarios` scenario files and `questions` questions (100 per quiz file). With
 * `warnings`, scenarios lose `takeaways` and `refs` and questions their `explain` (a warning each).
 */
export function corpus(root, dir, scenarios, questions, warnings = false) {
  let scenario = readFileSync(join(root, 'scenarios', 'cross-account-assume-role.yaml'), 'utf8');
  let quiz = readFileSync(join(root, 'quizzes', 'sts-apis.yaml'), 'utf8');
  if (warnings) {
    scenario = strip(strip(scenario, 'takeaways', 0), 'refs', 0);
    quiz = strip(quiz, 'explain', 4);
  }
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  mkdirSync(join(dir, 'quizzes'), { recursive: true });
  for (let i = 0; i < scenarios; i++) {
    writeFileSync(
      join(dir, 'scenarios', `s${i}.yaml`),
      scenario.replace(/^id: cross-account-assume-role$/m, `id: bench-scenario-${i}`),
    );
  }
  const header = quiz.slice(0, quiz.indexOf('questions:'));
  const body = quiz.slice(quiz.indexOf('questions:') + 'questions:'.length);
  const perFile = (body.match(/^ {2}- id: /gm) ?? []).length;
  for (let f = 0; f < Math.ceil(questions / 100); f++) {
    let text = header.replace(/^id: .*$/m, `id: bench-quiz-${f}`) + 'questions:';
    for (let copy = 0; copy * perFile < 100; copy++) {
      text += body.replace(/^ {2}- id: (.*)$/gm, `  - id: $1-c${copy}`);
    }
    writeFileSync(join(dir, 'quizzes', `q${f}.yaml`), text);
  }
  return perFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, s, q] = process.argv.slice(2);
  const root = fileURLToPath(new URL('..', import.meta.url));
  corpus(root, dir, Number(s), Number(q), process.argv.includes('--warnings'));
}
