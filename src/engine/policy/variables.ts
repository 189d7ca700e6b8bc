// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${key, 'default'}`, and the escapes
// `${*}`, `${?}`, `${$}`.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import { memoTable } from '../caches.js';
import type { RequestContext } from './types.js';

type Part = { text: string } | { key: string; fallback?: string; raw: string };
interface Template {
  parts: Part[];
  hasVariables: boolean;
}

// `${` then a key (no `}`), optionally `, 'default'`, then `}`. Escapes are the single chars * ? $.
const VARIABLE = /\$\{([^}]*?)\}/g;
const DEFAULT_FORM = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/;

const templates = memoTable<string, Template>();

function parseTemplate(value: string): Template {
  const cached = templates.get(value);
  if (cached) return cached;
  const parts: Part[] = [];
  let last = 0;
  let hasVariables = false;
  for (const m of value.matchAll(VARIABLE)) {
    const inner = m[1] ?? '';
    if (m.index > last) parts.push({ text: value.slice(last, m.index) });
    if (inner === '*' || inner === '?' || inner === '$') {
      // Escapes stay in pattern syntax so the wildcard compiler treats them as literals.
      parts.push({ text: m[0] });
    } else {
      hasVariables = true;
      const d = DEFAULT_FORM.exec(inner);
      parts.push(
        d ? { key: (d[1] ?? '').trim(), fallback: d[2] ?? '', raw: m[0] } : { key: inner.trim(), raw: m[0] },
      );
    }
    last = m.index + m[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last) });
  const template = { parts, hasVariables };
  if (templates.size > 5000) templates.clear();
  templates.set(value, template);
  return template;
}

/** Escape a resolved variable value so its own `*`/`?`/`$` are literal, not wildcards. */
function escapeValue(value: string): string {
  return value.replace(/[*?$]/g, (c) => `\${${c}}`);
}

export interface Substitution {
  /** The value in pattern syntax (escapes kept as `${*}` etc.). */
  pattern: string;
  /** Variables that could not be resolved (then the value never matches). */
  unresolved: string[];
}

/** True when the value contains at least one policy variable (not counting escapes). */
export function hasVariables(value: string): boolean {
  return value.includes('${') && parseTemplate(value).hasVariables;
}

/** Replace the policy variables in a value with single-valued request-context values.
 * The key lookup is case-insensitive; multivalued keys cannot be used as variables; a missing key
 * uses the `'default'` when given, otherwise the variable is unresolved. */
export function substitute(value: string, context: RequestContext): Substitution {
  if (!value.includes('${')) return { pattern: value, unresolved: [] };
  const template = parseTemplate(value);
  if (!template.hasVariables) return { pattern: value, unresolved: [] };
  let pattern = '';
  const unresolved: string[] = [];
  for (const part of template.parts) {
    if ('text' in part) {
      pattern += part.text;
      continue;
    }
    const entry = context.get(part.key.toLowerCase());
    const single = entry && !entry.multi && entry.values.length === 1 ? entry.values[0] : undefined;
    if (single !== undefined) pattern += escapeValue(single);
    else if (part.fallback !== undefined) pattern += escapeValue(part.fallback);
    else {
      unresolved.push(part.raw);
      pattern += part.raw;
    }
  }
  return { pattern, unresolved };
}
