/**
 * The `--export` summary: players, standings, and each question with
 * everyone's answer and the explanation, as Markdown or JSON. Pure.
 */
import { answerLines, responseText } from '../quiz/question.js';
import { sanitize } from '../ui/sanitize.js';
import { mostMissed, roundResults, standings } from './scoring.js';
import { choiceSplit, ORDER_TITLE } from './split.js';
import type { GroupState } from './state.js';

export type ExportFormat = 'md' | 'json';

/** The format a file name asks for, or undefined when it is neither .md nor .json. */
export function exportFormat(file: string): ExportFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

export interface GroupSummary {
  format: 'sts-trainer-group/1';
  seed: number;
  players: string[];
  standings: {
    rank: number;
    player: string;
    points: number;
    correct: number;
    answered: number;
    bestStreak: number;
  }[];
  questions: {
    number: number;
    id: string;
    prompt: string;
    topics: string[];
    answer: string[];
    explanation: string | null;
    timedOut: boolean;
    /** Each choice as numbered on screen: right or not, and who chose it (order: who put it in its place). */
    choices: { part: string | null; number: number; text: string; right: boolean; chosenBy: string[] }[];
    answers: { player: string; answer: string | null; correct: boolean; points: number }[];
  }[];
  /** Numbers of the questions most of the group missed, most-missed first. */
  mostMissed: number[];
}

/** The summary of the rounds played so far. */
export function summarize(state: GroupState): GroupSummary {
  const played = state.questions.filter((_, q) => (state.answers[q] ?? []).every((a) => a !== null));
  return {
    format: 'sts-trainer-group/1',
    seed: state.seed,
    players: state.players,
    standings: standings(state).map((s) => ({
      rank: s.rank,
      player: s.player,
      points: s.points,
      correct: s.correct,
      answered: s.answered,
      bestStreak: s.best,
    })),
    questions: played.map((q, i) => ({
      number: i + 1,
      id: q.id,
      prompt: q.prompt,
      topics: q.topics,
      answer: answerLines(q),
      explanation: q.explain ?? null,
      timedOut: state.timedOut[i] ?? false,
      choices: choiceSplit(state, i).groups.flatMap((g) =>
        g.rows.map((r) => ({
          part: g.title ?? null,
          number: r.number,
          text: r.text,
          right: r.right,
          chosenBy: r.who,
        })),
      ),
      answers: state.players.map((player, p) => {
        const a = state.answers[i]?.[p];
        return {
          player,
          answer: a?.response == null ? null : responseText(q, a.response),
          correct: a?.correct ?? false,
          points: roundResults(state, i)[p]!.gained,
        };
      }),
    })),
    mostMissed: mostMissed(state).map((m) => m.index + 1),
  };
}

// The export is a text file a player opens later: content-pack text in it is sanitized (in JSON the
// escapes sanitize adds, `\uXXXX`, are the same string).
export function toJson(state: GroupState): string {
  return sanitize(`${JSON.stringify(summarize(state), null, 2)}\n`);
}

/**
 * Text as Markdown shows it, not as markup: `<` is escaped (`\\<`, which CommonMark shows as `<`) so a
 * pack's `<img onerror=…>`, `<script>` or an unclosed `<!--` that would hide the rest of the file stays
 * text in every renderer; `[` is escaped so no link or remote image (`![x](http://…)`) is made; a
 * line that would start a heading, quote, list, rule, table or code fence (`#`, `>`, `-`, `+`, `=`,
 * `|`, three backticks) has its first mark escaped.
 */
const noMarkup = (s: string) => s.replace(/[<[]/g, (c) => `\\${c}`);
const literal = (s: string) =>
  noMarkup(s).replace(
    /^([ \t]*)([#>+=|-]|```|~~~)/gm,
    (_m, indent: string, mark: string) => `${indent}\\${mark}`,
  );

/** Text on one line (a player's name, a topic): a newline in it cannot start a heading or a list. */
const inline = (s: string) => noMarkup(s).replace(/\s*\n\s*/g, ' ');

/** Text safe inside a Markdown table cell. */
const cell = (s: string) => inline(s).replace(/\|/g, '\\|');

/** Keeps the text's line breaks in Markdown (two trailing spaces). */
const hardBreaks = (s: string) => literal(s).trim().split('\n').join('  \n');

export function toMarkdown(state: GroupState): string {
  const s = summarize(state);
  const out: string[] = ['# sts-trainer study group', ''];
  out.push(
    `Players: ${s.players.map(inline).join(', ')} · ${s.questions.length} question${s.questions.length === 1 ? '' : 's'} · seed ${s.seed}`,
    '',
  );
  out.push(
    '## Standings',
    '',
    '| # | player | points | correct | best streak |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const r of s.standings)
    out.push(
      `| ${r.rank} | ${cell(r.player)} | ${r.points} | ${r.correct}/${r.answered} | ${r.bestStreak} |`,
    );
  out.push('', '## Questions');
  for (const q of s.questions) {
    out.push(
      '',
      `### ${q.number}. ${q.topics.map(inline).join(', ') || 'question'}`,
      '',
      hardBreaks(q.prompt),
      '',
    );
    out.push(`**Answer:** ${q.answer.map(inline).join('; ')}`, '');
    if (q.timedOut) out.push('_Time ran out for this question._', '');
    for (const part of [...new Set(q.choices.map((c) => c.part))]) {
      const placed = part === ORDER_TITLE;
      out.push(
        `| ${part && !placed ? cell(part) : 'choice'} | right | ${placed ? 'put in its right place by' : 'chosen by'} |`,
        '| --- | --- | --- |',
      );
      for (const c of q.choices.filter((x) => x.part === part))
        out.push(
          `| ${c.number}) ${cell(c.text)} | ${c.right && !placed ? '✔' : ''} | ${cell(c.chosenBy.join(', '))} |`,
        );
      out.push('');
    }
    out.push('| player | answer | | points |', '| --- | --- | --- | --- |');
    for (const a of q.answers)
      out.push(
        `| ${cell(a.player)} | ${cell(a.answer ?? 'no answer')} | ${a.correct ? '✔' : '✘'} | +${a.points} |`,
      );
    if (q.explanation) out.push('', hardBreaks(q.explanation));
  }
  if (s.mostMissed.length) {
    out.push('', '## Most missed (for discussion)', '');
    for (const n of s.mostMissed) {
      const q = s.questions[n - 1]!;
      const wrong = q.answers.filter((a) => !a.correct).length;
      out.push(`- Question ${n}: ${wrong} of ${s.players.length} missed it`);
    }
  }
  return sanitize(`${out.join('\n')}\n`);
}
