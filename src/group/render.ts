/**
 * The group screens as strings: a large question layout, the turn line,
 * the reveal, the scoreboard and the final standings. Pure.
 */
import { answerLines, label, responseText, type BankQuestion } from '../quiz/question.js';
import { TYPE_HINT } from '../quiz/render.js';
import { renderTable } from '../ui/table.js';
import type { Theme } from '../ui/theme.js';
import type { Shown } from './entry.js';
import { mostMissed, standings, topicResults, whoGotIt } from './scoring.js';
import type { GroupState } from './state.js';

/** `    1) text`, continuation lines hanging under the text. */
const numbered = (theme: Theme, q: BankQuestion, items: string[]) =>
  items.map((v, i) => {
    const num = `${i + 1})`;
    return `    ${theme.bold(num)} ${theme.wrap(label(q, v), 8).trimStart()}`;
  });

/** The question, big and clear: heading, a full-width rule, the prompt and the numbered choices. */
export function renderQuestionScreen(theme: Theme, state: GroupState, shown: Shown): string {
  const q = state.questions[state.index]!;
  const out: string[] = [];
  out.push(theme.heading(`QUESTION ${state.index + 1} OF ${state.questions.length}`));
  out.push(theme.dim(`${TYPE_HINT[q.type]}${q.topics.length ? ` · ${q.topics.join(', ')}` : ''}`));
  out.push(theme.rule() || '-'.repeat(theme.width));
  out.push('', theme.bold(theme.wrap(q.prompt, 2)), '');
  if (shown.kind === 'pair') {
    out.push(theme.accent('  a) Which API?'), ...numbered(theme, q, shown.api), '');
    out.push(theme.accent('  b) Which trust condition?'), ...numbered(theme, q, shown.trust));
  } else out.push(...numbered(theme, q, shown.items));
  out.push(theme.rule() || '-'.repeat(theme.width));
  return `${out.join('\n')}\n`;
}

/** Who has answered (without what) and who is still to answer. */
export function renderTurnLine(theme: Theme, state: GroupState): string {
  const row = state.answers[state.index] ?? [];
  const parts = state.players.map((p, i) =>
    row[i] ? theme.ok(`${theme.sym.ok} ${p}`) : theme.dim(`… ${p}`),
  );
  return `${theme.dim('answered:')} ${parts.join('  ')}\n`;
}

/** The right answer, who got it, each player's answer, and the explanation. */
export function renderReveal(theme: Theme, state: GroupState, q: number): string {
  const question = state.questions[q]!;
  const out: string[] = ['', theme.rule('Answer')];
  if (state.timedOut[q]) out.push(theme.warn('time ran out'));
  out.push(theme.bold('The answer:'), ...answerLines(question).map((l) => theme.ok(`  ${l}`)));
  const got = whoGotIt(state, q);
  out.push(
    '',
    got.length === state.players.length
      ? theme.ok(`Everyone got it ${theme.sym.ok}`)
      : got.length === 0
        ? theme.fail(`Nobody got it ${theme.sym.fail}`)
        : `Got it: ${got.join(', ')}`,
  );
  state.players.forEach((p, i) => {
    const a = state.answers[q]?.[i];
    const text = a?.response == null ? 'no answer' : responseText(question, a.response);
    const mark = a?.correct ? theme.ok(theme.sym.ok) : theme.fail(theme.sym.fail);
    out.push(`  ${mark} ${theme.bold(p)}: ${text}`);
  });
  if (question.explain) out.push('', theme.wrap(question.explain, 2));
  if (question.refs.length) out.push(...question.refs.map((r) => theme.dim(`  ${r}`)));
  return `${out.join('\n')}\n`;
}

/** The running scoreboard: rank, points, right answers, current and best streak. */
export function renderScoreboard(theme: Theme, state: GroupState, title = 'Scoreboard'): string {
  const rows = standings(state).map((s) => [
    s.rank,
    s.player,
    s.points,
    `${s.correct}/${s.answered}`,
    s.streak,
    s.best,
  ]);
  const table = renderTable(['#', 'player', 'points', 'correct', 'streak', 'best'], rows, theme);
  return `\n${theme.heading(title)}\n${table}`;
}

/** Final standings, each player's results by topic, and the questions most of the group missed. */
export function renderFinal(theme: Theme, state: GroupState): string {
  const out: string[] = [`\n${theme.rule('Final standings')}`];
  const top = standings(state);
  const winners = top.filter((s) => s.rank === 1).map((s) => s.player);
  if (winners.length) out.push(theme.bold(`Winner${winners.length > 1 ? 's' : ''}: ${winners.join(', ')}`));
  out.push(renderScoreboard(theme, state, 'Standings').trimEnd());
  const topics = topicResults(state);
  if (topics.length) {
    const rows = topics.map((t) => [t.topic, ...t.scores.map((s) => `${s.correct}/${s.asked}`)]);
    out.push(`\n${theme.heading('By topic')}`);
    out.push(renderTable(['topic', ...state.players], rows, theme).trimEnd());
  }
  const missed = mostMissed(state);
  out.push(`\n${theme.heading('Most of the group missed')}`);
  if (missed.length === 0) out.push(theme.dim('  nothing: no question was missed by more than half'));
  for (const m of missed) {
    out.push(
      `\n${m.index + 1}. ${theme.wrap(m.question.prompt, 3).trimStart()}`,
      theme.dim(`   ${m.wrong} of ${state.players.length} missed it`),
      `   ${theme.ok(`${theme.sym.ok} answer:`)} ${theme.wrap(answerLines(m.question).join('; '), 5).trimStart()}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The countdown's status line. */
export function renderTimerLine(theme: Theme, left: string, paused: boolean, keys: string): string {
  const clock = paused ? theme.warn(`⏸ paused · ${left} left`) : theme.accent(`⏱ ${left} left`);
  return `${clock}  ${theme.dim(keys)}`;
}
