/**
 * `sts-trainer apis` as data: the engine's catalog of STS APIs in words, each row
 * linked to the scenarios that call it, and the six flows. Pure: the command passes
 * in the scenarios it loaded.
 */
import { stsApiCatalog, type StsApi } from '../engine/index.js';
import type { Scenario } from '../content/schema.js';
import { apiWords, type ApiWords } from './catalog-words.js';
import { SIX_FLOWS, type Flow } from './flows.js';

export interface ApiRow extends ApiWords {
  /** Scenarios with a step that calls this API (built-in and --content). */
  scenarios: string[];
  /** The scenario to start with: the six flows' own, else the first that calls it. */
  typical?: string;
  /** The six flows that use this API (their numbers). */
  flows: number[];
}

export interface ApisView {
  apis: ApiRow[];
  flows: (Flow & { scenarioFound: boolean })[];
}

export function apisView(scenarios: readonly Scenario[]): ApisView {
  const callers = new Map<StsApi, string[]>();
  for (const s of scenarios) {
    const apis = new Set(s.steps.map((st) => st.call?.api).filter((a) => a !== undefined));
    for (const a of apis) {
      const list = callers.get(a as StsApi);
      if (list) list.push(s.id);
      else callers.set(a as StsApi, [s.id]);
    }
  }
  const ids = new Set(scenarios.map((s) => s.id));
  const apis = stsApiCatalog().map((facts): ApiRow => {
    const list = callers.get(facts.api) ?? [];
    const flows = SIX_FLOWS.filter((f) => f.apis.includes(facts.api));
    const preferred = flows.map((f) => f.scenario).find((id) => list.includes(id));
    const typical = preferred ?? list[0];
    return {
      ...apiWords(facts),
      scenarios: list,
      ...(typical ? { typical } : {}),
      flows: flows.map((f) => f.n),
    };
  });
  return { apis, flows: SIX_FLOWS.map((f) => ({ ...f, scenarioFound: ids.has(f.scenario) })) };
}
