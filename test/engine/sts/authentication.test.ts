// Authentication: who signed the request, and whether those credentials are still valid.
// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.js';
import type { Call } from '../../../src/engine/index.js';
import { assume, basicWorld, brief, DEV, last, roleArn, START, whoami } from './worlds.js';

const APP = roleArn(DEV, 'App');
const EXPIRED = {
  outcome: 'error',
  code: 'ExpiredToken',
  message: 'The security token included in the request is expired',
};

describe('unsigned requests: only AssumeRoleWithSAML and AssumeRoleWithWebIdentity (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html', () => {
  it.each<[string, Call]>([
    ['AssumeRole', assume('anonymous', APP)],
    ['GetCallerIdentity', whoami('anonymous')],
    ['GetSessionToken', { api: 'GetSessionToken', as: 'anonymous' }],
    ['GetFederationToken', { api: 'GetFederationToken', as: 'anonymous', params: { Name: 'bob' } }],
  ])('an unsigned %s is refused with MissingAuthenticationToken', (_api, call) => {
    const r = last(basicWorld(), [call]);
    expect(r).toMatchObject({
      outcome: 'error',
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
      httpStatus: 403,
    });
  });

  it.each<[string, Call]>([
    ['AssumeRoleWithSAML', { api: 'AssumeRoleWithSAML', as: 'anonymous', params: {} }],
    ['AssumeRoleWithWebIdentity', { api: 'AssumeRoleWithWebIdentity', as: 'anonymous', params: {} }],
  ])('an unsigned %s passes authentication (and then fails on its parameters)', (_api, call) => {
    const r = last(basicWorld(), [call]);
    expect(r.code).toBe('ValidationError');
    expect(r.trace[0]).toMatchObject({ id: 'auth.caller', ok: true });
  });
});

describe('unknown credentials give InvalidClientTokenId (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html', () => {
  const INVALID = {
    outcome: 'error',
    code: 'InvalidClientTokenId',
    message: 'The security token included in the request is invalid.',
  };
  it.each<[string, ([string, Call] | Call)[]]>([
    ['a user who does not exist', [whoami('user/nobody')]],
    ['a step that never ran', [whoami('$never')]],
    // bob has no identity policy, so his AssumeRole step `failed` minted nothing
    ['a step that failed', [['failed', assume('user/bob', APP)], whoami('$failed')]],
  ])('%s', (_n, steps) => {
    const r = last(basicWorld(), steps);
    expect(brief(r)).toEqual(INVALID);
    expect(r.httpStatus).toBe(403);
  });

  it('negative: a step that succeeded signs fine', () => {
    const r = last(basicWorld(), [['ok', assume('user/alice', APP)], whoami('$ok')]);
    expect(r.outcome).toBe('success');
  });
});

describe('engine.forget drops what one call left behind (a long-running server bounds its memory)', () => {
  it('a forgotten step signs as one that minted nothing; the others still sign', () => {
    const e = createEngine(basicWorld());
    e.call(assume('user/alice', APP), { id: 'a' });
    e.call(assume('user/alice', APP), { id: 'b' });
    e.forget('a');
    const r = e.call(whoami('$a'));
    expect(brief(r)).toEqual({
      outcome: 'error',
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    expect(r.trace[0]).toMatchObject({
      id: 'auth.caller',
      ok: false,
      values: { case: 'unknown-key', as: '$a' },
    });
    expect(e.call(whoami('$b')).outcome).toBe('success');
  });

  it('a fork keeps what the engine forgot after the fork', () => {
    const e = createEngine(basicWorld());
    e.call(assume('user/alice', APP), { id: 'a' });
    const before = e.fork();
    e.forget('a');
    expect(before.call(whoami('$a')).outcome).toBe('success');
    expect(e.call(whoami('$a')).outcome).toBe('error');
  });
});

describe('expired credentials give ExpiredToken with no trailing period (docs/decisions.md#error-messages) — https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html', () => {
  it.each([
    // [seconds advanced after a 1-hour session, outcome]
    [3599, 'success'],
    [3600, 'error'],
    [7200, 'error'],
  ])('after %i s a 1-hour session is %s for GetCallerIdentity', (secs, outcome) => {
    // Given alice's 1-hour role session
    const engine = createEngine(basicWorld());
    expect(engine.call(assume('user/alice', APP), { id: 's' }).outcome).toBe('success');
    // When the clock moves and the session calls GetCallerIdentity
    engine.advance(secs);
    const r = engine.call(whoami('$s'));
    // Then it still works until the expiration instant, and fails with ExpiredToken from then on
    expect(r.outcome).toBe(outcome);
    if (outcome === 'error') expect(brief(r)).toEqual(EXPIRED);
  });

  it.each<[string, (id: string) => Call]>([
    ['AssumeRole (chaining)', (id) => assume(id, APP)],
    ['Request', (id) => ({ api: 'Request', as: id, action: 's3:ListBucket', resource: 'arn:aws:s3:::b' })],
  ])('expired credentials are refused for %s too', (_n, make) => {
    const engine = createEngine(basicWorld());
    engine.call(assume('user/alice', APP), { id: 's' });
    engine.advance(4000);
    const r = engine.call(make('$s'));
    expect(brief(r)).toEqual(EXPIRED);
    expect(r.httpStatus).toBe(403);
  });

  it('negative: long-term keys never expire', () => {
    const engine = createEngine(basicWorld());
    engine.advance(10 * 365 * 86400);
    expect(engine.call(whoami('user/alice')).outcome).toBe('success');
  });
});

describe('the simulated clock: advance moves now(), nothing else does', () => {
  it('starts at world.start and moves by whole seconds', () => {
    const engine = createEngine(basicWorld());
    expect(engine.now()).toBe(START);
    engine.call(whoami('user/alice'));
    expect(engine.now()).toBe(START);
    engine.advance(90);
    expect(engine.now()).toBe('2026-01-15T09:01:30.000Z');
  });

  it.each([[0], [-60], [Number.NaN]])('negative: advance(%s) leaves the clock alone', (secs) => {
    const engine = createEngine(basicWorld());
    engine.advance(secs);
    expect(engine.now()).toBe(START);
  });

  it('each result records the simulated time of its call', () => {
    const engine = createEngine(basicWorld());
    engine.advance(60);
    expect(engine.call(whoami('user/alice')).at).toBe('2026-01-15T09:01:00.000Z');
  });
});
