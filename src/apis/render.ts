/**
 * The text form of `sts-trainer apis`: one card per API (label column + wrapped
 * values), so it reads at 60, 80 and 120 columns alike, then the six flows.
 */
import type { DurationFacts } from '../engine/index.js';
import { humanDuration } from '../ui/duration.js';
import type { Theme } from '../ui/theme.js';
import type { ApiRow, ApisView } from './table.js';
import { APIS_TEXT as T } from './messages.js';

const LABEL = 18;

export function durationText(d: DurationFacts | undefined): string {
  if (!d) return T.noSession;
  const max =
    d.max === 'role'
      ? `the role's MaxSessionDuration (1 h by default, at most ${humanDuration(d.roleMax ?? 0)})`
      : humanDuration(d.max);
  const parts = [`default ${humanDuration(d.default)}`, `${humanDuration(d.min)} to ${max}`];
  if (d.chainingMax !== undefined) parts.push(`role chaining: at most ${humanDuration(d.chainingMax)}`);
  if (d.rootMax !== undefined) parts.push(`root user: at most (and by default) ${humanDuration(d.rootMax)}`);
  return parts.join('; ');
}

function sessionText(r: ApiRow): string {
  if (!r.sessionCanCallSts) return T.noSession;
  const sts = r.sessionCanCallSts.length ? r.sessionCanCallSts.join(', ') : 'none';
  return `other AWS services as its policies allow; IAM: ${r.sessionIam}; STS: ${sts}`;
}

/** `label  value…` with the value wrapped under itself; on narrow screens the value goes below the label. */
function field(theme: Theme, label: string, value: string): string {
  const indent = LABEL + 2;
  // A URL is not broken between words: it gets a line of its own when it does not fit beside the label.
  const unbreakable = !/\s/.test(value) && value.length > theme.width - indent;
  if (theme.width - indent >= 30 && !unbreakable) {
    return `  ${theme.dim(label.padEnd(LABEL))}${theme.wrap(value, indent).slice(indent)}`;
  }
  // Below the label; a URL wider than the screen is cut as the shared wrapper's last resort.
  return `  ${theme.dim(label)}\n${theme.wrap(value, unbreakable ? 0 : 4)}`;
}

function card(theme: Theme, r: ApiRow): string {
  const see = r.typical
    ? `sts-trainer learn ${r.typical}${r.scenarios.length > 1 ? ` (also: ${r.scenarios.filter((s) => s !== r.typical).join(', ')})` : ''}`
    : T.noScenario;
  return [
    theme.heading(r.api) + (r.flows.length ? theme.dim(`  flows ${r.flows.join(', ')}`) : ''),
    field(theme, T.callers, r.callers.join('; ')),
    field(theme, T.credentials, r.credentials),
    field(theme, T.mfa, r.mfa),
    field(theme, T.duration, durationText(r.duration)),
    field(theme, T.chaining, r.chaining ?? T.noSession),
    field(theme, T.session, sessionText(r)),
    field(theme, T.permission, r.permission),
    field(theme, T.scenario, see),
    field(theme, T.ref, r.ref),
  ].join('\n');
}

function flows(theme: Theme, view: ApisView): string {
  const out = [theme.rule(T.flowsTitle) || theme.bold(T.flowsTitle)];
  for (const f of view.flows) {
    out.push(`${theme.bold(`${f.n}. ${f.flow}`)}`);
    out.push(field(theme, T.api, f.apis.join(' / ') + (f.via ? ` (${f.via})` : '')));
    out.push(field(theme, T.trust, f.trustChecks));
    out.push(field(theme, T.scenario, `sts-trainer learn ${f.scenario}`));
  }
  return out.join('\n');
}

export function renderApis(theme: Theme, view: ApisView): string {
  const head = theme.rule(T.title) || theme.bold(T.title);
  const intro = theme.wrap(T.intro);
  const cards = view.apis.map((r) => card(theme, r)).join('\n\n');
  return `${head}\n${intro}\n\n${flows(theme, view)}\n\n${theme.rule(T.apisTitle) || theme.bold(T.apisTitle)}\n${cards}\n`;
}
