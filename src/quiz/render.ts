/**
 * Renderers for quiz screens: pure functions from data to text. The theme
 * decides colour and symbols; the command writes the strings.
 */
import type { Theme } from '../ui/theme.js';
import { renderTable } from '../ui/table.js';
import { answerLines, label, responseText, type BankQuestion } from './question.js';
import type { Feedback, Results, ScoreRow, SessionState } from './session.js';

const pct = (correct: number, answered: number) =>
  answered === 0 ? '–' : `${Math.round((correct / answered) * 100)}%`;

/** What each question type asks of the learner, shown next to the question heading. */
export const TYPE_HINT: Record<BankQuestion['type'], string> = {
  single: 'choose one',
  outcome: 'what happens? choose one',
  multi: 'choose all that apply',
  order: 'put in order',
  pair: 'two parts: the API and the trust condition; both must be right',
};

/** The question as shown above the prompt. */
export function renderQuestion(
  theme: Theme,
  q: BankQuestion,
  position: number,
  total: number,
  extra = '',
): string {
  const head =
    theme.heading(`Question ${position} of ${total}`) + theme.dim(` · ${TYPE_HINT[q.type]}`) + extra;
  const topics = q.topics.length ? `\n${theme.wrap(theme.dim(q.topics.join(', ')))}` : '';
  return `\n${theme.wrap(head)}${topics}\n${theme.wrap(q.prompt)}\n`;
}

/** Practice feedback: right or wrong, the right answer, the explanation and the refs. */
export function renderFeedback(theme: Theme, fb: Feedback): string {
  const q = fb.question;
  const verdict = fb.correct
    ? theme.ok(`${theme.sym.ok} correct`)
    : theme.fail(`${theme.sym.fail} not quite`);
  const lines = [verdict];
  if (!fb.correct) lines.push(theme.bold('The answer:'), ...answerLines(q).map((l) => `  ${l}`));
  if (q.explain) lines.push(theme.wrap(q.explain, 2));
  if (q.refs.length) lines.push(...q.refs.map((r) => theme.dim(`  ${r}`)));
  return `${lines.join('\n')}\n`;
}

function table(theme: Theme, title: string, rows: ScoreRow[]): string {
  const body = rows.map((r) => [r.key, r.answered, r.correct, pct(r.correct, r.answered)]);
  return `\n${theme.heading(title)}\n${renderTable([title === 'By topic' ? 'topic' : 'exam task', 'answered', 'correct', '%'], body, theme)}`;
}

/** One line per due date: what `review` will bring back. */
export interface ReviewForecast {
  date: string;
  count: number;
  missed: number;
}

/** The end of a quiz: score, tables, missed questions with explanations, and the review forecast. */
export function renderResults(
  theme: Theme,
  res: Results,
  opts: { expired?: boolean; seed?: number; forecast?: ReviewForecast[] } = {},
): string {
  const out: string[] = [];
  out.push(`\n${theme.rule('Results')}`);
  if (opts.expired) out.push(theme.warn('time ran out: the exam was submitted'));
  const score = `${res.correct} of ${res.total} correct (${pct(res.correct, res.total)})`;
  out.push(
    theme.bold(`Score: ${score}`) +
      (res.answered < res.total ? theme.dim(` · ${res.total - res.answered} not answered`) : ''),
  );
  if (res.byTopic.length) out.push(table(theme, 'By topic', res.byTopic).trimEnd());
  if (res.byExam.length) out.push(table(theme, 'By exam task statement', res.byExam).trimEnd());
  if (res.missed.length) {
    out.push(`\n${theme.heading('Questions missed')}`);
    res.missed.forEach(({ question: q, response }, i) => {
      out.push(`\n${i + 1}. ${theme.wrap(q.prompt, 3).trimStart()}`);
      out.push(
        `   ${theme.fail(`${theme.sym.fail} your answer:`)} ${response === undefined ? 'not answered' : responseText(q, response)}`,
      );
      out.push(
        `   ${theme.ok(`${theme.sym.ok} answer:`)} ${theme.wrap(answerLines(q).join('; '), 5).trimStart()}`,
      );
      if (q.explain) out.push(theme.wrap(q.explain, 3));
    });
  }
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

/** The exam review screen's line for one question. */
export function reviewLine(state: SessionState, i: number): string {
  const q = state.questions[i]!;
  const status = state.responses[i] === undefined ? 'not answered' : 'answered';
  const flag = state.flagged[i] ? '⚑ ' : '';
  const prompt = q.prompt.split('\n').pop() ?? q.prompt;
  const short = prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt;
  return `${flag}${i + 1}. ${short} (${status})`;
}

export { label };
