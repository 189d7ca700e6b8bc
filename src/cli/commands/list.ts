import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { loadLibrary, type Library } from '../../content/library.js';
import { didYouMean } from '../../content/suggest.js';
import { renderTable, tableWidthOf, type TableOptions } from '../../ui/table.js';

const WHAT = ['scenarios', 'quizzes', 'topics'] as const;
type What = (typeof WHAT)[number];

/** `sts-trainer list [scenarios|quizzes|topics] [--json]`. */
export async function run(args: string[], options: { json?: boolean }, ctx: CliContext): Promise<number> {
  const what = args[0];
  if (what !== undefined && !(WHAT as readonly string[]).includes(what)) {
    throw new UsageError(
      `cannot list \`${what}\`: expected \`scenarios\`, \`quizzes\` or \`topics\``,
      didYouMean(what, WHAT),
    );
  }
  const library = await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr });
  const data = listing(library);
  const shown: What[] = what ? [what as What] : ['scenarios', 'quizzes'];
  if (options.json) {
    const out = what ? { [what]: data[what as What] } : data;
    ctx.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const table: TableOptions = { plain: ctx.plain, tableWidth: tableWidthOf(ctx.termColumns()) };
  const parts: string[] = [];
  for (const w of shown) {
    const title = `${w[0]!.toUpperCase()}${w.slice(1)}`;
    if (w === 'scenarios') {
      const rows = data.scenarios.map((s) => [
        s.id,
        s.title,
        s.level ?? '',
        s.topics.join(', '),
        s.steps,
        s.whatIfs,
      ]);
      parts.push(section(title, ['id', 'title', 'level', 'topics', 'steps', 'what-ifs'], rows, table));
    } else if (w === 'quizzes') {
      const rows = data.quizzes.map((q) => [q.id, q.title, q.questions]);
      parts.push(section(title, ['id', 'title', 'questions'], rows, table));
    } else {
      const rows = topicCounts(library).map((t) => [t.topic, t.scenarios, t.questions]);
      parts.push(section(title, ['topic', 'scenarios', 'questions'], rows, table));
    }
  }
  ctx.stdout.write(parts.join('\n'));
  return 0;
}

function section(title: string, head: string[], rows: (string | number)[][], table: TableOptions): string {
  if (rows.length === 0) return `${title}: none\n`;
  return `${title} (${rows.length})\n${renderTable(head, rows, table)}`;
}

/** PRODUCT.md's `list --json` shape. */
export function listing(library: Library) {
  return {
    scenarios: library.scenarios.map(({ scenario: s, file }) => ({
      id: s.id,
      title: s.title,
      level: s.level ?? null,
      topics: s.topics ?? [],
      steps: s.steps.length,
      whatIfs: s.whatIf?.length ?? 0,
      file,
    })),
    quizzes: library.quizzes.map(({ quiz: q, file }) => ({
      id: q.id,
      title: q.title,
      questions: q.questions.length,
      file,
    })),
    topics: topicCounts(library).map((t) => t.topic),
  };
}

function topicCounts(library: Library): { topic: string; scenarios: number; questions: number }[] {
  const counts = new Map<string, { scenarios: number; questions: number }>();
  const get = (t: string) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { scenarios: 0, questions: 0 }));
    return c;
  };
  for (const { scenario } of library.scenarios) for (const t of scenario.topics ?? []) get(t).scenarios++;
  for (const { quiz } of library.quizzes) {
    for (const q of quiz.questions)
      for (const t of new Set([...(quiz.topics ?? []), ...(q.topics ?? [])])) get(t).questions++;
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([topic, c]) => ({ topic, ...c }));
}
