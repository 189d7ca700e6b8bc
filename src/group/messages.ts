import { sanitizeLine } from '../ui/sanitize.js';

/** User-facing text of `group` (STYLE.md: messages in one place). */
export const GROUP_MSG = {
  needsTerminalWhy: 'players answer at the keyboard',
  needsTerminalInstead: 'run it in a terminal, or `sts-trainer quiz --print` for a printable worksheet',
  namesPrompt: (n: number) => `Player ${n} name (Enter when everyone is in)`,
  noSession: 'there is no interrupted group session to resume',
  noSessionHint: 'start one with `sts-trainer group --players "Ana,Ben"`',
  resumeConflict: (flag: string) => `\`${flag}\` cannot change a resumed session`,
  resumeConflictHint: 'drop it, or start a new session without `--resume`',
  unfinished: (players: string[], at: number, total: number) =>
    `An unfinished session (${players.join(', ')}; question ${at} of ${total}) is saved`,
  resumeIt: 'Resume it',
  startNew: 'Start a new session (the saved one is discarded)',
  badExport: (file: string) => `\`--export\` takes a .md or .json file name, not \`${file}\``,
  badTimer: '`--timer` must be between 5 and 3600 seconds',
  badCount: '`--count` must be at least 1',
  startKey: (mode: string) => `Enter: start answering (${mode}) · m: switch mode`,
  hotseat: 'hot-seat: each player in turn',
  host: 'host enters everyone’s answers',
  yourTurn: (player: string) => `${player}, your answer`,
  hostEntry: (players: string[]) => `Answers for ${players.join(', ')} (in that order)`,
  timerKeys: 'Ctrl-P pause/resume · Ctrl-E +15 s',
  timeUp: 'time is up: players who had not answered get this one wrong',
  nextKey: 'Enter: scoreboard',
  more: (page: number, pages: number) => `page ${page} of ${pages} · Enter or space: more · b: back`,
  continueKey: (last: boolean) => (last ? 'Enter: final standings' : 'Enter: next question'),
  exported: (file: string) => `summary written to ${sanitizeLine(file)}`,
  resumeHint: 'resume with `sts-trainer group --resume`',
  notRecorded: 'group answers are not added to your personal progress',
} as const;
