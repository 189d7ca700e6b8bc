// The issue-10 topics as content: each new scenario teaches with what-ifs that change their step's
// result, and each new outcome question is decided by the engine as its explanation says.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/library.js';
import { runCallIn, runScenario, runWhatIf } from '../../src/content/run.js';

const library = await loadLibrary({ contentDirs: [], cwd: process.cwd() });

const NEW_SCENARIOS = [
  'iam-roles-anywhere',
  'data-perimeter-service-keys',
  'revoke-active-sessions',
  'stolen-instance-credentials',
  'eks-pod-identity',
  'regional-sts-endpoints',
];

const resultOf = (r: { outcome: string; code?: string | undefined }) =>
  r.outcome === 'success' ? 'success' : r.code;

describe.each(NEW_SCENARIOS)('scenario %s', (id) => {
  const scenario = library.scenarioById.get(id)!.scenario;
  it('runs clean, with 4–10 steps, checkpoints, takeaways and refs', () => {
    expect(runScenario(scenario).ok).toBe(true);
    expect(scenario.steps.length).toBeGreaterThanOrEqual(4);
    expect(scenario.steps.length).toBeLessThanOrEqual(10);
    expect(scenario.steps.some((s) => s.checkpoint)).toBe(true);
    expect(scenario.takeaways?.length).toBeGreaterThan(0);
    expect(scenario.refs?.length).toBeGreaterThan(0);
  });
  it('has at least 3 failing what-ifs, and every what-if changes its step’s outcome or error code', () => {
    const main = runScenario(scenario);
    const whatIfs = scenario.whatIf ?? [];
    for (const w of whatIfs) {
      const base = main.steps.find((s) => s.step.id === w.step)!.result!;
      const run = runWhatIf(scenario, w, main);
      expect(run.ok, w.id).toBe(true);
      expect(resultOf(run.result), w.id).not.toBe(resultOf(base));
    }
    expect(whatIfs.filter((w) => w.expect.outcome === 'error').length).toBeGreaterThanOrEqual(3);
  });
});

const OUTCOMES: Record<string, string> = {
  'roles-anywhere#workstation-cert-outcome': 'AccessDenied',
  'data-perimeter#laptop-outcome': 'AccessDenied',
  'revoke-sessions#ci-user-revokes-outcome': 'AccessDenied',
  'instance-credentials#neighbour-outcome': 'AccessDenied',
  'eks-pod-identity#irsa-token-outcome': 'AccessDenied',
  'regional-endpoints#paris-outcome': 'RegionDisabledException',
};

describe('outcome questions on the new topics', () => {
  it.each(Object.entries(OUTCOMES))('%s → %s', (key, expected) => {
    const [quizId, qid] = key.split('#') as [string, string];
    const q = library.quizById.get(quizId)!.quiz.questions.find((x) => x.id === qid)!;
    if (q.type !== 'outcome') throw new Error(`${key} is not an outcome question`);
    const scenario = library.scenarioById.get(q.scenario)!.scenario;
    expect(resultOf(runCallIn(scenario, q.call).result)).toBe(expected);
  });
  it('each new quiz has at least 5 questions and together they use all five types', () => {
    const quizzes = [
      'roles-anywhere',
      'data-perimeter',
      'revoke-sessions',
      'instance-credentials',
      'eks-pod-identity',
      'regional-endpoints',
    ].map((id) => library.quizById.get(id)!.quiz);
    for (const q of quizzes) expect(q.questions.length, q.id).toBeGreaterThanOrEqual(5);
    const types = new Set(quizzes.flatMap((q) => q.questions.map((x) => x.type)));
    expect([...types].sort()).toEqual(['multi', 'order', 'outcome', 'pair', 'single']);
  });
});
