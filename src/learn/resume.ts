/**
 * Where a learner who comes back to a scenario may start: at the step they left, at the what-ifs,
 * or from the beginning. Pure: the command asks, this decides what to offer and what each means.
 */
import type { Scenario } from '../content/schema.js';
import type { ScenarioProgress } from '../store/types.js';
import type { Choice } from '../ui/prompts.js';
import type { StartAt } from './interactive.js';
import { MSG } from './messages.js';

export type ResumeChoice = 'step' | 'what-ifs' | 'start';

export interface ResumeOffer {
  choices: Choice<ResumeChoice>[];
  default: ResumeChoice;
}

const zero = { right: 0, total: 0 };

/**
 * Where a scenario's saved progress resumes: at a step the scenario has (a position past its end,
 * left by content that has since lost steps, is none), in its what-if menu, or nowhere. `learn`
 * offers this; `next` and the scenario lists mark the scenario in progress by it.
 */
export function resumePoint(
  scenario: Scenario,
  sp: ScenarioProgress | undefined,
): 'step' | 'what-ifs' | undefined {
  if (!sp) return undefined;
  if (sp.stage === 'what-ifs') return (scenario.whatIf?.length ?? 0) > 0 ? 'what-ifs' : undefined;
  const position = sp.position ?? 0;
  return (position > 0 || sp.atCheckpoint === true) && position < scenario.steps.length ? 'step' : undefined;
}

/** The choices for a scenario with saved progress; undefined when there is nothing to resume. */
export function resumeOffer(scenario: Scenario, sp: ScenarioProgress | undefined): ResumeOffer | undefined {
  if (!sp) return undefined;
  const whatIfs = scenario.whatIf?.length ?? 0;
  const position = sp.position ?? 0;
  const point = resumePoint(scenario, sp);
  const atStep = point === 'step';
  const atWhatIfs = point === 'what-ifs';
  if (!atStep && !atWhatIfs && !sp.completed) return undefined;
  const choices: Choice<ResumeChoice>[] = [];
  if (atStep) {
    const step = scenario.steps[position]!;
    choices.push({ value: 'step', name: MSG.resumeAtStep(position + 1, step.title ?? step.id) });
  }
  if (whatIfs > 0 && (atWhatIfs || sp.completed)) {
    const seen = atWhatIfs ? (sp.whatIfsSeen?.length ?? 0) : 0;
    choices.push({ value: 'what-ifs', name: MSG.resumeAtWhatIfs(seen, whatIfs) });
  }
  choices.push({ value: 'start', name: MSG.startOver });
  const def: ResumeChoice = atStep ? 'step' : atWhatIfs ? 'what-ifs' : 'start';
  return { choices, default: def };
}

/** What a choice means for the walkthrough. Scores carry over only when the pass continues. */
export function startFor(choice: ResumeChoice, sp: ScenarioProgress | undefined): StartAt {
  if (choice === 'step')
    return {
      step: sp?.position ?? 0,
      checkpoint: sp?.atCheckpoint === true,
      predictions: sp?.predictions,
      checkpoints: sp?.checkpoints,
    };
  if (choice === 'what-ifs') {
    const continuing = sp?.stage === 'what-ifs';
    return {
      whatIfs: true,
      whatIfsSeen: continuing ? (sp?.whatIfsSeen ?? []) : [],
      predictions: continuing ? sp?.predictions : zero,
      checkpoints: continuing ? sp?.checkpoints : zero,
    };
  }
  return { step: 0 };
}
