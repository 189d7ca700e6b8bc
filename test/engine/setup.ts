import { beforeEach } from 'vitest';
import { clearEngineCaches } from '../../src/engine/caches.js';

// Every test runs the code behind the engine's memo tables (see src/engine/caches.ts).
beforeEach(() => {
  clearEngineCaches();
});
