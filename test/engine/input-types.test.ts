/**
 * The engine declares its own input types (src/engine/world.ts) so the library's
 * public types depend on nothing else in the project. These type-level checks
 * (run by `npm run typecheck`) keep the content schema's parsed types assignable
 * to them: a schema change the engine cannot take fails the build.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { API_NAMES as SCHEMA_API_NAMES, CallSchema } from '../../src/content/schema.js';
import type { Call as SchemaCall, World as SchemaWorld } from '../../src/content/schema.js';
import { API_NAMES } from '../../src/engine/index.js';
import type { ApiName, Call, World } from '../../src/engine/index.js';

describe('engine input types', () => {
  it('a parsed world and call are engine inputs', () => {
    expectTypeOf<SchemaWorld>().toExtend<World>();
    expectTypeOf<SchemaCall>().toExtend<Call>();
    expectTypeOf<SchemaCall['api']>().toEqualTypeOf<ApiName>();
  });

  it('the schema accepts exactly the APIs the engine answers', () => {
    expect(SCHEMA_API_NAMES).toBe(API_NAMES);
    for (const api of API_NAMES) expect(CallSchema.safeParse({ api, as: 'user/dana' }).success).toBe(true);
    expect(CallSchema.safeParse({ api: 'AssumeRoot', as: 'user/dana' }).success).toBe(false);
  });
});
