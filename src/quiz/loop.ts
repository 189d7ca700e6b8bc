/**
 * The interactive quiz loop shared by `quiz` and `review`: asks through the
 * Prompter, folds answers into the session reducer and writes what the
 * renderers return. Practice records each answer the moment it is given; an
 * exam records each question's final answer once, when it is submitted.
 */
import type { Output } from '../ui/output.js';
import type { ProgressStore } from '../store/progress-store.js';
import type { AnswerRecord } from '../store/types.js';
import type { PickConfig } from '../ui/pick-prompt.js';
import type { Prompter } from '../ui/prompts.js';
import type { Theme } from '../ui/theme.js';
import { showPaged } from '../ui/pager.js';
import { presentChoices } from './bank.js';
import { MSG } from './messages.js';
import { label, type BankQuestion, type Response } from './question.js';
import { listLine, renderFeedback, renderQuestion } from './render.js';
import {
  answer,
  atReview,
  current,
  expire,
  finalAnswers,
  flag,
  goTo,
  skip,
  submit,
  tick,
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
  /** Called after every change of an exam's state (the command keeps it for `--resume`). */
  save?: (state: SessionState) => Promise<void>;
  /** The terminal's size now: feedback taller than the screen is shown a page at a time. */
  size?: () => { columns: number; rows: number };
}

/** How a question's prompt ended. */
export type Asked = { kind: 'answer'; response: Response } | { kind: 'skip' | 'back' | 'list' | 'timeout' };

export interface AskOptions {
  /** The exam keys (skip, flag, back, list) and clock; practice has skip only. */
  exam: boolean;
  /** An earlier answer, shown preselected. */
  previous?: Response;
  deadline?: number;
  flagged?: boolean;
  /** Whether `b` (back) makes sense (not on the first question). */
  canGoBack?: boolean;
  status?: string;
}

/** Asks one question (pair and order questions in several picks). Returns how it ended and the flag. */
export async function ask(
  prompter: Prompter,
  theme: Theme,
  q: BankQuestion,
  seed: number,
  opts: AskOptions,
): Promise<{ asked: Asked; flagged: boolean }> {
  let flagged = Boolean(opts.flagged);
  const base: Omit<PickConfig, 'message' | 'choices'> = {
    deadline: opts.deadline,
    keys: opts.exam ? { skip: true, flag: true, back: opts.canGoBack, list: true } : { skip: true },
    status: opts.status,
    style: { dim: theme.dim, warn: theme.warn, accent: theme.accent },
  };
  const opt = (items: string[]) => items.map((v) => ({ value: v, name: label(q, v) }));
  const once = async (message: string, items: string[], multiple: boolean, selected?: string[]) => {
    const r = await prompter.pick({ ...base, message, choices: opt(items), multiple, selected, flagged });
    flagged = r.flagged;
    return r;
  };
  const prev = opts.previous;
  const done = (asked: Asked) => ({ asked, flagged });
  switch (q.type) {
    case 'single':
    case 'outcome': {
      const r = await once(
        'Your answer',
        presentChoices(q, seed),
        false,
        typeof prev === 'string' ? [prev] : [],
      );
      return done(r.action === 'answer' ? { kind: 'answer', response: r.selected[0]! } : { kind: r.action });
    }
    case 'multi': {
      const r = await once(
        'Your answer (choose all that apply)',
        presentChoices(q, seed),
        true,
        Array.isArray(prev) ? prev : [],
      );
      return done(r.action === 'answer' ? { kind: 'answer', response: r.selected } : { kind: r.action });
    }
    case 'order': {
      const items = presentChoices(q, seed);
      const left = [...items];
      const order: string[] = [];
      while (left.length > 1) {
        const was = Array.isArray(prev) ? prev[order.length] : undefined;
        const r = await once(
          `Put them in order: ${order.length + 1} of ${items.length}`,
          left,
          false,
          was && left.includes(was) ? [was] : [],
        );
        if (r.action !== 'answer') return done({ kind: r.action });
        order.push(r.selected[0]!);
        left.splice(left.indexOf(r.selected[0]!), 1);
      }
      return done({ kind: 'answer', response: [...order, ...left] });
    }
    case 'pair': {
      const part = (suffix: string, choices: string[]) =>
        presentChoices({ ...q, id: `${q.id}#${suffix}`, type: 'single', choices }, seed);
      const p = prev && typeof prev === 'object' && !Array.isArray(prev) ? prev : undefined;
      const api = await once('a) Which API?', part('api', q.pair!.api.choices), false, p ? [p.api] : []);
      if (api.action !== 'answer') return done({ kind: api.action });
      const trust = await once(
        'b) What must the trust policy say?',
        part('trust', q.pair!.trust.choices),
        false,
        p ? [p.trust] : [],
      );
      if (trust.action !== 'answer') return done({ kind: trust.action });
      return done({ kind: 'answer', response: { api: api.selected[0]!, trust: trust.selected[0]! } });
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
  const exam = state.mode === 'exam';
  const n = state.questions.length;
  while (!(state = tick(state, deps.now().getTime())).submitted) {
    if (atReview(state)) state = await questionList(deps, state, true);
    else {
      const q = current(state)!;
      const i = state.index;
      out.write(renderQuestion(theme, q, i + 1, n, { topics: !exam }));
      const { asked, flagged } = await ask(prompter, theme, q, deps.seed, {
        exam,
        previous: state.responses[i],
        deadline: state.deadline,
        flagged: state.flagged[i],
        canGoBack: i > 0,
      });
      state = flag(state, i, flagged);
      if (asked.kind === 'timeout') state = expire(state);
      else if (asked.kind === 'back') state = goTo(state, i - 1);
      else if (asked.kind === 'list') state = await questionList(deps, state, false);
      else if (asked.kind === 'skip') {
        state = skip(state);
        if (!exam) {
          out.write(renderFeedback(theme, { question: q, correct: false, show: true, record: false }, true));
          await prompter.key(afterFeedback(state));
        }
      } else if (asked.kind === 'answer') {
        const step = answer(state, asked.response);
        state = step.state;
        if (step.feedback.record) await record(deps, q, step.feedback.correct);
        if (step.feedback.show) {
          await showFeedback(deps, renderFeedback(theme, step.feedback));
          await prompter.key(afterFeedback(state));
        }
      }
    }
    if (exam && deps.save) await deps.save(state);
  }
  if (state.expired) out.write(`\n${theme.warn(MSG.timeUp)}\n`);
  if (exam) for (const a of finalAnswers(state)) await record(deps, a.question, a.correct);
  return state;
}

/**
 * The key after a practice question's feedback, the last one's too: the results screen clears the
 * terminal, and the last explanation must be read before it does.
 */
const afterFeedback = (state: SessionState) => (state.submitted ? MSG.resultsKey : MSG.continueKey);

/**
 * Practice feedback, a page at a time when it is taller than the screen (an explanation with a long
 * answer): nothing scrolls away before "Press Enter to continue". No `q` in the pager: a quiz is left
 * with Ctrl-C.
 */
async function showFeedback(deps: LoopDeps, text: string): Promise<void> {
  if (!deps.size) {
    deps.out.write(text);
    return;
  }
  const io = {
    write: (t: string) => deps.out.write(t),
    key: (message: string, keys: string[]) => deps.prompter.key(deps.theme.dim(message), keys),
    size: deps.size,
  };
  await showPaged(text.replace(/\n$/, ''), io, 2, MSG.feedbackMore, { quit: false });
}

/** The exam's question list: jump to any question, or submit (the first choice, so Enter submits at the end). */
async function questionList(deps: LoopDeps, state: SessionState, atEnd: boolean): Promise<SessionState> {
  const unanswered = state.responses.filter((r) => r === undefined).length;
  const flagged = state.flagged.filter(Boolean).length;
  deps.out.write(
    `\n${deps.theme.heading(atEnd ? MSG.listEnd : MSG.listTitle)}\n${MSG.listCounts(flagged, unanswered)}\n`,
  );
  const r = await deps.prompter.pick({
    message: MSG.listPrompt,
    choices: [
      { value: 'submit', name: MSG.submitChoice },
      ...state.questions.map((_, i) => ({ value: String(i), name: listLine(state, i) })),
    ],
    selected: atEnd ? ['submit'] : [String(state.index)],
    deadline: state.deadline,
    status: MSG.listTitle,
    style: { dim: deps.theme.dim, warn: deps.theme.warn, accent: deps.theme.accent },
  });
  if (r.action === 'timeout') return expire(state);
  if (r.action !== 'answer') return state;
  const pick = r.selected[0]!;
  return pick === 'submit' ? submit(state) : goTo(state, Number(pick));
}
