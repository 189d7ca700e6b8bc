/**
 * Session-tag rules: keys are case-insensitive, transitive keys must be among
 * the tags, and an inherited transitive tag cannot be set again.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
import type { Caller } from './credentials.js';
import { InvalidParameterValue, type AwsError } from './errors.js';
import { REF } from './refs.js';
import type { Trace } from './trace.js';
import { setOwn } from '../own-key.js';

export interface SessionTagRequest {
  tags: Record<string, string>;
  transitive: string[];
  /** Inherited from the calling session. */
  inheritedTags: Record<string, string>;
  inheritedKeys: string[];
}

/** Messages recorded against AWS (docs/decisions.md#error-messages). */
export const DUPLICATE_TAG_KEYS = 'Duplicate tag keys found. Please note that Tag keys are case insensitive.';
export const TRANSITIVE_NOT_IN_TAGS =
  'The specified transitive tag key must be included in the requested tags.';
export const TRANSITIVE_CONFLICT =
  "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.";

export function checkSessionTags(
  caller: Caller,
  passed: { key: string; value: string }[],
  transitive: string[],
  trace: Trace,
): SessionTagRequest | { error: AwsError } {
  const seen = new Set<string>();
  const tags: Record<string, string> = {};
  for (const t of passed) {
    const k = t.key.toLowerCase();
    if (seen.has(k)) {
      trace.fail({
        id: 'tags.unique',
        phase: 'tags',
        values: { key: t.key },
        ref: REF.sessionTags,
      });
      return { error: InvalidParameterValue(DUPLICATE_TAG_KEYS) };
    }
    seen.add(k);
    setOwn(tags, t.key, t.value);
  }
  for (const key of transitive) {
    if (!seen.has(key.toLowerCase())) {
      trace.fail({
        id: 'tags.transitive',
        phase: 'tags',
        values: { key },
        ref: REF.sessionTags,
      });
      return { error: InvalidParameterValue(TRANSITIVE_NOT_IN_TAGS) };
    }
  }
  const parent = caller.type === 'credentials' ? caller.creds : undefined;
  const inheritedKeys = parent ? parent.transitiveKeys : [];
  const inheritedTags: Record<string, string> = {};
  for (const k of inheritedKeys) {
    const entry = Object.entries(parent?.tags ?? {}).find(([tk]) => tk.toLowerCase() === k.toLowerCase());
    if (entry) setOwn(inheritedTags, entry[0], entry[1]);
  }
  const conflict = passed.find((t) => inheritedKeys.some((k) => k.toLowerCase() === t.key.toLowerCase()));
  if (conflict) {
    trace.fail({
      id: 'tags.inherited',
      phase: 'tags',
      values: { key: conflict.key },
      ref: REF.sessionTags,
    });
    return { error: InvalidParameterValue(TRANSITIVE_CONFLICT) };
  }
  if (passed.length > 0 || inheritedKeys.length > 0) {
    trace.pass({
      id: 'tags.rules',
      phase: 'tags',
      values: {
        passed: Object.fromEntries(passed.map((t) => [t.key, t.value])),
        transitive,
        inherited: inheritedTags,
      },
      ref: REF.sessionTags,
    });
  }
  return { tags, transitive, inheritedTags, inheritedKeys };
}
