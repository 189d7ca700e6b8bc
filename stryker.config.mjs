// Mutation testing of the engine's core decision files against the engine's tests: `npm run mutate`.
// Not in CI (it takes many minutes); README "Mutation testing" gives the latest score.
// https://stryker-mutator.io/docs/stryker-js/configuration/
//
// Equivalent mutants (no test can kill them: the mutated program gives the same answer for every
// input) are listed here with the reason. None is excluded: they count as survivors in the score.
//   policy/principal.ts
//   - `p.kind === 'user'` / `'assumed-role'` / `'federated-user'` → true next to `p.arn === v`, and
//     `p.kind === 'assumed-role'` next to `p.roleArn === v`: a user, session or federated-user ARN is
//     only ever the ARN of a principal of that kind, and only role sessions carry a roleArn.
//   - `if (FEDERATED_USER_ARN.test(v))` → true: the next line still requires `p.arn === v`, and a
//     federated user's ARN always passes the test.
//   - `case 'CanonicalUser'` removed or renamed: the switch then falls out with undefined, the same
//     answer.
//   - anchors dropped from ACCOUNT_ID and from the user, role, session and federated-user ARN
//     patterns: the value must still equal the principal's account id or ARN exactly. (ROOT_ARN's
//     anchor is not equivalent: its test is in test/engine/policy/principal.test.ts.)
//   conditions/date.ts, conditions/numeric.ts
//   - `a !== undefined` / `b !== undefined` → true, or `&&` → `||` between them: comparing undefined
//     with a number is false for every operator, the same as the guard's answer.
//   - date.ts's `tz !== 'Z'` / `tz !== 'z'` → true (or the letter emptied): a `Z` then goes through the
//     offset arithmetic as an offset of zero, the same instant.
//   conditions/null.ts
//   - Null's `compare`, `negated` and `variables`: the evaluator answers Null from key presence and
//     returns before reading them.
//   conditions/evaluate.ts
//   - resolveValues' fast path for values without `${` (`!values.some(mayHoldVariables)` → false, or
//     `'${'` emptied, which sends every value down the general loop): it only saves work.
//   policy/evaluate.ts
//   - `st.sid !== undefined` → true: the statement's result then has `sid: undefined`, which no
//     reader tells from a missing sid (and JSON leaves out).
//   conditions/registry.ts
//   - the parse cache (`if (cached)`, `parseCache.set`): it only saves work.
//   - `ifExists = op !== undefined` → true: an unknown operator is rejected before ifExists is read.
//   policy/wildcard.ts
//   - TOKEN's `[^*?$]+` → `[^*?$]`: a literal run cut into one-character tokens is the same text.
//   - fold's `c.charCodeAt(0) >= 128` → `> 128`: U+0080 upper-cases to itself.
//   - find's `!seg.any` → false and its block emptied: the general loop finds the same leftmost
//     place as indexOf; `at >= 0` → true: a not-found -1 is returned as -1 either way.
//   - the matcher cache (`!matcher` → true, `cache.size >= MAX_CACHE` → true, false or `<`): it only
//     saves work.
//   - wildcardMatch's fast paths (`pattern === '*'` → false; the no-wildcard test → false, its
//     `'*'`/`'?'` emptied, which makes includes() always true, or its block emptied): the general
//     matcher gives the same answer.
//   - unescapePattern's `pattern.includes('${')` → true or `'${'` emptied: replacing no escape
//     changes nothing.
//   - fold's printable-ASCII fast path (→ false): the loop folds ASCII the same; its bound `<` → `<=`:
//     charAt past the end is '', which adds nothing; `u.charCodeAt(0) < 128` → `<= 128`: no character
//     upper-cases to U+0080.
//   - matchSegments' `if (!first || !last)` (→ false, `&&`, or its answer changed): splitting a
//     pattern on `*` always gives at least one segment, so the fallback is never reached.
//   - arnMatch's `v[i] ?? ''` (the text changed): both ARNs split into the same six parts, so v[i]
//     always exists.
//   sts/tags.ts
//   - `caller.type === 'credentials'` → true: a caller of another type has no `creds`, the same undefined.
//   - `parent?.tags` → `parent.tags`: the loop over inherited keys only runs when there is a parent.
//   - `if (entry)` → true: a transitive key is always one of its session's tags (AWS refuses a
//     transitive key that is not a tag, and a session's keys are only ever set from its tags).
//   sts/token-rules.ts
//   - the guard `caller.type !== 'credentials'` (→ false, or its message emptied): the engine checks
//     the caller before these rules run; the guard narrows the type and states the assumption.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/engine/policy/principal.ts',
    'src/engine/policy/evaluate.ts',
    'src/engine/policy/wildcard.ts',
    'src/engine/conditions/*.ts',
    'src/engine/sts/rules.ts',
    'src/engine/sts/token-rules.ts',
    'src/engine/sts/tags.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.engine.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The machine is shared: two workers at most.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['dist', 'coverage', 'bench/out', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
