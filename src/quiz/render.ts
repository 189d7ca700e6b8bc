/**
 * Renderers for quiz screens: pure functions from data to text. The theme
 * decides colour and symbols; the command writes the strings.
 */
import type { Theme } from '../ui/theme.js';
import { renderTable } from '../ui/table.js';
import { answerLines, label, responseText, type BankQuestion } from './question.js';
import { taskName } from './exams.js';
import type { MockScore } from './mock.js';
import type { Feedback, Results, ScoreRow, SessionState } from './session.js';

const pct = (correct: number, answered: number) =>
  answered === 0 ? '–' : `${Math.round((correct / answered) * 100)}%`;

/** What each question type asks of the learner, shown next to the question heading. */
export const TYPE_HINT: Record<BankQuestion['type'], string> = {
  single: 'choose one',
  outcome: 'what happens? choose one',
  multi: 'choose all that apply',
  order: 'put in order',
  pair: 'two parts: the API and what the trust policy must say; both must be right',
};

/** The question as shown above the prompt. */
export function renderQuestion(
  theme: Theme,
  q: BankQuestion,
  position: number,
  total: number,
  opts: { topics?: boolean } = {},
): string {
  const head = theme.heading(`Question ${position} of ${total}`) + theme.dim(` · ${TYPE_HINT[q.type]}`);
  // exam mode hides the topic tags: they hint at the answer
  const topics =
    opts.topics !== false && q.topics.length ? `\n${theme.wrap(theme.dim(q.topics.join(', ')))}` : '';
  return `\n${theme.wrap(head)}${topics}\n${theme.wrap(q.prompt)}\n`;
}

/** Practice feedback: right or wrong, the right answer, the explanation and the refs. */
export function renderFeedback(theme: Theme, fb: Feedback, skipped = false): string {
  const q = fb.question;
  const verdict = fb.correct
    ? theme.ok(`${theme.sym.ok} correct`)
    : skipped
      ? theme.warn('skipped')
      : theme.fail(`${theme.sym.fail} not quite`);
  const lines = [verdict];
  // what was chosen, next to the right answer: the prompt's own line says only "given"
  if (!fb.correct && fb.response !== undefined)
    lines.push(theme.bold('Your answer:'), theme.wrap(responseText(q, fb.response), 2));
  if (!fb.correct) lines.push(theme.bold('The answer:'), ...answerLines(q).map((l) => theme.wrap(l, 2)));
  if (q.explain) lines.push(theme.wrap(q.explain, 2));
  if (q.refs.length) lines.push(...q.refs.map((r) => theme.dim(`  ${r}`)));
  return `${lines.join('\n')}\n`;
}

function table(
  theme: Theme,
  title: string,
  first: string,
  rows: ScoreRow[],
  name = (k: string) => k,
): string {
  const body = rows.map((r) => [name(r.key), r.asked, r.answered, r.correct, pct(r.correct, r.asked)]);
  const head = [first, 'asked', 'answered', 'correct', '%'];
  return `\n${theme.heading(title)}\n${renderTable(head, body, theme)}`;
}

/** One line per due date: what `review` will bring back. */
export interface ReviewForecast {
  date: string;
  count: number;
  missed: number;
}

/** The score line: kept at the top of the results and shown again under every review list. */
export function scoreLine(theme: Theme, res: Results): string {
  const score = `${res.correct} of ${res.total} correct (${pct(res.correct, res.total)})`;
  const notAnswered = res.total - res.answered;
  return (
    theme.bold(`Score: ${score}`) +
    theme.dim(` · ${res.answered} answered${notAnswered ? ` · ${notAnswered} not answered` : ''}`)
  );
}

/** A mock exam's scaled-style score by domain, with the pass line labelled as an estimate. */
export function renderMockScore(theme: Theme, m: MockScore): string {
  const rows = m.domains.map((d) => [`${d.id}. ${d.name} (${d.weight}%)`, d.asked, d.correct, d.scaled]);
  const verdict = m.passed ? theme.ok('at or above') : theme.fail('below');
  return [
    `\n${theme.heading(`${m.exam} mock: estimated scaled score ${m.scaled} / 1000`)}`,
    `${verdict} the pass line of ${m.passing} ${theme.dim('(an estimate: AWS scales scores with a model it does not publish; this one maps the share right onto 100–1000 per domain)')}`,
    renderTable(['domain (share of the real exam)', 'asked', 'correct', 'scaled'], rows, {
      plain: theme.plain,
    }).trimEnd(),
  ].join('\n');
}

/** The end of a quiz: the score first, then the tables (topics weakest first) and the review forecast. */
export function renderResults(
  theme: Theme,
  res: Results,
  opts: { expired?: boolean; seed?: number; forecast?: ReviewForecast[]; mock?: MockScore } = {},
): string {
  const out: string[] = [];
  out.push(theme.rule('Results'));
  out.push(scoreLine(theme, res));
  if (opts.expired) out.push(theme.warn('time ran out: the exam was submitted with the answers given'));
  if (opts.mock) out.push(renderMockScore(theme, opts.mock));
  if (res.byTopic.length) out.push(table(theme, 'By topic, weakest first', 'topic', res.byTopic).trimEnd());
  if (res.byExam.length)
    out.push(table(theme, 'By exam task statement', 'exam task', res.byExam, taskName).trimEnd());
  if (opts.forecast && opts.forecast.length) {
    out.push(`\n${theme.heading('What review will bring back')}`);
    for (const f of opts.forecast) {
      const missed = f.missed ? ` (${f.missed} you missed)` : '';
      out.push(`  ${theme.sym.bullet} ${f.date}: ${f.count} question${f.count === 1 ? '' : 's'}${missed}`);
    }
    out.push(theme.dim('  run `sts-trainer review` on those days'));
  }
  if (opts.seed !== undefined)
    out.push(theme.dim(`\nseed ${opts.seed}: \`--seed ${opts.seed}\` gives the same quiz again`));
  return `${out.join('\n')}\n`;
}

export type ReviewFilter = 'wrong' | 'flagged' | 'all';

/** The questions a review filter shows. */
export function reviewItems(res: Results, filter: ReviewFilter): Results['items'] {
  if (filter === 'wrong') return res.items.filter((it) => !it.correct);
  if (filter === 'flagged') return res.items.filter((it) => it.flagged);
  return res.items;
}

/** Each question of the filter with the answer given, the right answer and the explanation. */
export function renderReviewList(theme: Theme, res: Results, filter: ReviewFilter): string {
  const out: string[] = [];
  res.items.forEach((it, i) => {
    if (!reviewItems(res, filter).includes(it)) return;
    const q = it.question;
    const mark = it.correct ? theme.ok(theme.sym.ok) : theme.fail(theme.sym.fail);
    out.push(`\n${mark} ${it.flagged ? '⚑ ' : ''}${i + 1}. ${theme.wrap(q.prompt, 3).trimStart()}`);
    out.push(`   your answer: ${it.response === undefined ? 'not answered' : responseText(q, it.response)}`);
    out.push(`   ${theme.ok('answer:')} ${theme.wrap(answerLines(q).join('; '), 5).trimStart()}`);
    if (q.explain) out.push(theme.wrap(q.explain, 3));
    if (q.refs.length) out.push(...q.refs.map((r) => theme.dim(`   ${r}`)));
  });
  return `${out.join('\n')}\n`;
}

/** The exam question list's line for one question. */
export function listLine(state: SessionState, i: number): string {
  const q = state.questions[i]!;
  const status = state.responses[i] === undefined ? 'not answered' : 'answered';
  const flag = state.flagged[i] ? '⚑ ' : '';
  const prompt = q.prompt.split('\n').pop() ?? q.prompt;
  const short = prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt;
  return `${flag}${i + 1}. ${short} (${status})`;
}

export { label };
