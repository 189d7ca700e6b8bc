// Mutation testing of the engine's core decision files against the engine's tests: `npm run mutate`.
// Not in CI (it takes many minutes); README "Mutation testing" gives the latest score.
// https://stryker-mutator.io/docs/stryker-js/configuration/
//
// Equivalent mutants (no test can kill them: the mutated program behaves the same) are listed here
// with the reason, and still counted as survivors in the score:
//   (none yet)

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
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['dist', 'coverage', 'bench/out'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
