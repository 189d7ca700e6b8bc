// `*` / `?` wildcard matching for Action, Resource, StringLike/StringNotLike and the ARN operators,
// compiled once per pattern and cached, so evaluation never re-parses a pattern.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
//
// Patterns come from content packs (untrusted), so matching never backtracks: the pattern is cut at
// its `*`s into segments, the first segment must start the value, the last must end it, and each
// middle segment is placed at its leftmost fit after the previous one. Leftmost placement is always
// right for `*` (whatever a later segment needs, an earlier fit leaves more room for it), so no
// choice is ever undone: at most |value| × |pattern| character comparisons, where a backtracking
// regular expression for `*a*a*a*a*a*a*a*a*a*a*b` needs exponential time.

import { memoTable } from '../caches.js';

/** Escape sequences of policy variables: `${*}`, `${?}`, `${$}` stand for a literal character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html */
const ESCAPES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
const TOKEN = /\$\{[*?$]\}|[*?]|[^*?$]+|\$/g;

/** A compiled pattern (the `test` of a RegExp, without its backtracking). */
export interface WildcardMatcher {
  test(value: string): boolean;
}

/** One piece between `*`s: literal text, where `any[k]` marks a `?` at position k. */
interface Segment {
  text: string;
  any?: readonly boolean[];
}

const cache = memoTable<string, WildcardMatcher>();
const MAX_CACHE = 5000;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The equivalent regular expression source (a test oracle; matching never uses it): `*` = any run,
 * `?` = one character, `${*}`/`${?}`/`${$}` literal. */
export function patternSource(pattern: string): string {
  let out = '';
  for (const token of pattern.match(TOKEN) ?? []) {
    if (token === '*') out += '[\\s\\S]*';
    else if (token === '?') out += '[\\s\\S]';
    else out += escapeRegex(ESCAPES[token] ?? token);
  }
  return out;
}

/** Case folding as a RegExp's `i` flag does it without `u` (ECMAScript Canonicalize), per UTF-16 unit. */
function fold(text: string): string {
  // Printable ASCII (nearly every policy value): the whole-string upper case is the same, and fast.
  if (!/[^ -~]/.test(text)) return text.toUpperCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const u = c.toUpperCase();
    out += u.length === 1 && !(c.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? u : c;
  }
  return out;
}

/** The pattern cut at its `*`s (a pattern without `*` is one segment), folded when `ignoreCase`. */
function segmentsOf(pattern: string, ignoreCase: boolean): Segment[] {
  let seg: { text: string; any: boolean[] } = { text: '', any: [] };
  const raw = [seg];
  for (const token of pattern.match(TOKEN) ?? []) {
    if (token === '*') {
      seg = { text: '', any: [] };
      raw.push(seg);
    } else if (token === '?') {
      seg.any[seg.text.length] = true;
      seg.text += '?';
    } else seg.text += ESCAPES[token] ?? token;
  }
  return raw.map(({ text, any }) => {
    const folded = ignoreCase ? fold(text) : text;
    return any.length
      ? { text: folded, any: Array.from({ length: text.length }, (_, k) => !!any[k]) }
      : { text: folded };
  });
}

/** Does `seg` match `value` at `at`? Callers only ask where the segment fits inside the value
 * (`at + seg.text.length <= value.length`). */
function fits(value: string, at: number, seg: Segment): boolean {
  const { text, any } = seg;
  if (!any) return value.startsWith(text, at);
  for (let k = 0; k < text.length; k++) if (!any[k] && value[at + k] !== text[k]) return false;
  return true;
}

/** The leftmost place at or after `from` where `seg` fits and ends by `end`, or -1. */
function find(value: string, from: number, end: number, seg: Segment): number {
  const last = end - seg.text.length;
  if (!seg.any) {
    const at = value.indexOf(seg.text, from);
    return at >= 0 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (fits(value, at, seg)) return at;
  return -1;
}

/** Segments joined by `*`, matched against a value with no backtracking (see the top of the file). */
function matchSegments(value: string, segments: readonly Segment[]): boolean {
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return value.length === 0;
  if (segments.length === 1) return first.text.length === value.length && fits(value, 0, first);
  const end = value.length - last.text.length;
  if (end < first.text.length || !fits(value, 0, first) || !fits(value, end, last)) return false;
  let at = first.text.length;
  for (const seg of segments.slice(1, -1)) {
    const found = find(value, at, end, seg);
    if (found < 0) return false;
    at = found + seg.text.length;
  }
  return true;
}

function compile(pattern: string, ignoreCase: boolean): WildcardMatcher {
  const segments = segmentsOf(pattern, ignoreCase);
  return ignoreCase
    ? { test: (value) => matchSegments(fold(value), segments) }
    : { test: (value) => matchSegments(value, segments) };
}

/** The compiled matcher for a pattern, cached by (pattern, case flag). */
export function compilePattern(pattern: string, ignoreCase = false): WildcardMatcher {
  const cacheKey = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let matcher = cache.get(cacheKey);
  if (!matcher) {
    matcher = compile(pattern, ignoreCase);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(cacheKey, matcher);
  }
  return matcher;
}

/** `*`/`?` match across the whole string (StringLike, Resource; Action with ignoreCase). */
export function wildcardMatch(value: string, pattern: string, ignoreCase = false): boolean {
  // Fast paths: most policy values are `*` or have no wildcard at all.
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?') && !pattern.includes('$')) {
    return ignoreCase ? fold(value) === fold(pattern) : value === pattern;
  }
  return compilePattern(pattern, ignoreCase).test(value);
}

/** Remove the escape sequences, giving the literal text (for the Equals operators and display). */
export function unescapePattern(pattern: string): string {
  return pattern.includes('${') ? pattern.replace(/\$\{[*?$]\}/g, (e) => ESCAPES[e] ?? e) : pattern;
}

/** Split an ARN into its 6 `:`-separated parts; the 6th (resource) keeps its colons. */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** ArnEquals/ArnLike: each of the six segments is matched separately and case-sensitively, so `*`
 * cannot span `:` in the first five (they hold no `:`); the resource segment, which keeps its colons,
 * matches like StringLike. A bare `*` matches any value.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN */
export function arnMatch(value: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const v = splitArn(value);
  const p = splitArn(pattern);
  return !!v && !!p && p.every((part, i) => wildcardMatch(v[i] ?? '', part));
}
