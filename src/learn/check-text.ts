/**
 * The words for a trace check: its one-line title and its detail, built from the check's id, outcome
 * and values. The engine records what it checked as data (src/engine/check-values.ts); every place
 * that shows a check (learn's trace, the lab, `call`, `--json`) words it here, so a sentence changes in
 * one place and never in the simulator.
 */
import type { AuthorizationCheckId, NamedCheckValues, TraceCheck, TraceCheckOf } from '../engine/types.js';
import { FEDERATION_TEXT } from './check-text-federation.js';
import { REQUEST_TEXT } from './check-text-request.js';
import { SESSION_TEXT } from './check-text-session.js';

/** A check in words: one line, and the values behind it when there are any. */
export interface CheckWords {
  title: string;
  detail?: string;
}

/** How one check id is worded, from its values and whether it passed. */
export type CheckWording<K extends keyof NamedCheckValues> = (
  values: NamedCheckValues[K],
  ok: boolean,
) => CheckWords;

/** The wording of a group of check ids. */
export type WordingTable<K extends keyof NamedCheckValues> = { [P in K]: CheckWording<P> };

/** Every fixed check id has its wording (the type fails to compile when an id is missing). */
const TEXT: WordingTable<keyof NamedCheckValues> = { ...REQUEST_TEXT, ...FEDERATION_TEXT, ...SESSION_TEXT };

const DECISION_WORD = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitly denied',
  ImplicitlyDenied: 'implicitly denied',
};

/** Whether the check is a policy authorization (`authorize.<action>`), not the fixed `authorize.none`. */
export function isAuthorization(c: TraceCheck): c is TraceCheckOf<AuthorizationCheckId> {
  return c.id !== 'authorize.none' && c.id.startsWith('authorize.');
}

/**
 * A failed check on a line of its own, where no ✘ stands next to it (the lab's one line per call):
 * `failed check: the token has not expired — exp …; now …`. A title names the check (what had to
 * hold), as learn's trace shows it after its ✘; without the mark, "the token has not expired" alone
 * would read as the reason, the opposite of what happened. The detail follows a dash: a title may
 * hold colons of its own (`sts:AssumeRole on …: implicitly denied`).
 */
export function failedCheckLine(words: CheckWords): string {
  return `failed check: ${words.title}${words.detail ? ` — ${words.detail}` : ''}`;
}

/** The check in words, e.g. `{ title: "TokenCode is the device's current code", detail: "sent 123456" }`. */
export function checkText(c: TraceCheck): CheckWords {
  if (isAuthorization(c)) {
    const v = c.values;
    return { title: `${v.action} on ${v.resource}: ${DECISION_WORD[v.decision]}` };
  }
  // The id and its values come from one TraceCheck; TypeScript cannot correlate them through the table.
  const word = TEXT[c.id] as (values: unknown, ok: boolean) => CheckWords;
  const words = word(c.values, c.ok);
  return words.detail ? words : { title: words.title };
}
