/**
 * The simulated STS engine: `createEngine(world)` builds a world once, then
 * `engine.call(call)` runs requests against it on a simulated clock.
 */
export type * from './types.js';
export { createEngine } from './sts/engine.js';
