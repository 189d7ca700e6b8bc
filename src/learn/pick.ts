/** Choosing a scenario: the list (with level, topics and ✔ for completed ones) and did-you-mean. */
import type { Library } from '../content/library.js';
import { didYouMean } from '../content/suggest.js';
import type { ScenarioProgress } from '../store/types.js';
import type { Choice } from '../ui/prompts.js';
import { renderTable } from '../ui/table.js';
import type { Theme } from '../ui/theme.js';
import { UsageError } from '../errors.js';

export const HOW_TO_CHOOSE = 'Start one with `sts-trainer learn <id>`.';

/** The scenario with `id`, or a usage error with a did-you-mean. */
export function findScenario(library: Library, id: string) {
  const found = library.scenarioById.get(id);
  if (found) return found.scenario;
  throw new UsageError(
    `unknown scenario \`${id}\``,
    didYouMean(id, library.scenarioById.keys()) ?? 'run `sts-trainer list scenarios` to see them all',
  );
}

const done = (progress: Record<string, ScenarioProgress>, id: string) => progress[id]?.completed === true;

/** Prompt choices: `✔ title · level · topics`, searchable by id, title and topics. */
export function scenarioChoices(
  library: Library,
  progress: Record<string, ScenarioProgress>,
  t: Theme,
): Choice[] {
  return library.scenarios.map(({ scenario: s }) => ({
    value: s.id,
    name: `${done(progress, s.id) ? t.ok(t.sym.ok) : ' '} ${s.title}${s.level ? t.dim(` · ${s.level}`) : ''}`,
    description: `${s.id}${s.topics?.length ? ` — ${s.topics.join(', ')}` : ''}`,
  }));
}

/** The list printed without a TTY, and how to choose. */
export function renderScenarioList(
  library: Library,
  progress: Record<string, ScenarioProgress>,
  t: Theme,
): string {
  const rows = library.scenarios.map(({ scenario: s }) => [
    s.id,
    s.title,
    s.level ?? '',
    (s.topics ?? []).join(', '),
    done(progress, s.id) ? t.sym.ok : '',
  ]);
  return `${renderTable(['id', 'title', 'level', 'topics', 'done'], rows, t)}\n${HOW_TO_CHOOSE}\n`;
}
