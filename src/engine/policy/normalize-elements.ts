// Parsing of the Principal, Action/Resource and Condition elements into normalised data, reporting
// problems instead of throwing.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
import { parseOperator } from '../conditions/registry.js';
import { didYouMean } from './suggest.js';
import type { NormalizedCondition, PolicyProblem, PrincipalEntry } from './types.js';

export type Path = (string | number)[];
export interface Sink {
  problems: PolicyProblem[];
  /** Prefix of messages for the current statement, e.g. 'statement 2: '. */
  prefix: string;
}

export function report(sink: Sink, path: Path, message: string, hint?: string): void {
  sink.problems.push({ path, message: sink.prefix + message, ...(hint !== undefined && { hint }) });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scalar as IAM would read it: strings as is, numbers and booleans as their text. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A string or an array of strings (Action, Resource, principal values); undefined when malformed. */
export function stringList(value: unknown, path: Path, name: string, sink: Sink): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const [i, v] of list.entries()) {
    if (typeof v !== 'string') {
      report(
        sink,
        Array.isArray(value) ? [...path, i] : path,
        `\`${name}\` must be a string or a list of strings`,
      );
      return undefined;
    }
    out.push(v);
  }
  if (out.length === 0) {
    report(sink, path, `\`${name}\` is empty`);
    return undefined;
  }
  return out;
}

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/** `"*"` or an object of AWS/Service/Federated/CanonicalUser → entries (OR). */
export function parsePrincipal(
  value: unknown,
  path: Path,
  name: string,
  sink: Sink,
): PrincipalEntry[] | undefined {
  if (value === '*') return [{ type: 'AWS', value: '*' }];
  if (!isObject(value)) {
    report(
      sink,
      path,
      `\`${name}\` must be \`"*"\` or an object with \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\``,
    );
    return undefined;
  }
  const entries: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value)) {
    const known = PRINCIPAL_TYPES.find((t) => t === type);
    if (!known) {
      report(sink, [...path, type], `unknown principal type \`${type}\``, didYouMean(type, PRINCIPAL_TYPES));
      continue;
    }
    const values = stringList(v, [...path, type], `${name}.${type}`, sink);
    if (!values) continue;
    for (const [i, s] of values.entries()) {
      // No partial wildcards in principals: only a bare `*` is a wildcard.
      if (s !== '*' && /[*?]/.test(s)) {
        const at = Array.isArray(v) ? [...path, type, i] : [...path, type];
        report(
          sink,
          at,
          `\`${s}\`: a principal cannot contain wildcards (it matches nobody)`,
          'use `"*"` with an `ArnLike` condition on `aws:PrincipalArn`',
        );
      }
      entries.push({ type: known, value: s });
    }
  }
  return entries.length ? entries : undefined;
}

/** `{ Operator: { key: value | [values] } }` → one entry per (operator, key); false when unusable. */
export function parseConditions(value: unknown, path: Path, sink: Sink): NormalizedCondition[] | false {
  if (!isObject(value)) {
    report(sink, path, '`Condition` must be an object of operators');
    return false;
  }
  const out: NormalizedCondition[] = [];
  let usable = true;
  for (const [operator, block] of Object.entries(value)) {
    const parse = parseOperator(operator);
    if (!parse.ok) {
      report(sink, [...path, operator], parse.message, parse.hint);
      usable = false;
      continue;
    }
    if (!isObject(block)) {
      report(sink, [...path, operator], `\`${operator}\` must map condition keys to values`);
      usable = false;
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map(scalar);
      if (values.some((v) => v === undefined) || values.length === 0) {
        report(
          sink,
          [...path, operator, key],
          `\`${key}\`: condition values must be strings, numbers or booleans`,
        );
        usable = false;
        continue;
      }
      out.push({ operator, key, values: values as string[], parsed: parse.parsed });
    }
  }
  return usable ? out : false;
}
