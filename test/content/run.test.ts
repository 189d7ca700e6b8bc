import { describe, expect, it, vi } from 'vitest';
import type { Call, CallResult, Engine } from '../../src/engine/types.js';

// A scripted engine, so the runner is tested on its own: it records calls and
// clock moves, and succeeds unless the ExternalId is wrong.
const log: string[] = [];
vi.mock('../../src/engine/index.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  createEngine: (): Engine => fake(0),
}));

function fake(start: number): Engine {
  let t = start;
  return {
    problems: [],
    fork: () => {
      log.push(`fork at ${t}`);
      return fake(t);
    },
    longTermKeys: () => [],
    forget: () => undefined,
    now: () => new Date(t * 1000).toISOString(),
    advance: (s: number) => {
      t += s;
      log.push(`advance ${s}`);
    },
    call(call: Call, options?: { id?: string }): CallResult {
      log.push(`call ${options?.id} ${JSON.stringify(call)}`);
      const ok = call.params?.ExternalId !== 'wrong';
      return ok
        ? {
            api: call.api,
            outcome: 'success',
            response: {},
            caller: call.as,
            at: new Date(t * 1000).toISOString(),
            trace: [],
            view: {
              arn: 'arn:aws:sts::222222222222:assumed-role/R/s',
              account: '222222222222',
              userId: 'AROA:s',
              expiresIn: 3600,
              tags: { team: 'a' },
            },
          }
        : {
            api: call.api,
            outcome: 'error',
            code: 'AccessDenied',
            message: 'User is not authorized',
            httpStatus: 403,
            caller: call.as,
            at: '',
            trace: [],
          };
    },
  };
}

const { compareExpect, deepMerge, durationSeconds, runScenario, runWhatIf, runCallIn } =
  await import('../../src/content/run.js');
import type { Scenario } from '../../src/content/schema.js';

const scenario: Scenario = {
  id: 's',
  title: 'S',
  world: {},
  steps: [
    {
      id: 'one',
      call: {
        api: 'AssumeRole',
        as: 'user/a',
        params: { RoleArn: 'arn', ExternalId: 'x', Tags: [{ Key: 'a', Value: 'b' }] },
      },
      expect: { outcome: 'success' },
    },
    { id: 'later', advance: '90m' },
    {
      id: 'two',
      call: { api: 'GetCallerIdentity', as: '$one' },
      expect: { outcome: 'success', expiresIn: 100 },
    },
  ],
  whatIf: [
    {
      id: 'wrong',
      step: 'two',
      advance: '1h',
      change: { api: 'AssumeRole', params: { ExternalId: 'wrong' } },
      expect: { outcome: 'error', code: 'AccessDenied' },
    },
  ],
};

describe('durationSeconds', () => {
  it.each([
    [30, 30],
    ['30s', 30],
    ['90m', 5400],
    ['2h', 7200],
    ['1d', 86400],
    ['1.5h', 5400],
    ['45', 45],
  ])('%s is %i seconds', (input, seconds) => expect(durationSeconds(input)).toBe(seconds));
});

describe('deepMerge (what-if `change`)', () => {
  it('merges mappings recursively, removes fields set to null and replaces lists', () => {
    const base = {
      api: 'AssumeRole',
      params: { A: 1, B: 2, Tags: [{ Key: 'a' }, { Key: 'b' }] },
      context: { k: 'v' },
    };
    const merged = deepMerge(base, { params: { B: null, C: 3, Tags: [{ Key: 'z' }] }, context: null });
    expect(merged).toEqual({ api: 'AssumeRole', params: { A: 1, C: 3, Tags: [{ Key: 'z' }] } });
    expect(base.params.B).toBe(2); // never mutates
  });
});

describe('runScenario', () => {
  it('runs every step in order, advancing the clock, and compares expectations', () => {
    log.length = 0;
    const run = runScenario(scenario);
    expect(log.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'call one',
      'advance 5400',
      'fork at',
      'call two',
    ]);
    expect(run.steps[2]?.mismatches).toEqual([{ field: 'expiresIn', expected: 100, actual: 3600 }]);
    expect(run.ok).toBe(false);
  });

  it('stops after `upTo` and before `before`', () => {
    expect(runScenario(scenario, { upTo: 'later' }).steps.map((s) => s.step.id)).toEqual(['one', 'later']);
    expect(runScenario(scenario, { before: 'later' }).steps.map((s) => s.step.id)).toEqual(['one']);
  });
});

describe('runWhatIf', () => {
  it('starts from the main run snapshot of the varied step (forked only there), with no replay', () => {
    log.length = 0;
    const main = runScenario(scenario);
    // one snapshot, before `two` (after 90 minutes), the only step a what-if varies
    expect(log.filter((l) => l.startsWith('fork'))).toEqual(['fork at 5400']);
    expect([...main.snapshots.keys()]).toEqual(['two']);
    log.length = 0;
    const r = runWhatIf(scenario, scenario.whatIf![0]!, main);
    expect(log.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'fork at',
      'advance 3600',
      'call two',
    ]);
    expect(r.before.map((s) => s.step.id)).toEqual(['one', 'later']);
    expect(r.ok).toBe(true);
  });

  it('replays the steps before, advances, and runs the changed call', () => {
    log.length = 0;
    const r = runWhatIf(scenario, scenario.whatIf![0]!);
    expect(log[0]).toMatch(/^call one/);
    expect(log[1]).toBe('advance 5400');
    expect(log[2]).toBe('advance 3600');
    expect(r.call).toEqual({ api: 'AssumeRole', as: '$one', params: { ExternalId: 'wrong' } });
    expect(r.ok).toBe(true);
  });
});

describe('runCallIn (outcome questions)', () => {
  it('replays up to the $STEP caller, inclusive', () => {
    log.length = 0;
    runCallIn(scenario, { api: 'GetCallerIdentity', as: '$one' });
    expect(log).toHaveLength(2);
    log.length = 0;
    runCallIn(scenario, { api: 'GetCallerIdentity', as: 'user/a' });
    expect(log).toHaveLength(1);
  });
});

describe('compareExpect', () => {
  const ok: CallResult = {
    api: 'AssumeRole',
    outcome: 'success',
    response: {},
    caller: 'x',
    at: '',
    trace: [],
    view: {
      arn: 'arn:a',
      account: '111111111111',
      userId: 'U',
      expiresIn: 900,
      sourceIdentity: 'alice',
      tags: { a: '1' },
    },
  };
  const err: CallResult = {
    api: 'AssumeRole',
    outcome: 'error',
    code: 'AccessDenied',
    message: 'User: x is not authorized to perform: sts:AssumeRole',
    httpStatus: 403,
    caller: 'x',
    at: '',
    trace: [],
  };

  it('always compares the outcome', () => {
    expect(compareExpect({ outcome: 'success' }, err)).toEqual([
      { field: 'outcome', expected: 'success', actual: 'error' },
    ]);
  });
  it('matches message as a substring and code exactly', () => {
    expect(compareExpect({ outcome: 'error', code: 'AccessDenied', message: 'not authorized' }, err)).toEqual(
      [],
    );
    expect(compareExpect({ outcome: 'error', code: 'AccessDeniedException' }, err)).toHaveLength(1);
  });
  it('compares tags as a whole map and mfa as false when absent', () => {
    expect(compareExpect({ outcome: 'success', tags: { a: '1' }, mfa: false }, ok)).toEqual([]);
    expect(compareExpect({ outcome: 'success', tags: {} }, ok)).toEqual([
      { field: 'tags', expected: {}, actual: { a: '1' } },
    ]);
    expect(compareExpect({ outcome: 'success', tags: { a: '1', b: '2' } }, ok)).toHaveLength(1);
  });
  it('compares the view fields given and ignores the others', () => {
    expect(
      compareExpect(
        {
          outcome: 'success',
          arn: 'arn:a',
          account: '111111111111',
          userId: 'U',
          expiresIn: 900,
          sourceIdentity: 'alice',
        },
        ok,
      ),
    ).toEqual([]);
    expect(compareExpect({ outcome: 'success', sourceIdentity: 'bob' }, ok)).toEqual([
      { field: 'sourceIdentity', expected: 'bob', actual: 'alice' },
    ]);
  });
});
