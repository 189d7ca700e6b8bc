import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { QuizSchema, ScenarioSchema } from '../../content/schema.js';
import { didYouMean } from '../../content/suggest.js';

const KINDS = { scenario: ScenarioSchema, quiz: QuizSchema } as const;

/** `sts-trainer schema scenario|quiz`: the JSON Schema editors use via `# yaml-language-server: $schema=`. */
export async function run(
  args: string[],
  _options: Record<string, unknown>,
  ctx: CliContext,
): Promise<number> {
  const kind = args[0] ?? '';
  if (!Object.hasOwn(KINDS, kind)) {
    throw new UsageError(
      `unknown content kind \`${kind}\`: expected \`scenario\` or \`quiz\``,
      didYouMean(kind, Object.keys(KINDS)),
    );
  }
  const schema = z.toJSONSchema(KINDS[kind as keyof typeof KINDS], { unrepresentable: 'any', io: 'input' });
  const titled = {
    ...schema,
    title: kind === 'scenario' ? 'sts-trainer scenario' : 'sts-trainer quiz',
    description: `An sts-trainer ${kind} file (see docs/authoring.md).`,
  };
  ctx.stdout.write(JSON.stringify(titled, null, 2) + '\n');
  return 0;
}
