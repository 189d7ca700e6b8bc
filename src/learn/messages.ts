/** What `learn`, `next` and the menu say, in one place. */
export const MSG = {
  enter: 'Enter: continue',
  keysStep: (trust: boolean, detail: boolean) =>
    ['Enter: go on', detail ? 'd: all detail' : '', trust ? 't: trust policy' : '', 'q: quit and save']
      .filter(Boolean)
      .join(' · '),
  keysPause: 'Enter: go on · q: quit and save',
  where: (scenarioId: string, place: string) => `${scenarioId} · ${place}`,
  placeStep: (n: number, of: number) => `step ${n} of ${of}`,
  placeWhatIfMenu: (done: number, of: number) => `what-ifs: ${done} of ${of} run`,
  placeWhatIf: (n: number, of: number) => `what-if ${n} of ${of}`,
  placeIntro: 'intro',
  placeTakeaways: 'takeaways',
  handoutPredict: 'Predict before you read on: will this call succeed? If not, which error?',
  answerKey: 'Answer key',
  predictSucceed: 'Predict: will this call succeed?',
  predictYes: (who: string) => `Yes: ${who} answers with success`,
  predictNo: (who: string) => `No: ${who} refuses it`,
  predictWhichError: (who: string) => `Predict: which error will ${who} return?`,
  /** A service's own name for the engine's error (`status` when it sends another one). */
  renamedError: (service: string, code: string, status?: number, what = 'denial') =>
    `${service} sends this ${what} as ${code}${status === undefined ? '' : ` (HTTP ${status})`}:`,
  predictedRight: (what: string) => `You predicted it ${what}. Right.`,
  predictedWrong: (what: string, actual: string) => `You predicted it ${what}; it ${actual}.`,
  whatIfMenu: 'What if…? Pick a variation to run on the engine',
  doneWhatIfs: 'Done: show the takeaways',
  completed: (title: string) => `Completed: ${title}. Your progress is saved.`,
  score: (label: string, right: number, total: number) => `${label}: ${right} of ${total} right`,
  resuming: (step: number) => `Resuming at step ${step}.`,
  saved: (id: string) => `Saved. \`sts-trainer learn ${id}\` (or \`sts-trainer next\`) picks up here.`,
  examTask: (tasks: string[]) => `Exam task: ${tasks.join(', ')}`,
  more: (page: number, pages: number) => `-- ${page}/${pages} · space: more · b: back · q: quit --`,
  resumeQuestion: (title: string) => `${title}: where do you want to start?`,
  resumeAtStep: (n: number, title: string) => `Continue at step ${n} (${title})`,
  resumeAtWhatIfs: (done: number, of: number) => `Continue at the what-ifs (${done} of ${of} run)`,
  startOver: 'Start over from step 1',
} as const;

/** What `next` and the menu's status line say. */
export const NEXT = {
  resumeStep: (id: string, step: number, of: number) =>
    `Continue ${id} at step ${step} of ${of}: sts-trainer learn ${id}`,
  resumeWhatIfs: (id: string) => `Continue ${id} at the what-ifs: sts-trainer learn ${id}`,
  due: (n: number) =>
    n === 0
      ? 'No questions due for review.'
      : `${n} question${n === 1 ? '' : 's'} due for review: sts-trainer review`,
  suggestWeak: (id: string, topic: string, missed: number, answered: number) =>
    `Suggested next: ${id} (you missed ${missed} of ${answered} ${topic} questions): sts-trainer learn ${id}`,
  suggestPath: (id: string) => `Suggested next on the path: ${id}: sts-trainer learn ${id}`,
  allDone: 'Every scenario is completed: try `sts-trainer quiz --mode exam`.',
  status: (due: number, streak: number, completed: number, of: number) =>
    `${due} due for review · streak ${streak} day${streak === 1 ? '' : 's'} · ${completed} of ${of} scenarios completed`,
} as const;
