// Module-level memo tables (parsed condition operators, compiled wildcard patterns, policy-variable
// templates). They hold only results of pure functions, so emptying them never changes an answer.
// Tests empty them before each test (test/engine/setup.ts) so that every test runs the code behind a
// cache: mutation testing's per-test coverage would otherwise credit only the first test to reach it.

const tables: Map<unknown, unknown>[] = [];

/** A memo table that clearEngineCaches() empties. */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table as Map<unknown, unknown>);
  return table;
}

/** Empty every memo table (for tests; answers do not depend on it). */
export function clearEngineCaches(): void {
  for (const table of tables) table.clear();
}
