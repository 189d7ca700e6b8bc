/**
 * The group screens as strings: a large question layout, the turn line,
 * the reveal, the scoreboard and the final standings. Pure.
 */
import { answerLines, label, type BankQuestion } from '../quiz/question.js';
import { TYPE_HINT } from '../quiz/render.js';
import { renderTable } from '../ui/table.js';
import type { Theme } from '../ui/theme.js';
import type { Shown } from './entry.js';
import { ordinal } from './render-reveal.js';
import { mostMissed, standings, topicResults, type Standing } from './scoring.js';
import type { GroupState } from './state.js';

/** `    1) text`, continuation lines hanging under the text. */
const numbered = (theme: Theme, q: BankQuestion, items: string[]) =>
  items.map((v, i) => {
    const num = `${i + 1})`;
    return `    ${theme.bold(num)} ${theme.wrap(label(q, v), 8).trimStart()}`;
  });

/** The question, big and clear: heading, a full-width rule, the prompt and the numbered choices. */
function fullLayout(theme: Theme, state: GroupState, shown: Shown): string[] {
  const q = state.questions[state.index]!;
  const out: string[] = [];
  out.push(theme.heading(`QUESTION ${state.index + 1} OF ${state.questions.length}`));
  out.push(theme.dim(`${TYPE_HINT[q.type]}${q.topics.length ? ` · ${q.topics.join(', ')}` : ''}`));
  out.push(theme.rule() || '-'.repeat(theme.width));
  out.push('', theme.bold(theme.wrap(q.prompt, 2)), '');
  if (shown.kind === 'pair') {
    out.push(theme.accent('  a) Which API?'), ...numbered(theme, q, shown.api), '');
    out.push(theme.accent('  b) What must the trust policy say?'), ...numbered(theme, q, shown.trust));
  } else out.push(...numbered(theme, q, shown.items));
  out.push(theme.rule() || '-'.repeat(theme.width));
  return out;
}

/** The same without topics, rules and blank lines, choices less indented: for a short terminal. */
function compactLayout(theme: Theme, state: GroupState, shown: Shown): string[] {
  const q = state.questions[state.index]!;
  const list = (items: string[]) =>
    items.map((v, i) => `  ${theme.bold(`${i + 1})`)} ${theme.wrap(label(q, v), 5).trimStart()}`);
  const out = [
    theme.wrap(
      `${theme.heading(`QUESTION ${state.index + 1} OF ${state.questions.length}`)} · ${theme.dim(TYPE_HINT[q.type])}`,
    ),
    theme.bold(theme.wrap(q.prompt, 2)),
  ];
  if (shown.kind === 'pair') {
    out.push(theme.accent('a) Which API?'), ...list(shown.api));
    out.push(theme.accent('b) What must the trust policy say?'), ...list(shown.trust));
  } else out.push(...list(shown.items));
  return out;
}

const height = (lines: string[]) => lines.join('\n').split('\n').length;

/**
 * The question screen. `rows`: the terminal rows it may take (the rest is the answer prompt's):
 * when the full layout is taller, the compact one is used, so the question stays on screen while
 * players answer.
 */
export function renderQuestionScreen(theme: Theme, state: GroupState, shown: Shown, rows?: number): string {
  const full = fullLayout(theme, state, shown);
  const lines = rows !== undefined && height(full) > rows ? compactLayout(theme, state, shown) : full;
  return `${lines.join('\n')}\n`;
}

/**
 * Who has answered (without what) and who is still to answer: `answered: Ana ●  Ben …  Chen …`. Not
 * ✔ in green: the reveal marks right answers so, and the next player would read it as one.
 */
export function renderTurnLine(theme: Theme, state: GroupState): string {
  const row = state.answers[state.index] ?? [];
  const parts = state.players.map((p, i) => (row[i] ? theme.bold(`${p} ●`) : theme.dim(`${p} …`)));
  return `${theme.dim('answered:')} ${parts.join('  ')}`;
}

export { renderReveal } from './render-reveal.js';

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
  out.push(...renderPodium(theme, top));
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
      theme.wrap(`${theme.ok(`${theme.sym.ok} answer:`)} ${answerLines(m.question).join('; ')}`, 3),
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * The podium: the first three places, players level on points and right answers sharing one
 * (1st, 1st, 3rd), so a tie never hides anyone.
 */
export function renderPodium(theme: Theme, top: Standing[]): string[] {
  const places = [...new Set(top.filter((s) => s.rank <= 3).map((s) => s.rank))];
  const medal = ['', '🥇', '🥈', '🥉'];
  return places.map((rank) => {
    const at = top.filter((s) => s.rank === rank);
    const names = at.map((s) => s.player).join(', ');
    const tie = at.length > 1 ? theme.dim(' (tie)') : '';
    const head = theme.plain ? ordinal(rank) : `${medal[rank]} ${ordinal(rank)}`;
    return `  ${theme.bold(head)}  ${names}  ${at[0]!.points} pts${tie}`;
  });
}

/** The countdown's status line. */
export function renderTimerLine(theme: Theme, left: string, paused: boolean, keys: string): string {
  const clock = paused ? theme.warn(`⏸ paused · ${left} left`) : theme.accent(`⏱ ${left} left`);
  return `${clock}  ${theme.dim(keys)}`;
}
