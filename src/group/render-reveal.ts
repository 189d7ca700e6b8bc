/**
 * The reveal after each question, as a string (pure): how the group split across the choices (a
 * bar per choice, the right ones marked), each player's points this round and move on the
 * scoreboard, and the explanation.
 */
import { answerLines } from '../quiz/question.js';
import { visibleLength, type Theme } from '../ui/theme.js';
import { roundResults, whoGotIt } from './scoring.js';
import { choiceSplit, type ChoiceRow } from './split.js';
import type { GroupState } from './state.js';

const BAR = 10;

/** `s` cut to `room` columns with an ellipsis (player names and choice labels in a row). */
function fit(s: string, room: number): string {
  if (visibleLength(s) <= room) return s;
  let out = '';
  for (const ch of s) {
    if (visibleLength(`${out}${ch}…`) > room) break;
    out += ch;
  }
  return `${out}…`;
}

/** `██████░░░░` (plain: `######....`): `count` of `of` players. */
export function splitBar(theme: Theme, count: number, of: number): string {
  const full = of === 0 ? 0 : Math.round((count / of) * BAR);
  const [on, off] = theme.plain ? ['#', '.'] : ['█', '░'];
  return on.repeat(full) + theme.dim(off.repeat(BAR - full));
}

/** Columns a choice's label has next to its bar. */
const labelRoomOf = (theme: Theme) => Math.max(12, Math.min(40, Math.floor(theme.width * 0.4)));

function choiceLines(theme: Theme, rows: ChoiceRow[], players: number, mark: boolean): string[] {
  const labelRoom = labelRoomOf(theme);
  return rows.map((r) => {
    const right = mark && r.right;
    const head = `${right ? theme.ok(theme.sym.ok) : ' '} ${r.number}) `;
    const text = fit(r.text, labelRoom);
    const pad = ' '.repeat(Math.max(0, labelRoom - visibleLength(text)));
    const count = String(r.who.length).padStart(2);
    const lead = `${head}${right ? theme.ok(text) : text}${pad}  ${splitBar(theme, r.who.length, players)} ${count}`;
    const room = theme.width - visibleLength(lead) - 2;
    const names = r.who.length && room > 6 ? `  ${theme.dim(fit(r.who.join(', '), room))}` : '';
    return lead + names;
  });
}

/** 1st, 2nd, 3rd, 4th, …, 11th, 21st. */
export function ordinal(n: number): string {
  const suffix: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (suffix[n % 10] ?? 'th')}`;
}

/** `↑2`, `↓1` or nothing. */
export const moveMark = (moved: number) => (moved > 0 ? `↑${moved}` : moved < 0 ? `↓${-moved}` : '');

function playerLines(theme: Theme, state: GroupState, q: number): string[] {
  const results = roundResults(state, q);
  const nameRoom = Math.min(16, Math.max(...state.players.map((p) => visibleLength(p))));
  return results.map((r, p) => {
    const a = state.answers[q]?.[p];
    const mark =
      a?.response == null ? theme.dim('–') : a.correct ? theme.ok(theme.sym.ok) : theme.fail(theme.sym.fail);
    const name = fit(r.player, nameRoom);
    const pad = ' '.repeat(nameRoom - visibleLength(name));
    const gained = `+${r.gained}`.padStart(4);
    const move = moveMark(r.moved);
    const moveText = r.moved > 0 ? theme.ok(move) : r.moved < 0 ? theme.warn(move) : '';
    return `  ${mark} ${theme.bold(name)}${pad}  ${gained}  ${String(r.total).padStart(4)} pts  ${ordinal(r.rank)} ${moveText}`.trimEnd();
  });
}

/** The reveal of question `q`. */
export function renderReveal(theme: Theme, state: GroupState, q: number): string {
  const question = state.questions[q]!;
  const split = choiceSplit(state, q);
  const n = state.players.length;
  const out: string[] = [theme.heading(`QUESTION ${q + 1} OF ${state.questions.length} · THE ANSWER`)];
  out.push(theme.rule() || '-'.repeat(theme.width));
  if (state.timedOut[q]) out.push(theme.warn('time ran out'));
  if (question.type === 'order')
    out.push(theme.bold('The order:'), ...answerLines(question).map((l) => theme.ok(`  ${l}`)));
  for (const g of split.groups) {
    if (g.title) out.push(theme.accent(g.title));
    out.push(...choiceLines(theme, g.rows, n, question.type !== 'order'));
  }
  if (split.none.length) out.push(theme.dim(`  no answer: ${split.none.join(', ')}`));
  // a right answer cut short next to its bar is shown whole: this is where the room learns it
  const room = labelRoomOf(theme);
  const cut = split.groups.some((g) => g.rows.some((r) => r.right && visibleLength(r.text) > room));
  if (question.type !== 'order' && cut)
    out.push('', theme.bold('The answer:'), ...answerLines(question).map((l) => theme.ok(theme.wrap(l, 2))));
  const got = whoGotIt(state, q);
  out.push(
    '',
    got.length === n
      ? theme.ok(`Everyone got it ${theme.sym.ok}`)
      : got.length === 0
        ? theme.fail(`Nobody got it ${theme.sym.fail}`)
        : `Got it: ${got.join(', ')}`,
  );
  out.push(...playerLines(theme, state, q));
  if (question.explain) out.push('', theme.wrap(question.explain, 2));
  if (question.refs.length) out.push(...question.refs.map((r) => theme.dim(`  ${r}`)));
  return `${out.join('\n')}\n`;
}
