/**
 * The AWS Query protocol as STS speaks it: a form-encoded body (POST) or query
 * string (GET) with `Action`, `Version` and the parameters, lists flattened as
 * `Tags.member.1.Key`, `PolicyArns.member.1.arn`, `TransitiveTagKeys.member.1`.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonParameters.html
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 */

/** Decodes `a=1&b=x%20y` (form encoding: `+` is a space). Malformed escapes are kept as sent. */
export function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

type Tree = { [key: string]: Tree | string };

/** Keys are data from the request: never let them reach an object's prototype. */
const UNSAFE_KEY = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rebuilds the structure a flattened form describes: `X.member.N…` becomes a
 * list (in N order), `A.B` a nested field; everything else stays a string.
 */
export function unflatten(form: Map<string, string>): Record<string, unknown> {
  const root: Tree = {};
  for (const [name, value] of form) {
    const parts = name.split('.');
    // A name with such a part is no parameter of any API: dropped whole (`constructor.RoleSessionName`
    // must not land on RoleSessionName)
    if (parts.some((p) => UNSAFE_KEY.has(p))) continue;
    let node: Tree = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = Object.create(null) as Tree;
    }
    const last = parts[parts.length - 1]!;
    if (typeof node[last] !== 'object') node[last] = value;
  }
  return lists(root) as Record<string, unknown>;
}

/** `{member: {1: a, 2: b}}` → `[a, b]`, recursively. */
function lists(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object') {
    const members = node.member;
    return Object.keys(members)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => lists(members[k]!));
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = lists(node[k]!);
  return out;
}

/** The protocol's own fields, including those of query-string (presigned) authentication. */
const PROTOCOL = new Set([
  'Action',
  'Version',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
]);

/** The request parameters of a Query request: everything but the protocol's own fields. */
export function queryParams(form: Map<string, string>): Record<string, unknown> {
  const rest = new Map<string, string>();
  let nested = false;
  for (const [k, v] of form) {
    if (PROTOCOL.has(k)) continue;
    rest.set(k, v);
    if (k.includes('.')) nested = true;
  }
  if (nested) return unflatten(rest);
  // No list or nested field (most calls): the fields as they are, what unflatten would give.
  const out: Record<string, unknown> = {};
  for (const [k, v] of rest) if (!UNSAFE_KEY.has(k)) out[k] = v;
  return out;
}
