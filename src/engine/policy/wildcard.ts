// `*` / `?` wildcard matching for Action, Resource, StringLike and the ARN operators, compiled once to a
// RegExp and cached, so evaluation never re-parses a pattern.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

/** Escape sequences of policy variables: `${*}`, `${?}`, `${$}` stand for a literal character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html */
const ESCAPES: Record<string, string> = { '${*}': '*', '${?}': '?', '${$}': '$' };
const TOKEN = /\$\{[*?$]\}|[*?]|[^*?$]+|\$/g;

const cache = new Map<string, RegExp>();
const MAX_CACHE = 5000;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for a pattern: `*` = any run, `?` = one character, `${*}`/`${?}`/`${$}` literal.
 * With `noColon`, wildcards do not span `:` (ARN segments are matched separately). */
export function patternSource(pattern: string, noColon = false): string {
  const any = noColon ? '[^:]' : '[\\s\\S]';
  let out = '';
  for (const token of pattern.match(TOKEN) ?? []) {
    if (token === '*') out += `${any}*`;
    else if (token === '?') out += any;
    else out += escapeRegex(ESCAPES[token] ?? token);
  }
  return out;
}

/** The compiled matcher for a pattern, cached by (pattern, flags). */
export function compilePattern(pattern: string, ignoreCase = false, noColon = false): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : '-'}${noColon ? 'c' : '-'}${pattern}`;
  let re = cache.get(cacheKey);
  if (!re) {
    re = new RegExp(`^${patternSource(pattern, noColon)}$`, ignoreCase ? 'i' : '');
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(cacheKey, re);
  }
  return re;
}

/** `*`/`?` match across the whole string (StringLike, Resource; Action with ignoreCase). */
export function wildcardMatch(value: string, pattern: string, ignoreCase = false): boolean {
  // Fast paths: most policy values are `*` or have no wildcard at all.
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?') && !pattern.includes('$')) {
    return ignoreCase ? value.toLowerCase() === pattern.toLowerCase() : value === pattern;
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

/** ArnEquals/ArnLike: each of the six segments is matched separately, so `*` cannot span `:` in the
 * first five; the resource segment matches like StringLike (case-sensitive).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN */
export function arnMatch(value: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const v = splitArn(value);
  const p = splitArn(pattern);
  if (!v || !p) return false;
  for (let i = 0; i < 6; i++) {
    const pv = p[i] ?? '';
    const vv = v[i] ?? '';
    if (i < 5 ? !compilePattern(pv, false, true).test(vv) : !wildcardMatch(vv, pv)) return false;
  }
  return true;
}
