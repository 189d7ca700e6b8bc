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
import { pathLabel, walkData } from './data-walk.js';
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
  callTooBig: (where: string, size: number) =>
    `${where} is ${size.toLocaleString('en-US')} characters as JSON; a call or a change is at most ${MAX_CALL.toLocaleString('en-US')}`,
  callTooBigHint:
    "STS's own limits keep a request far smaller: 50 tags, keys of 128 characters, a 2,048-character policy",
} as const;

/** The file's `__proto__` keys and over-long texts, each an error at its position. */
export function guardProblems(data: unknown, positions: Positions): Problem[] {
  const out: Problem[] = [];
  const report = (path: ContentPath, message: string, hint: string, key: boolean) => {
    out.push({ ...positions.at([...path], { key }), message, hint, severity: 'error' });
  };
  walkData(data, {
    text(v, path) {
      if (v.length > MAX_TEXT)
        report(path, GUARD_MSG.tooLong(pathLabel(path), v.length), GUARD_MSG.tooLongHint, false);
      else if (v === '__proto__')
        report(path, GUARD_MSG.protoValue(pathLabel(path)), GUARD_MSG.protoKeyHint, false);
    },
    key(key, path) {
      if (key === '__proto__')
        report(path, GUARD_MSG.protoKey(pathLabel(path)), GUARD_MSG.protoKeyHint, true);
      else if (key.length > MAX_TEXT)
        report(path, GUARD_MSG.tooLong('a key', key.length), GUARD_MSG.tooLongHint, true);
      else return true;
      return false;
    },
    done: () => out.length >= MAX_ERRORS,
  });
  return out.slice(0, MAX_ERRORS);
}

/**
 * The most a step's `call` or a what-if's `change` may hold, as JSON. The engine repeats a list it
 * rejects (60 tags of 8,000 characters) in its message, once per what-if that runs the step: STS's own
 * limits (50 tags, keys of 128 characters, a 2,048-character policy) keep a real request far below this.
 */
export const MAX_CALL = 16_384;

/** A scenario's steps and what-ifs whose call or change is over MAX_CALL, each an error at its position. */
export function callSizeProblems(data: unknown, positions: Positions): Problem[] {
  const out: Problem[] = [];
  const record = data as { steps?: unknown; whatIf?: unknown };
  const check = (list: unknown, field: 'call' | 'change', name: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, i) => {
      const value = (item as Record<string, unknown> | null)?.[field];
      if (value === undefined || out.length >= MAX_ERRORS) return;
      const size = JSON.stringify(value)?.length ?? 0;
      if (size <= MAX_CALL) return;
      const path = [name, i, field];
      out.push({
        ...positions.at(path),
        message: GUARD_MSG.callTooBig(pathLabel(path), size),
        hint: GUARD_MSG.callTooBigHint,
        severity: 'error',
      });
    });
  };
  check(record.steps, 'call', 'steps');
  check(record.whatIf, 'change', 'whatIf');
  return out;
}
