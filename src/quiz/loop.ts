/**
 * The interactive quiz loop shared by `quiz` and `review`: asks through the
 * Prompter, folds answers into the session reducer, records each answer the
 * moment it is given, and writes what the renderers return.
 */
import type { Output } from '../ui/output.js';
import type { ProgressStore } from '../store/progress-store.js';
import type { AnswerRecord } from '../store/types.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { presentChoices } from './bank.js';
import { MSG } from './messages.js';
import { label, type BankQuestion, type Response } from './question.js';
import { renderFeedback, renderQuestion, reviewLine } from './render.js';
import {
  answer,
  atReview,
  current,
  flag,
  formatClock,
  revisit,
  submit,
  tick,
  timeLeft,
  type SessionState,
} from './session.js';

export interface LoopDeps {
  prompter: Prompter;
  theme: Theme;
  out: Output;
  store: ProgressStore;
  source: AnswerRecord['source'];
  seed: number;
  now: () => Date;
}

/** Asks one question with the right kind of prompt. */
export async function ask(prompter: Prompter, q: BankQuestion, seed: number): Promise<Response> {
  const opts = (items: string[]) => items.map((v) => ({ value: v, name: label(q, v) }));
  switch (q.type) {
    case 'single':
    case 'outcome':
      return prompter.choice('Your answer', opts(presentChoices(q, seed)));
    case 'multi':
      return prompter.multi(
        'Your answer (space to select, enter to confirm)',
        opts(presentChoices(q, seed)),
        {
          min: 1,
        },
      );
    case 'order':
      return prompter.order('Put them in order', presentChoices(q, seed));
    case 'pair': {
      const part = (suffix: string, choices: string[]) =>
        presentChoices({ ...q, id: `${q.id}#${suffix}`, type: 'single', choices }, seed);
      const api = await prompter.choice('a) Which API?', opts(part('api', q.pair!.api.choices)));
      const trust = await prompter.choice(
        'b) Which trust condition?',
        opts(part('trust', q.pair!.trust.choices)),
      );
      return { api, trust };
    }
  }
}

async function record(deps: LoopDeps, q: BankQuestion, correct: boolean): Promise<void> {
  await deps.store.recordAnswer({
    questionId: q.id,
    correct,
    at: deps.now().toISOString(),
    topics: q.topics,
    source: deps.source,
  });
}

/** Runs a session to its end (practice: every question; exam: until submitted or out of time). */
export async function runSession(deps: LoopDeps, start: SessionState): Promise<SessionState> {
  let state = start;
  const { theme, out, prompter } = deps;
  for (;;) {
    state = tick(state, deps.now().getTime());
    if (state.submitted) {
      if (state.expired) out.write(`${theme.warn(MSG.timeUp)}\n`);
      return state;
    }
    if (atReview(state)) {
      state = await examReview(deps, state);
      continue;
    }
    const q = current(state)!;
    const left = timeLeft(state, deps.now().getTime());
    const extra = left === undefined ? '' : theme.dim(` · ${formatClock(left)} left`);
    const flagNote = state.flagged[state.index] ? theme.warn(' · ⚑ flagged') : '';
    out.write(renderQuestion(theme, q, state.index + 1, state.questions.length, extra + flagNote));
    const i = state.index;
    const response = await ask(prompter, q, deps.seed);
    const step = answer(state, response);
    state = step.state;
    if (step.feedback.record) await record(deps, q, step.feedback.correct);
    if (step.feedback.show) {
      out.write(renderFeedback(theme, step.feedback));
      if (!state.submitted) await prompter.key(MSG.continueKey);
    } else if (state.mode === 'exam') {
      const k = await prompter.key(state.flagged[i] ? 'Enter: next · f: unflag' : MSG.examNextKey, ['f']);
      if (k === 'f') state = flag(state, i, !state.flagged[i]);
    }
  }
}

/** The exam's review screen: revisit any question (flagged ones first) or submit. */
async function examReview(deps: LoopDeps, state: SessionState): Promise<SessionState> {
  const order = state.questions
    .map((_, i) => i)
    .sort((a, b) => Number(state.flagged[b]) - Number(state.flagged[a]) || a - b);
  const unanswered = state.responses.filter((r) => r === undefined).length;
  const flagged = state.flagged.filter(Boolean).length;
  deps.out.write(
    `\n${deps.theme.heading('Review before submitting')}\n` +
      `${flagged} flagged · ${unanswered} not answered\n`,
  );
  const pick = await deps.prompter.choice('Revisit a question or submit', [
    { value: 'submit', name: 'Submit my answers' },
    ...order.map((i) => ({ value: String(i), name: reviewLine(state, i) })),
  ]);
  return pick === 'submit' ? submit(state) : revisit(state, Number(pick));
}
