// Module-level memo tables (parsed condition operators, compiled wildcard patterns, policy-variable
// templates, parsed IP ranges). They hold only results of pure functions of their key, so emptying them
// never changes an answer, and a forked engine or another world can never read a stale entry.
// Tests empty them before each test (test/engine/setup.ts) so that every test runs the code behind a
// cache: mutation testing's per-test coverage would otherwise credit only the first test to reach it.

const tables: Map<unknown, unknown>[] = [];

/** A memo table that clearEngineCaches() empties. */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

/**
 * `fn` remembered by its string argument in a memo table of at most `max` entries (emptied when full:
 * keys may come from requests, so the table must not grow without bound).
 */
export function memoize<V>(fn: (key: string) => V, max = 4096): (key: string) => V {
  const table = memoTable<string, V>();
  return (key) => {
    let value = table.get(key);
    if (value === undefined && !table.has(key)) {
      if (table.size >= max) table.clear();
      value = fn(key);
      table.set(key, value);
    }
    return value as V;
  };
}

/**
 * Lower case, remembered: condition keys compare case-insensitively, and the same few dozen key names
 * are looked up on every call.
 */
export const lowerCase = memoize((text: string) => text.toLowerCase());

/** Empty every memo table (for tests; answers do not depend on it). */
export function clearEngineCaches(): void {
  for (const table of tables) table.clear();
}
