import { defineConfig } from 'vitest/config';

// The engine's own tests only (pure, no build needed): what `npm run mutate` runs against each mutant.
export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts'],
    setupFiles: ['test/engine/setup.ts'],
    pool: 'forks',
  },
});
