import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Library } from '../../content/library.js';
import {
  builtInSummaries,
  summarizeQuiz,
  summarizeScenario,
  type ContentSummary,
  type QuizSummary,
  type ScenarioSummary,
} from '../../content/list-index.js';
import { renderTable, tableWidthOf, type TableOptions } from '../../ui/table.js';

const WHAT = ['scenarios', 'quizzes', 'topics'] as const;
type What = (typeof WHAT)[number];

/** `sts-trainer list [scenarios|quizzes|topics] [--json]`. */
export async function run(args: string[], options: { json?: boolean }, ctx: CliContext): Promise<number> {
  const what = args[0];
  if (what !== undefined && !(WHAT as readonly string[]).includes(what)) {
    const { didYouMean } = await import('../../content/suggest.js');
    throw new UsageError(
      `cannot list \`${what}\`: expected \`scenarios\`, \`quizzes\` or \`topics\``,
      didYouMean(what, WHAT),
    );
  }
  // Built-in content only (the usual case): its build-time index; otherwise every file is loaded.
  let summaries = ctx.contentDirs.length === 0 ? builtInSummaries(ctx.cwd) : undefined;
  if (!summaries) {
    const { loadLibrary } = await import('../../content/library.js');
    summaries = summariesOf(
      await loadLibrary({ contentDirs: ctx.contentDirs, cwd: ctx.cwd, stderr: ctx.stderr }),
    );
  }
  const data = listing(summaries);
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
      const rows = topicCounts(summaries).map((t) => [t.topic, t.scenarios, t.questions]);
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

/** What `list` shows of every loaded file, in load order. */
export function summariesOf(library: Library): ContentSummary[] {
  return [
    ...library.scenarios.map(({ scenario, file }) => ({ ...summarizeScenario(scenario), file })),
    ...library.quizzes.map(({ quiz, file }) => ({ ...summarizeQuiz(quiz), file })),
  ];
}

const isScenario = (s: ContentSummary): s is ScenarioSummary & { file: string } => s.kind === 'scenario';
const isQuiz = (s: ContentSummary): s is QuizSummary & { file: string } => s.kind === 'quiz';

/** PRODUCT.md's `list --json` shape. */
export function listing(summaries: ContentSummary[]) {
  return {
    scenarios: summaries.filter(isScenario).map((s) => ({
      id: s.id,
      title: s.title,
      level: s.level,
      topics: s.topics,
      steps: s.steps,
      whatIfs: s.whatIfs,
      file: s.file,
    })),
    quizzes: summaries.filter(isQuiz).map((q) => ({
      id: q.id,
      title: q.title,
      questions: q.questions,
      file: q.file,
    })),
    topics: topicCounts(summaries).map((t) => t.topic),
  };
}

function topicCounts(summaries: ContentSummary[]): { topic: string; scenarios: number; questions: number }[] {
  const counts = new Map<string, { scenarios: number; questions: number }>();
  const get = (t: string) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { scenarios: 0, questions: 0 }));
    return c;
  };
  for (const s of summaries) {
    if (isScenario(s)) for (const t of s.topics) get(t).scenarios++;
    else for (const [t, n] of Object.entries(s.topicQuestions)) get(t).questions += n;
  }
  // Topics are lower-case ids: code-point order is theirs, and `localeCompare` would first build an
  // ICU collator (about 10 ms of `list`'s start-up).
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, c]) => ({ topic, ...c }));
}
