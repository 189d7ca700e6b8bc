/**
 * The resume file's contract. `group-session.json` is user-writable, so a resumed session is checked
 * with the same schema machinery as content (zod) before the game loop sees it: a tampered file is
 * refused with one message (exit 2) and left in place, never looped on or crashed into.
 */
import { z } from 'zod';
import { MAX_PLAYERS, MIN_PLAYERS } from './state.js';

const nonEmpty = z.string().trim().min(1);
const response = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]);
const given = z.strictObject({
  response: response.nullable(),
  correct: z.boolean(),
  ms: z.number().nonnegative().optional(),
});

/** A stored question: the fields the game reads; other fields (labels, topics, …) pass through. */
const question = z.looseObject({
  id: nonEmpty,
  type: z.enum(['single', 'multi', 'order', 'pair', 'outcome']),
  prompt: nonEmpty,
  choices: z.array(z.string()),
  answer: z.union([z.string(), z.array(z.string())]),
  refs: z.array(z.string()),
});

export const GroupSessionSchema = z
  .looseObject({
    version: z.literal(1),
    phase: z.enum(['setup', 'question', 'turns', 'reveal', 'scoreboard', 'final']),
    players: z.array(nonEmpty).min(MIN_PLAYERS).max(MAX_PLAYERS),
    questions: z.array(question).min(1),
    seed: z.number().int(),
    timer: z.number().positive().optional(),
    exportFile: z.string().min(1).optional(),
    speed: z.number().positive().optional(),
    mode: z.enum(['hotseat', 'host']),
    index: z.number().int().nonnegative(),
    answers: z.array(z.array(given.nullable())),
    timedOut: z.array(z.boolean()),
  })
  .superRefine((s, ctx) => {
    const n = s.questions.length;
    const last = s.phase === 'final' ? n : n - 1;
    if (s.index > last)
      ctx.addIssue({
        code: 'custom',
        path: ['index'],
        message: `must be from 0 to ${last} (phase \`${s.phase}\`)`,
      });
    if (s.answers.length !== n)
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `must have one row per question (${n})` });
    s.answers.forEach((row, i) => {
      if (row.length !== s.players.length)
        ctx.addIssue({ code: 'custom', path: ['answers', i], message: `must have one entry per player` });
    });
  });

/** Why a parsed session file cannot be resumed (the first problem, with where it is), or undefined. */
export function sessionProblem(data: unknown): string | undefined {
  const r = GroupSessionSchema.safeParse(data);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? `\`${issue.path.join('.')}\`` : 'the file';
  return `${where}: ${issue.message}`;
}
