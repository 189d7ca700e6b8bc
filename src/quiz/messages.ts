/** User-facing text of quiz, review and progress (STYLE.md: messages in one place). */
export const MSG = {
  quizInstead: 'run `sts-trainer quiz --print` for a worksheet with an answer key',
  reviewWhy: (n: number) => `${n} question${n === 1 ? ' is' : 's are'} due`,
  reviewInstead: 'run `sts-trainer review` in a terminal, or `sts-trainer quiz --print` for a worksheet',
  nothingDue: (next: string | undefined) =>
    next
      ? `nothing is due for review; the next question is due ${next}`
      : 'nothing to review yet: answer some questions with `sts-trainer quiz` or `sts-trainer learn` first',
  gone: (n: number) => `${n} due question${n === 1 ? ' is' : 's are'} no longer in the content and skipped`,
  resetNeedsYes: '`progress --reset` needs `--yes` when there is no terminal to confirm in',
  resetAsk: 'Forget every answer and all scenario progress?',
  resetDone: (file: string) => `progress reset (${file})`,
  resetKept: 'progress kept',
  continueKey: 'Press Enter to continue',
  examNextKey: 'Enter: next question · f: flag it for review',
  timeUp: 'time is up: the exam was submitted',
} as const;
