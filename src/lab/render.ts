/**
 * What the lab terminal prints: the banner, the task list, one line per call
 * with the check that decided it, and task completions. Renderers only: they
 * return strings; src/lab/run.ts writes them.
 */
import type { Call } from '../content/schema.js';
import { serviceDenial } from '../content/service-error.js';
import { sanitizeLine } from '../ui/sanitize.js';
import { visibleLength, wrapWords } from '../ui/text.js';
import type { Theme } from '../ui/theme.js';
import { EXPORT_SESSION_KEYS, quote } from './aws-config.js';
import type { LabEvent } from './lab.js';
import type { LabTask } from './tasks.js';

export const TEXT = {
  listening: (url: string, scenario: string) => `STS simulator listening on ${url}  (scenario: ${scenario})`,
  otherTerminal: 'In another terminal:',
  evalEnv: (self: string) => `eval "$(${self} lab env)"`,
  allServices: '(or --all: s3, ec2… too)',
  mfa: (user: string, serial: string, code: string) => `MFA device of ${user}: ${serial}  code ${code}`,
  tokens: (steps: string[], self: string) =>
    `federation tokens: ${self} lab token ${steps.length === 1 ? steps[0] : 'STEP'}`,
  /** Which steps `lab token STEP` takes, when there are several. */
  tokenSteps: (steps: string[]) => (steps.length > 1 ? `(steps: ${steps.join(', ')})` : ''),
  keys: 'keys: d trace of the last call · t tasks · a advance the clock 1 h · q quit',
  noInputKeys: 'one line per call; stop with Ctrl-C (or SIGTERM)',
  tasks: 'Tasks',
  impossible: 'not possible with real tools (the caller is an AWS service or Identity Center)',
  doneLine: (task: LabTask, n: number, done: number, total: number) =>
    `task ${n} done: ${task.title} (${done}/${total})`,
  next: 'next:',
  moreTasks: (n: number) => `… ${n} more: press t to list every task`,
  allDone: 'every task is done',
  noCallYet: 'no call has reached the engine yet',
  advanced: (by: string, now: string) => `clock moved forward ${by}: simulated time is now ${now}`,
  stopped: (done: number, total: number) =>
    `lab stopped: ${done}/${total} tasks done (saved to your progress)`,
  alreadyRunning: (running: { scenario: string; pid: number }, dataDir: string) =>
    `a lab for \`${running.scenario}\` is already running on ${dataDir} (pid ${running.pid}): stop it first, or start this one with another --data-dir`,
} as const;

const hhmmss = (iso: string) => iso.slice(11, 19);

/**
 * How another terminal runs sts-trainer to reach this lab: `lab env`, `lab token` and `lab advance`
 * find it through `<data dir>/lab/lab.json`, so a lab on a data dir that is not the default
 * (`--data-dir`, STS_TRAINER_HOME) prints commands that name it; without it they would look in the
 * default folder and say no lab is running.
 */
export const selfCommand = (dataDir: string | undefined): string =>
  dataDir === undefined ? 'sts-trainer' : `sts-trainer --data-dir ${quote(dataDir)}`;

/** The profile of the lab's AWS config that signs as `as`, when one does (a step's session may have none). */
export function callerProfile(as: string, profileOfStep: ReadonlyMap<string, string>): string | undefined {
  if (as.startsWith('$')) return profileOfStep.get(as.slice(1));
  if (as.startsWith('root/')) return `root-${as.slice(5)}`;
  if (as.startsWith('user/')) return as.slice(5);
  return undefined;
}

/** Who a task's call must be signed by, in the lab's terms. */
export function callerHint(as: string, profileOfStep: ReadonlyMap<string, string>): string {
  if (as === 'anonymous') return 'unsigned';
  const profile = callerProfile(as, profileOfStep);
  if (as.startsWith('$')) {
    const step = as.slice(1);
    return profile
      ? `--profile ${profile} (or step ${step}'s credentials)`
      : `the credentials step ${step} printed`;
  }
  return profile ? `--profile ${profile}` : as;
}

export type CliCommand = (call: Call, width: number, token?: string, profile?: string) => string;

/**
 * The AWS CLI command that does a task, `--profile` in it when a profile signs as the task's caller:
 * the command a learner pastes is the whole task (the profile `lab env` selects is the first step's
 * caller, so a command without `--profile` would run as someone else). A comment (no CLI command for
 * the action) comes back as it is.
 */
export function taskCommand(
  call: Call,
  profileOfStep: ReadonlyMap<string, string>,
  width: number,
  cliCommand: CliCommand,
): string {
  return cliCommand(call, width, undefined, callerProfile(call.as, profileOfStep));
}

/** One entry per task; on a terminal (`width`), a long title wraps under itself instead of mid-word. */
export function taskLines(
  tasks: readonly LabTask[],
  done: ReadonlySet<string>,
  t: Theme,
  width?: number,
): string[] {
  return tasks.map((task, i) => {
    const box = !task.possible ? t.dim('–') : done.has(task.id) ? t.ok(t.sym.ok) : '☐';
    const lead = `${box} ${String(i + 1).padStart(2)}. `;
    const line = lead + (task.possible ? task.title : t.dim(`${task.title} (${TEXT.impossible})`));
    return indented(2, line, width, visibleLength(lead));
  });
}

/**
 * The task list in at most `room` lines: whole when it fits, else the tasks from the next one to do
 * and a line saying how many more `t` lists (so the banner above stays on a short screen).
 */
export function fittedTaskLines(
  tasks: readonly LabTask[],
  done: ReadonlySet<string>,
  t: Theme,
  room: number,
  width?: number,
): string[] {
  const all = taskLines(tasks, done, t, width);
  const rows = (entry: string) => entry.split('\n').length;
  if (all.reduce((n, e) => n + rows(e), 0) <= room) return all;
  const fit = Math.max(1, room - 1);
  const next = Math.max(
    0,
    tasks.findIndex((task) => task.possible && !done.has(task.id)),
  );
  // from the next task on, as many whole entries as fit above the "… more" line
  let from = next;
  let used = 0;
  let end = from;
  while (end < all.length && used + rows(all[end]!) <= fit) used += rows(all[end++]!);
  // near the end of the list, fill the room with the tasks before
  while (from > 0 && used + rows(all[from - 1]!) <= fit) used += rows(all[--from]!);
  if (end === from) end = from + 1;
  const hidden = all.length - (end - from);
  return hidden > 0 ? [...all.slice(from, end), `  ${t.dim(TEXT.moreTasks(hidden))}`] : all.slice(from, end);
}

/** The next task not done yet, with the AWS CLI command that does it. */
export function nextTaskLines(
  tasks: readonly LabTask[],
  done: ReadonlySet<string>,
  profileOfStep: ReadonlyMap<string, string>,
  t: Theme,
  cliCommand: CliCommand,
  self = 'sts-trainer',
): string[] {
  const index = tasks.findIndex((task) => task.possible && !done.has(task.id));
  if (index < 0) return [`  ${t.ok(TEXT.allDone)}`];
  const task = tasks[index]!;
  const lines = [`  ${t.bold(TEXT.next)} ${index + 1}. ${task.title}`];
  if (task.kind === 'advance')
    lines.push(`    ${t.dim(`${self} lab advance ${task.after ?? 0}s  (or press a)`)}`);
  else if (task.call) {
    if (task.advanceFirst)
      lines.push(`    ${t.dim(`first: ${self} lab advance ${task.advanceFirst}s  (it happens later)`)}`);
    const command = taskCommand(task.call, profileOfStep, t.width - 6, cliCommand);
    // the caller in words when the command cannot carry it: exported step keys, unsigned, or a comment
    if (!callerProfile(task.call.as, profileOfStep) || command.startsWith('#'))
      lines.push(`    ${t.dim(`as ${callerHint(task.call.as, profileOfStep)}:`)}`);
    // no profile makes that session (e.g. it carries session tags): the learner exports its keys
    if (task.call.as.startsWith('$') && !profileOfStep.has(task.call.as.slice(1)))
      lines.push(`    ${t.code(EXPORT_SESSION_KEYS)}`);
    const params = task.call.params ?? {};
    // the variable the command's `--web-identity-token "$TOKEN"` or `--saml-assertion "$SAML_RESPONSE"` reads
    const variable =
      params.WebIdentityToken !== undefined
        ? 'TOKEN'
        : params.SAMLAssertion !== undefined
          ? 'SAML_RESPONSE'
          : '';
    if (variable) {
      lines.push(
        `    ${t.code(`${variable}=$(cat "$(${self} lab token ${task.id.replace(/^what-if\//, '')})")`)}`,
      );
    }
    for (const l of command.split('\n')) lines.push(`    ${t.code(l)}`);
  }
  return lines;
}

/**
 * `text` after `indent` spaces, wrapped as `hanging` does within the rest of `width`; without a
 * width (no terminal: a log, CI), one line as it is.
 */
export function indented(indent: number, text: string, width: number | undefined, hang: number): string {
  const pad = ' '.repeat(indent);
  if (width === undefined) return pad + text;
  return hanging(text, width - indent, hang)
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** `line` wrapped to `width` between words, every further line indented by `hang` spaces. */
export function hanging(line: string, width: number, hang: number): string {
  if (visibleLength(line) <= width) return line;
  const [first = '', ...rest] = wrapWords(line, width);
  const tail = rest.length ? wrapWords(rest.join(' '), width - hang) : [];
  return [first, ...tail.map((l) => ' '.repeat(hang) + l)].join('\n');
}

/** `14:02:40 ✘ AssumeRole  dana → ReportReader  AccessDenied: <deciding check>`. */
export function eventLine(e: LabEvent, t: Theme): string {
  // A client chose the action, the names and what the engine echoes in its message: each is shown on
  // this one line, escaped (the terminal's sanitizer keeps colours, and could not tell a client's apart)
  const s = sanitizeLine;
  const mark = e.outcome === 'success' ? t.ok(t.sym.ok) : t.fail(t.sym.fail);
  const who = e.target ? `${s(e.caller)} → ${s(e.target)}` : s(e.caller);
  const head = `${hhmmss(e.at)} ${mark} ${s(e.api).padEnd(17)} ${who}`;
  if (e.outcome === 'success') return `${head}${e.principal ? t.dim(`  → ${s(e.principal)}`) : ''}`;
  return `${head}  ${t.fail(s(sentAs(e)))}: ${s(e.deciding ?? e.message)}`;
}

/** The engine's code, and the service's own name for it where the client got that (EC2, JSON services). */
function sentAs(e: LabEvent & { outcome: 'error' }): string {
  if (!e.api.includes(':')) return e.code;
  const wire = serviceDenial(e.api, e.code, '', 0).code;
  return wire === e.code ? e.code : `${e.code} (sent as ${wire})`;
}

export function completionLines(
  completed: readonly LabTask[],
  tasks: readonly LabTask[],
  done: ReadonlySet<string>,
  t: Theme,
): string[] {
  const total = tasks.filter((x) => x.possible).length;
  // Each line counts as of its own tick: one call that completes two tasks shows 12/13, then 13/13.
  let count = tasks.filter((x) => x.possible && done.has(x.id) && !completed.includes(x)).length;
  return completed.map((task) => {
    if (task.possible) count += 1;
    return `  ${t.ok(t.sym.ok)} ${TEXT.doneLine(task, tasks.indexOf(task) + 1, count, total)}`;
  });
}
