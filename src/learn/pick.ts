/** Choosing a scenario: the list (with level, topics and ✔ for completed ones) and did-you-mean. */
import { unknownScenario, type Library } from '../content/library.js';
import type { Scenario } from '../content/schema.js';
import { didYouMean } from '../content/suggest.js';
import type { ScenarioProgress } from '../store/types.js';
import type { Choice } from '../ui/prompts.js';
import { renderTable } from '../ui/table.js';
import type { Theme } from '../ui/theme.js';
import { resumePoint } from './resume.js';

/** How to start one of the listed scenarios: with the command that listed them. */
export const howToChoose = (command: 'learn' | 'lab') => `Start one with \`sts-trainer ${command} <id>\`.`;

/** The scenario with `id`, or a usage error with a did-you-mean. */
export function findScenario(library: Library, id: string) {
  const found = library.scenarioById.get(id);
  if (found) return found.scenario;
  throw unknownScenario(
    library,
    id,
    didYouMean(id, library.scenarioById.keys()) ?? 'run `sts-trainer list scenarios` to see them all',
  );
}

const done = (progress: Record<string, ScenarioProgress>, id: string) => progress[id]?.completed === true;

/** Started and not finished: a saved step the scenario has, or left in its what-if menu. */
export const inProgress = (s: Scenario, sp: ScenarioProgress | undefined) => resumePoint(s, sp) !== undefined;

/** PRODUCT.md's six flows every release must teach: first within their level on the path. */
export const SEED_FLOWS = [
  'cross-account-assume-role',
  'identity-center-sso',
  'saml-federation',
  'service-role-confused-deputy',
  'mfa-get-session-token',
  'role-chaining',
];

const LEVEL_RANK: Record<string, number> = { foundational: 0, associate: 1, professional: 2, specialty: 3 };

/** The scenarios as a path: foundational → associate → professional, the seed flows first in each. */
export function pathOrder(library: Library): Scenario[] {
  const all = library.scenarios.map((s) => s.scenario);
  const rank = (s: Scenario) => [
    LEVEL_RANK[s.level ?? 'associate'] ?? 1,
    SEED_FLOWS.includes(s.id) ? SEED_FLOWS.indexOf(s.id) : SEED_FLOWS.length,
    all.indexOf(s),
  ];
  return [...all].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
  });
}

/** `✔` completed, `◐` in progress, else a blank of the same width. */
function markOf(s: Scenario, sp: ScenarioProgress | undefined, t: Theme): string {
  if (inProgress(s, sp)) return t.warn('◐');
  return sp?.completed ? t.ok(t.sym.ok) : ' ';
}

export interface Picker {
  choices: Choice[];
  /** The search: title (and id) matches first, then summary and topic matches. */
  source(term: string): Choice[];
}

/** Prompt choices on the path: `✔ title · level`, searchable by id, title, summary and topics. */
export function scenarioPicker(
  library: Library,
  progress: Record<string, ScenarioProgress>,
  t: Theme,
): Picker {
  const entries = pathOrder(library).map((s) => ({
    s,
    choice: {
      value: s.id,
      name: `${markOf(s, progress[s.id], t)} ${s.title}${s.level ? t.dim(` · ${s.level}`) : ''}`,
      description: `${s.id}${s.topics?.length ? ` — ${s.topics.join(', ')}` : ''}`,
    },
  }));
  return {
    choices: entries.map((e) => e.choice),
    source(term) {
      const q = term.trim().toLowerCase();
      if (!q) return entries.map((e) => e.choice);
      const head = entries.filter((e) => `${e.s.id} ${e.s.title}`.toLowerCase().includes(q));
      const rest = entries.filter(
        (e) =>
          !head.includes(e) &&
          `${e.s.summary ?? ''} ${(e.s.topics ?? []).join(' ')}`.toLowerCase().includes(q),
      );
      return [...head, ...rest].map((e) => e.choice);
    },
  };
}

/** The choices alone (kept for callers that do not search). */
export function scenarioChoices(
  library: Library,
  progress: Record<string, ScenarioProgress>,
  t: Theme,
): Choice[] {
  return scenarioPicker(library, progress, t).choices;
}

/** The list printed without a TTY, and how to choose: `sts-trainer <command> <id>`. */
export function renderScenarioList(
  library: Library,
  progress: Record<string, ScenarioProgress>,
  t: Theme,
  command: 'learn' | 'lab' = 'learn',
): string {
  const rows = pathOrder(library).map((s) => [
    s.id,
    s.title,
    s.level ?? '',
    (s.topics ?? []).join(', '),
    done(progress, s.id) ? t.sym.ok : inProgress(s, progress[s.id]) ? '◐' : '',
  ]);
  return `${renderTable(['id', 'title', 'level', 'topics', 'done'], rows, t)}\n${howToChoose(command)}\n`;
}
