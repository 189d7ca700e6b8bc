/**
 * What `--help` shows below each command's options: examples, and the keys its screens answer to.
 * A command added to program.ts gets its examples here (a command without any fails the CLI test).
 */
import type { Command } from 'commander';
import { fitBlock, helpWidth } from './help-layout.js';

const EXAMPLES: Record<string, string[]> = {
  learn: [
    'sts-trainer learn                      # pick a scenario',
    'sts-trainer learn role-chaining',
    'sts-trainer learn eks-irsa --no-input > eks-irsa.txt   # a handout',
  ],
  quiz: [
    'sts-trainer quiz --count 5',
    'sts-trainer quiz --quiz mfa --mode exam --time-limit 15',
    'sts-trainer quiz --print --seed 42 > worksheet.txt',
  ],
  review: ['sts-trainer review', 'sts-trainer review --limit 10'],
  next: ['sts-trainer next', 'sts-trainer next --json'],
  group: ['sts-trainer group --players "Ana,Ben,Chen" --count 8 --timer 45', 'sts-trainer group --resume'],
  list: ['sts-trainer list', 'sts-trainer list quizzes', 'sts-trainer list --json'],
  call: [
    'sts-trainer call --list-principals --scenario cross-account-assume-role',
    'sts-trainer call AssumeRole --scenario cross-account-assume-role \\\n' +
      '    --as user/dana \\\n' +
      '    --param RoleArn=arn:aws:iam::222222222222:role/ReportReader \\\n' +
      '    --param RoleSessionName=me',
    "sts-trainer call GetCallerIdentity --scenario role-chaining \\\n    --as '$first-hop' --json",
  ],
  validate: ['sts-trainer validate', 'sts-trainer validate ./my-pack --json'],
  progress: ['sts-trainer progress', 'sts-trainer progress --json', 'sts-trainer progress --reset --yes'],
  schema: ['sts-trainer schema scenario > scenario.schema.json', 'sts-trainer schema quiz'],
  apis: ['sts-trainer apis', 'sts-trainer apis --print > apis.txt'],
  lab: [
    'sts-trainer lab cross-account-assume-role --port 4599  # until Ctrl-C',
    'sts-trainer lab env     # in another terminal: the AWS_* variables to use',
    'sts-trainer lab advance 2h',
  ],
};

/** Keys the interactive screens answer to (besides the arrows, Enter and Ctrl-C, which stops and keeps progress). */
const KEYS: Record<string, string[]> = {
  learn: [
    't        show the role trust policy that decided the step (when there is one)',
    'd        show the full decision trace of the call',
    'q        save and leave the walkthrough (learn resumes there)',
  ],
  quiz: [
    's        skip the question',
    'f        flag a question to come back to (exam mode)',
    'b        back to the question before (exam mode)',
    'l        the list of questions: jump to one, or submit (exam mode)',
  ],
  review: [],
  group: [
    'm        switch the answering mode (hot-seat / host) before a question is answered',
    '1-9      answer (hidden); Backspace undoes; Enter locks in (or: no answer)',
    'Ctrl-P   pause or resume the question timer',
    'Ctrl-E   give 15 more seconds',
  ],
};

const COMMON_KEYS = ['↑ ↓ Enter choose', 'Ctrl-C   stop (progress is saved)'];
/** A group's answers are the group's: Ctrl-C keeps the session for `--resume`, not anyone's progress. */
const GROUP_KEYS = ['↑ ↓ Enter choose', 'Ctrl-C   stop (group --resume continues the session)'];

function block(title: string, lines: readonly string[]): string {
  return `\n${title}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** Adds the examples and keys to every command's help, and a key summary to the program's. */
export function addHelpTexts(program: Command): void {
  for (const cmd of program.commands) {
    const name = cmd.name();
    const examples = EXAMPLES[name];
    const keys = KEYS[name];
    let text = examples
      ? block(
          'Examples',
          examples.map((e) => `$ ${e}`),
        )
      : '';
    if (keys) text += block('Keys', [...keys, ...(name === 'group' ? GROUP_KEYS : COMMON_KEYS)]);
    if (text) cmd.addHelpText('after', () => fitBlock(text, helpWidth()));
  }
  const keys =
    block('Keys in the interactive screens', [...new Set(Object.values(KEYS).flat()), ...COMMON_KEYS]) +
    "\nRun `sts-trainer help <command>` for a command's options, defaults and examples.\n";
  program.addHelpText('after', () => fitBlock(keys, helpWidth()));
}
