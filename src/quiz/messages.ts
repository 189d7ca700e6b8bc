/** User-facing text of quiz, review and progress (STYLE.md: messages in one place). */
export const MSG = {
  resultsMore: (page: number, pages: number) =>
    `-- ${page}/${pages} · space: more · b: back · q: skip to the menu --`,
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
  resultsKey: 'Press Enter for your results',
  feedbackMore: (page: number, pages: number) => `-- ${page}/${pages} · space: more · b: back --`,
  noHistory: 'no finished sessions yet: `sts-trainer quiz` adds one each time',
  nothingToResume: 'there is no saved exam to resume',
  resumeUnreadable: (why: string) => `the saved exam cannot be resumed: ${why}`,
  resumeGone: 'the saved exam asks questions that are no longer in the content (was `--content` different?)',
  mockEmpty: (code: string) => `no question in the content is tagged for ${code}`,
  mockPlan: (code: string, n: number, minutes: number, missing: string) =>
    `${code} mock: ${n} questions in ${minutes} min, spread over the exam's domains by weight` +
    (missing ? `; no questions yet for ${missing}` : ''),
  nothingMissed: 'nothing to drill: your last session had no missed question (or there was none yet)',
  replacesSaved:
    'note: a saved exam was waiting; this new exam replaces it (`quiz --resume` continues a saved one)',
  examSaved: 'exam saved: `sts-trainer quiz --resume` continues it',
  timeRanOut: 'time ran out',
  timeLeft: (clock: string) => ` (${clock} left)`,
  timeUp: 'time is up: the exam was submitted with the answers given',
  listTitle: 'Questions',
  listEnd: 'Review before submitting',
  listCounts: (flagged: number, unanswered: number) => `${flagged} flagged · ${unanswered} not answered`,
  listPrompt: 'Open a question, or submit',
  submitChoice: 'Submit my answers',
} as const;
