// Parsing of the Principal, Action/Resource and Condition elements into normalised data, reporting
// problems instead of throwing.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
import { parseOperator } from '../conditions/registry.js';
import type { PolicyProblem, PolicyProblemDetail } from './problems.js';
import { closest } from './suggest.js';
import type { NormalizedCondition, PrincipalEntry } from './types.js';

export type Path = (string | number)[];
export interface Sink {
  problems: PolicyProblem[];
  /** The statement being read (0-based), once the statements are reached. */
  statement?: number;
}

export function report(sink: Sink, path: Path, detail: PolicyProblemDetail): void {
  sink.problems.push({ ...detail, path, ...(sink.statement !== undefined && { statement: sink.statement }) });
}

/** `{ suggestion }` when a candidate is close to `input`, for a problem's did-you-mean. */
export function suggest(input: string, candidates: Iterable<string>): { suggestion?: string } {
  const suggestion = closest(input, candidates);
  return suggestion === undefined ? {} : { suggestion };
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
      report(sink, Array.isArray(value) ? [...path, i] : path, { code: 'not-string-list', element: name });
      return undefined;
    }
    out.push(v);
  }
  if (out.length === 0) {
    report(sink, path, { code: 'empty-list', element: name });
    return undefined;
  }
  return out;
}

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/** `"*"` or an object of AWS/Service/Federated/CanonicalUser → entries (OR). */
export function parsePrincipal(
  value: unknown,
  path: Path,
  name: 'Principal' | 'NotPrincipal',
  sink: Sink,
): PrincipalEntry[] | undefined {
  if (value === '*') return [{ type: 'AWS', value: '*' }];
  if (!isObject(value)) {
    report(sink, path, { code: 'principal-shape', element: name });
    return undefined;
  }
  const entries: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value)) {
    const known = PRINCIPAL_TYPES.find((t) => t === type);
    if (!known) {
      report(sink, [...path, type], {
        code: 'unknown-principal-type',
        type,
        ...suggest(type, PRINCIPAL_TYPES),
      });
      continue;
    }
    const values = stringList(v, [...path, type], `${name}.${type}`, sink);
    if (!values) continue;
    for (const [i, s] of values.entries()) {
      // No partial wildcards in principals: only a bare `*` is a wildcard.
      if (s !== '*' && /[*?]/.test(s)) {
        const at = Array.isArray(v) ? [...path, type, i] : [...path, type];
        report(sink, at, { code: 'principal-wildcard', value: s });
      }
      entries.push({ type: known, value: s });
    }
  }
  return entries.length ? entries : undefined;
}

/** `{ Operator: { key: value | [values] } }` → one entry per (operator, key); false when unusable. */
export function parseConditions(value: unknown, path: Path, sink: Sink): NormalizedCondition[] | false {
  if (!isObject(value)) {
    report(sink, path, { code: 'condition-not-object' });
    return false;
  }
  const out: NormalizedCondition[] = [];
  let usable = true;
  for (const [operator, block] of Object.entries(value)) {
    const parse = parseOperator(operator);
    if (!parse.ok) {
      report(sink, [...path, operator], parse.problem);
      usable = false;
      continue;
    }
    if (!isObject(block)) {
      report(sink, [...path, operator], { code: 'condition-block-not-object', operator });
      usable = false;
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map(scalar);
      if (values.some((v) => v === undefined) || values.length === 0) {
        report(sink, [...path, operator, key], { code: 'condition-value-type', key });
        usable = false;
        continue;
      }
      out.push({ operator, key, values: values as string[], parsed: parse.parsed });
    }
  }
  return usable ? out : false;
}
