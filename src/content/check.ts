/**
 * Cross-reference checks on schema-valid content (callers, step references,
 * quiz answers) and the engine checks `validate` runs. Pure: problems are added
 * to the parsed file; nothing is printed here.
 */
import { API_PARAMETERS, createEngine } from '../engine/index.js';
import type { CallResult, WorldProblem } from '../engine/types.js';
import { outcomeOf, serviceWording } from './outcome.js';
import type { ContentPath, Position } from './positions.js';
import type { ContentKind, ParsedFile, Problem } from './parse.js';
import {
  actualFor,
  changedCall,
  noOpChanges,
  runCallIn,
  runScenario,
  runWhatIf,
  type Mismatch,
} from './run.js';
import { CallSchema, type Call, type Expect, type Quiz, type Scenario } from './schema.js';
import { retiredVersion } from './exam-versions.js';
import { didYouMean } from './suggest.js';
import { worldProblemText } from './world-problem-text.js';

export const CALLER_FORMS =
  'a caller is `user/NAME`, `root/ACCOUNT`, `$STEP`, `service/PRINCIPAL`, `anonymous` or `sso/NAME`';

type Report = (
  path: ContentPath,
  message: string,
  hint?: string,
  opts?: { key?: boolean; warning?: boolean; code?: string },
) => void;

function reporter(parsed: ParsedFile): Report {
  return (path, message, hint, opts = {}) => {
    const p: Problem = {
      ...parsed.positions.at(path, { key: opts.key }),
      message,
      severity: opts.warning ? 'warning' : 'error',
    };
    if (hint !== undefined) p.hint = hint;
    if (opts.code !== undefined) p.code = opts.code;
    (opts.warning ? parsed.warnings : parsed.errors).push(p);
  };
}

/**
 * An error per parameter the call's API does not take (AWS's own names, engine/sts/api-parameters.ts):
 * `Foo: bar` or `ExternalID` passed unseen, and a denial for the wrong reason could pass as the one
 * the scenario teaches (FORMAT.md: typos never pass silently). `names` limits it to those a what-if's
 * change adds.
 */
function checkParams(
  call: Call,
  path: ContentPath,
  report: Report,
  names = Object.keys(call.params ?? {}),
): void {
  // a request to another service takes what its action takes (iam:PutRolePolicy's PolicyName, …)
  if (call.api === 'Request') return;
  const known = API_PARAMETERS[call.api];
  for (const name of names) {
    if (known.includes(name)) continue;
    const list = known.length > 0 ? `its parameters: ${known.join(', ')}` : `${call.api} takes no parameters`;
    const guess = didYouMean(name, known);
    report([...path, name], `${call.api} has no parameter \`${name}\``, guess ? `${guess} ${list}` : list, {
      key: true,
    });
  }
}

/** A warning per exam tag that names a version AWS has retired (`SCS-C02/4.1`): docs/authoring.md#exam-tags. */
function checkExamTags(tags: readonly string[] | undefined, path: ContentPath, report: Report): void {
  tags?.forEach((tag, i) => {
    const r = retiredVersion(tag);
    if (r)
      report(
        [...path, i],
        `exam tag \`${tag}\` names ${r.code}, which AWS last gave on ${r.lastDay}`,
        `tag ${r.successor}'s task statement instead (its exam guide's appendix "Comparison of ${r.code} and ${r.successor}" says where each task went)`,
        { warning: true },
      );
  });
}

/** Every account a world mentions: `root/ACCOUNT` may name any of them. */
function knownAccounts(s: Scenario): Set<string> {
  const w = s.world;
  const ids = new Set<string>();
  for (const a of w.accounts ?? []) ids.add(a.id);
  for (const a of w.organization?.accounts ?? []) ids.add(a);
  if (w.organization?.management) ids.add(w.organization.management);
  if (w.identityCenter) ids.add(w.identityCenter.account);
  for (const list of [w.users, w.roles, w.samlProviders, w.oidcProviders, w.managedPolicies]) {
    for (const x of list ?? []) ids.add(x.account);
  }
  return ids;
}

/** Checks a `call.as` against the world and the steps before `limit`. */
function checkCaller(s: Scenario, as: string, limit: number, path: ContentPath, report: Report): void {
  if (as === 'anonymous' || as.startsWith('service/')) return;
  if (as.startsWith('$')) {
    const ref = as.slice(1);
    const index = s.steps.findIndex((st) => st.id === ref);
    if (index !== -1 && index < limit && s.steps[index]!.call) return;
    // The earlier steps with a call, for did-you-mean: worked out only for a caller that is wrong.
    const earlier = s.steps
      .slice(0, limit)
      .filter((st) => st.call)
      .map((st) => st.id);
    if (index === -1)
      report(
        path,
        `unknown step \`${ref}\` in \`as\``,
        didYouMean(ref, earlier) ?? `\`$STEP\` names an earlier step with a \`call\``,
      );
    else if (index >= limit)
      report(
        path,
        `step \`${ref}\` runs later: \`$${ref}\` must name an earlier step`,
        didYouMean(ref, earlier),
      );
    else
      report(
        path,
        `step \`${ref}\` is an \`advance\` step: it returns no credentials`,
        didYouMean(ref, earlier),
      );
    return;
  }
  const slash = as.indexOf('/');
  const kind = slash === -1 ? as : as.slice(0, slash);
  const name = as.slice(slash + 1);
  // Each kind's names, listed only for the kind the caller is.
  const lookup: Record<string, [string, () => string[]]> = {
    user: ['IAM user', () => (s.world.users ?? []).map((u) => u.name)],
    root: ['account', () => [...knownAccounts(s)]],
    sso: ['Identity Center user', () => (s.world.identityCenter?.users ?? []).map((u) => u.name)],
  };
  const entry = slash === -1 || !Object.hasOwn(lookup, kind) ? undefined : lookup[kind];
  if (!entry) {
    report(path, `unknown caller \`${as}\``, didYouMean(as, ['anonymous']) ?? CALLER_FORMS);
    return;
  }
  const [what, list] = entry;
  const names = list();
  if (!names.includes(name)) {
    const hint = didYouMean(name, names);
    report(
      path,
      `unknown ${what} \`${name}\` in \`as\``,
      hint
        ? hint.replace('`', `\`${kind}/`)
        : names.length
          ? `known: ${names.map((n) => `\`${kind}/${n}\``).join(', ')}`
          : `the world declares no ${what}s`,
    );
  }
}

/** Answers must be among the choices (single: one; multi: each; order: every choice once). */
export function checkAnswer(
  type: string,
  choices: readonly string[],
  answer: string | readonly string[],
  path: ContentPath,
  report: Report,
): void {
  const set = new Set(choices);
  if (set.size !== choices.length) report([...path, 'choices'], 'choices must be distinct');
  const answers = typeof answer === 'string' ? [answer] : answer;
  const answerPath = [...path, 'answer'];
  if (type === 'single' && typeof answer !== 'string')
    report(answerPath, 'a `single` question has exactly one answer', 'use `multi` for several answers');
  if (type === 'order') {
    const same =
      answers.length === choices.length &&
      answers.every((a) => set.has(a)) &&
      new Set(answers).size === set.size;
    if (!same) report(answerPath, 'an `order` answer lists every choice exactly once, in the right order');
    return;
  }
  answers.forEach((a, i) => {
    if (!set.has(a))
      report(
        typeof answer === 'string' ? answerPath : [...answerPath, i],
        `answer \`${a}\` is not one of the choices`,
        didYouMean(a, choices),
      );
  });
}

/** Cross-reference checks and teaching-field warnings for a schema-valid scenario. */
export function checkScenario(parsed: ParsedFile): void {
  const s = parsed.scenario;
  if (!s) return;
  const report = reporter(parsed);
  checkExamTags(s.exam, ['exam'], report);
  const stepIds = new Set<string>();
  s.steps.forEach((step, i) => {
    const path = ['steps', i];
    checkExamTags(step.checkpoint?.exam, [...path, 'checkpoint', 'exam'], report);
    if (stepIds.has(step.id))
      report([...path, 'id'], `duplicate step id \`${step.id}\``, 'step ids are unique within a scenario');
    stepIds.add(step.id);
    if (step.call) {
      checkCaller(s, step.call.as, i, [...path, 'call', 'as'], report);
      checkParams(step.call, [...path, 'call', 'params'], report);
    }
    if (step.advance !== undefined && step.expect)
      report(
        [...path, 'expect'],
        'an `advance` step has no result: its `expect` is never checked',
        undefined,
        { key: true, warning: true },
      );
    if (step.checkpoint)
      checkAnswer(
        step.checkpoint.type,
        step.checkpoint.choices,
        step.checkpoint.answer,
        [...path, 'checkpoint'],
        report,
      );
    if (step.call && !step.narrate && !step.explain)
      report(path, `step \`${step.id}\` has no \`narrate\` or \`explain\` for learners`, undefined, {
        warning: true,
      });
  });
  const whatIfIds = new Set<string>();
  (s.whatIf ?? []).forEach((w, i) => {
    const path = ['whatIf', i];
    if (whatIfIds.has(w.id))
      report([...path, 'id'], `duplicate what-if id \`${w.id}\``, 'what-if ids are unique within a scenario');
    whatIfIds.add(w.id);
    const index = s.steps.findIndex((st) => st.id === w.step);
    const target = s.steps[index];
    if (!target?.call) {
      const withCall = s.steps.filter((st) => st.call).map((st) => st.id);
      const msg = target
        ? `what-if step \`${w.step}\` is an \`advance\` step: a what-if changes a step's \`call\``
        : `unknown step \`${w.step}\``;
      report([...path, 'step'], msg, didYouMean(w.step, withCall));
      return;
    }
    const merged = CallSchema.safeParse(changedCall(target.call, w.change));
    if (!merged.success) {
      for (const issue of merged.error.issues) {
        const where = [...path, 'change', ...(issue.path as (string | number)[])];
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join('`, `') : issue.path.join('.');
        report(
          where,
          `\`change\` makes an invalid call: ${issue.code === 'unrecognized_keys' ? `unknown field \`${field}\`` : `\`${field}\`: ${issue.message}`}`,
        );
      }
      return;
    }
    if (w.change.as !== undefined) checkCaller(s, merged.data.as, index, [...path, 'change', 'as'], report);
    // the step's own parameters were checked with the step; a changed API checks them all again
    const changed = w.change.params;
    const added = changed !== null && typeof changed === 'object' ? Object.keys(changed) : [];
    checkParams(
      merged.data,
      [...path, 'change', 'params'],
      report,
      w.change.api === undefined ? added : undefined,
    );
    for (const field of noOpChanges(target.call, w.change))
      report(
        [...path, 'change', ...field],
        `\`change.${field.join('.')}\` leaves step \`${w.step}\`'s call as it was: it changes nothing`,
        'remove it; a what-if that only waits has `change: {}` and an `advance`',
        { key: true, warning: true },
      );
    if (!w.explain) report(path, `what-if \`${w.id}\` has no \`explain\``, undefined, { warning: true });
  });
  if (!s.takeaways?.length)
    report(['id'], 'no `takeaways`: learners get no summary', undefined, { key: true, warning: true });
  if (!s.refs?.length)
    report(['id'], 'no `refs` to the AWS documentation', undefined, { key: true, warning: true });
}

/**
 * The scenarios quiz questions may name, by id: `keys` lists every one (for did-you-mean hints),
 * `get` answers at least for the ids the quizzes being checked name. A Map is one.
 */
export interface ScenarioIndex {
  get(id: string): Scenario | undefined;
  keys(): Iterable<string>;
}

/** The error on a file whose id a file loaded earlier (`owner`, as shown) already uses. */
export function addDuplicateId(parsed: ParsedFile, owner: string): void {
  const data = parsed.scenario ?? parsed.quiz;
  if (!data || !parsed.kind) return;
  parsed.errors.push(duplicateIdProblem(parsed.kind, data.id, parsed.positions.at(['id']), owner));
}

/** The duplicate-id error for a `kind` file with `id` at `at` (for a file whose positions are let go). */
export function duplicateIdProblem(kind: ContentKind, id: string, at: Position, owner: string): Problem {
  return {
    ...at,
    message: `duplicate ${kind} id \`${id}\`: \`${owner}\` already uses it`,
    hint: `${kind} ids are unique across all loaded content; rename one of them`,
    severity: 'error',
  };
}

/** Cross-reference checks for a schema-valid quiz; `scenarios` holds every loaded scenario by id. */
export function checkQuiz(parsed: ParsedFile, scenarios: ScenarioIndex): void {
  const quiz = parsed.quiz;
  if (!quiz) return;
  const report = reporter(parsed);
  checkExamTags(quiz.exam, ['exam'], report);
  const ids = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const path = ['questions', i];
    checkExamTags(q.exam, [...path, 'exam'], report);
    if (ids.has(q.id))
      report([...path, 'id'], `duplicate question id \`${q.id}\``, 'question ids are unique within a quiz');
    ids.add(q.id);
    const scenario = q.scenario === undefined ? undefined : scenarios.get(q.scenario);
    if (q.scenario !== undefined && !scenario)
      report(
        [...path, 'scenario'],
        `unknown scenario \`${q.scenario}\``,
        didYouMean(q.scenario, scenarios.keys()),
      );
    if (q.type === 'pair') {
      checkAnswer('single', q.api.choices, q.api.answer, [...path, 'api'], report);
      checkAnswer('single', q.trust.choices, q.trust.answer, [...path, 'trust'], report);
    } else if (q.type === 'outcome') {
      if (scenario) checkCaller(scenario, q.call.as, scenario.steps.length, [...path, 'call', 'as'], report);
      checkParams(q.call, [...path, 'call', 'params'], report);
    } else {
      checkAnswer(q.type, q.choices, q.answer, path, report);
    }
    if (!q.explain) report(path, `question \`${q.id}\` has no \`explain\``, undefined, { warning: true });
  });
}

/** One engine check: a step with an `expect`, or a what-if (FORMAT.md `checks[]`). */
export interface EngineCheck {
  id: string;
  kind: 'step' | 'whatIf';
  ok: boolean;
  /** Where the `expect` is (set for failed checks: positions cost a re-parse on the fast path). */
  line?: number;
  col?: number;
  expected: Expect;
  actual: Record<string, unknown>;
  mismatches: Mismatch[];
  /** The engine's error code and message, when the call failed. */
  engineSays?: string;
}

/** Adds the engine's world problems (errors and warnings) to the file, at their place under `world:`. */
export function addWorldProblems(parsed: ParsedFile, problems: readonly WorldProblem[]): void {
  const report = reporter(parsed);
  for (const p of problems) {
    const { message, hint } = worldProblemText(p);
    report(['world', ...p.path], message, hint, { warning: p.severity === 'warning', code: p.code });
  }
}

/**
 * The world's errors (not its warnings) for a scenario loaded to be run rather than validated: `learn`,
 * `quiz`, `call` and `lab` skip such a file as they skip one with schema errors, instead of running a
 * world the engine had to patch (an unreadable start replaced by the default, a statement it cannot
 * evaluate). validate reports every world problem when it runs the scenario (verifyScenario).
 */
export function addWorldErrors(parsed: ParsedFile): void {
  if (!parsed.scenario || parsed.errors.length > 0) return;
  const errors = createEngine(parsed.scenario.world).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) addWorldProblems(parsed, errors);
}

/**
 * Runs every step `expect` and every what-if of a valid scenario on the engine.
 * World problems are added first; a file with errors gets no checks (FORMAT.md).
 */
export function verifyScenario(parsed: ParsedFile): EngineCheck[] {
  const s = parsed.scenario;
  if (!s || parsed.errors.length > 0) return [];
  const report = reporter(parsed);
  try {
    const run = runScenario(s);
    addWorldProblems(parsed, run.engine.problems);
    if (parsed.errors.length > 0) return [];
    const checks: EngineCheck[] = [];
    for (const st of run.steps) {
      if (!st.step.expect || !st.result) continue;
      const pos = () => parsed.positions.at(['steps', st.index, 'expect'], { key: true });
      checks.push(makeCheck(st.step.id, 'step', pos, st.step.expect, st.result, st.mismatches));
    }
    (s.whatIf ?? []).forEach((w, i) => {
      const pos = () => parsed.positions.at(['whatIf', i, 'expect'], { key: true });
      const r = runWhatIf(s, w, run);
      checks.push(makeCheck(w.id, 'whatIf', pos, w.expect, r.result, r.mismatches));
      const base = run.steps.find((st) => st.step.id === w.step)?.result;
      if (base && sameOutcome(base, r.result))
        report(
          ['whatIf', i, 'change'],
          `what-if \`${w.id}\` does not change the outcome of step \`${w.step}\` (${outcomeLabel(base)} both times)`,
          'a what-if teaches by changing what happens: change the call so that its outcome or error code differs',
        );
    });
    return checks;
  } catch (e) {
    report(
      ['id'],
      `the engine failed on this scenario: ${e instanceof Error ? e.message : String(e)}`,
      'this is a bug in sts-trainer; please report it with this file',
      { key: true },
    );
    return [];
  }
}

/** A what-if that ends like its base step teaches nothing (rustlings' rule: an exercise must fail as shipped). */
function sameOutcome(a: CallResult, b: CallResult): boolean {
  return a.outcome === b.outcome && a.code === b.code;
}

function outcomeLabel(r: CallResult): string {
  return r.outcome === 'success' ? 'success' : `\`${r.code}\``;
}

function makeCheck(
  id: string,
  kind: EngineCheck['kind'],
  pos: () => { line: number; col: number },
  expected: Expect,
  result: Parameters<typeof actualFor>[1],
  mismatches: Mismatch[],
): EngineCheck {
  const check: EngineCheck = {
    id,
    kind,
    ok: mismatches.length === 0,
    ...(mismatches.length > 0 ? pos() : {}),
    expected,
    actual: actualFor(expected, result),
    mismatches,
  };
  if (result.outcome === 'error') check.engineSays = `${result.code}: ${result.message}`.trim();
  return check;
}

/** Outcome questions with explicit `choices`: the engine's answer must be one of them. */
export function verifyQuiz(parsed: ParsedFile, scenarios: ScenarioIndex): void {
  const quiz: Quiz | undefined = parsed.quiz;
  if (!quiz || parsed.errors.length > 0) return;
  const report = reporter(parsed);
  quiz.questions.forEach((q, i) => {
    if (q.type !== 'outcome' || !q.choices) return;
    const scenario = scenarios.get(q.scenario);
    if (!scenario) return;
    try {
      const { result } = runCallIn(scenario, q.call);
      const answer = outcomeOf(result, q.call);
      if (q.choices.includes(answer)) return;
      // a request to another service: that service's name for the engine's code (content/outcome.ts)
      const service = answer !== result.code ? serviceWording(result, q.call)?.renamedBy : undefined;
      report(
        ['questions', i, 'choices'],
        service
          ? `${service} answers \`${answer}\` (the engine's \`${result.code}\`), which is not among the choices`
          : `the engine answers \`${answer}\`, which is not among the choices`,
        `add \`${answer}\` to \`choices\``,
      );
    } catch (e) {
      report(
        ['questions', i, 'call'],
        `the engine failed on this call: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  });
}
