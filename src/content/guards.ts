/**
 * Two limits every content file meets before its schema is checked, because a pack is untrusted
 * input (PRODUCT.md):
 *
 * - **No key `__proto__`.** A JavaScript object cannot hold it as data: copied into the engine's
 *   objects it sets their prototype instead, so a policy condition, tag or context key under that
 *   name would vanish and the simulator would allow what the file seems to deny. Nor a value that is
 *   exactly `__proto__`: topics and ids become keys of progress and summaries.
 * - **No text longer than MAX_TEXT characters**, key or value. The engine repeats a parameter it
 *   rejects in its error message (as AWS does), once per step and what-if that sends it, so one long
 *   value could turn a 1 MiB file into gigabytes of output. The longest text in the built-in content
 *   is about 1,100 characters; a policy longer than the limit can be written as a YAML mapping.
 */
import type { ContentPath, Positions } from './positions.js';
import type { Problem } from './parse.js';

export const MAX_TEXT = 8192;

/** Errors per file at most: one look at the file shows the rest. */
const MAX_ERRORS = 20;

export const GUARD_MSG = {
  protoKey: (where: string) => `${where}: a key may not be \`__proto__\``,
  protoValue: (where: string) => `${where} may not be \`__proto__\``,
  protoKeyHint: 'rename it: sts-trainer cannot keep that name as data, so what it names would be lost',
  tooLong: (where: string, length: number) =>
    `${where} is ${length.toLocaleString('en-US')} characters long; text in a content file is at most ${MAX_TEXT.toLocaleString('en-US')}`,
  tooLongHint: 'shorten it (a long policy can be written as YAML instead of one JSON string)',
} as const;

function label(path: ContentPath): string {
  return path.length === 0 ? 'the file' : `\`${path.map(String).join('.')}\``;
}

/** The file's `__proto__` keys and over-long texts, each an error at its position. */
export function guardProblems(data: unknown, positions: Positions): Problem[] {
  const out: Problem[] = [];
  const path: (string | number)[] = [];
  const report = (message: string, hint: string, key: boolean) => {
    out.push({ ...positions.at([...path], { key }), message, hint, severity: 'error' });
  };
  const visit = (v: unknown): void => {
    if (out.length >= MAX_ERRORS) return;
    if (typeof v === 'string') {
      if (v.length > MAX_TEXT) report(GUARD_MSG.tooLong(label(path), v.length), GUARD_MSG.tooLongHint, false);
      else if (v === '__proto__') report(GUARD_MSG.protoValue(label(path)), GUARD_MSG.protoKeyHint, false);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      // for…in sees an own `__proto__` key (YAML parsers define it as a property) and reads its value
      for (const key in v) {
        path.push(key);
        if (key === '__proto__') report(GUARD_MSG.protoKey(label(path)), GUARD_MSG.protoKeyHint, true);
        else if (key.length > MAX_TEXT)
          report(GUARD_MSG.tooLong('a key', key.length), GUARD_MSG.tooLongHint, true);
        else visit((v as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(data);
  return out.slice(0, MAX_ERRORS);
}
