/** `next` as lines of text: what to continue, what is due, what to learn next. */
import { NEXT } from './messages.js';
import type { NextPlan } from './next.js';

export function nextLines(plan: NextPlan): string[] {
  const out: string[] = [];
  if (plan.resume)
    out.push(
      plan.resume.whatIfs
        ? NEXT.resumeWhatIfs(plan.resume.id)
        : NEXT.resumeStep(plan.resume.id, plan.resume.step ?? 1, plan.resume.steps),
    );
  out.push(NEXT.due(plan.due));
  const s = plan.suggestion;
  if (s)
    out.push(
      s.why.kind === 'weak'
        ? NEXT.suggestWeak(s.id, s.why.topic, s.why.missed, s.why.answered)
        : NEXT.suggestPath(s.id),
    );
  else if (!plan.resume) out.push(NEXT.allDone);
  out.push(NEXT.status(plan.due, plan.streak, plan.completed, plan.scenarios));
  return out;
}
