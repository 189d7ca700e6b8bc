// GetSessionToken and GetFederationToken durations: 900–129600 s, default 12 h for IAM users; the root
// user gets 1 h by default and is silently capped at 1 h, but keeps anything shorter (900 s stays 900).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/engine/index.js';
import { allow, DEV, last, policy, user, world } from './worlds.js';

const w = world({ users: [user('alice', DEV, { policies: [policy(allow('*'))] })] });
const call = (api: string, as: string, seconds?: number): Call =>
  ({
    api,
    as,
    params: {
      ...(api === 'GetFederationToken' && { Name: 'fed' }),
      ...(seconds !== undefined && { DurationSeconds: seconds }),
    },
  }) as Call;

// [caller, requested, granted, the duration check's id]
const rows: [string, number | undefined, number, string][] = [
  [`root/${DEV}`, undefined, 3600, 'duration.limit'],
  [`root/${DEV}`, 900, 900, 'duration.limit'],
  [`root/${DEV}`, 3599, 3599, 'duration.limit'],
  [`root/${DEV}`, 3600, 3600, 'duration.limit'],
  [`root/${DEV}`, 3601, 3600, 'duration.root'],
  [`root/${DEV}`, 129600, 3600, 'duration.root'],
  ['user/alice', undefined, 43200, 'duration.limit'],
  ['user/alice', 900, 900, 'duration.limit'],
  ['user/alice', 3601, 3601, 'duration.limit'],
  ['user/alice', 129600, 129600, 'duration.limit'],
];

describe.each(['GetSessionToken', 'GetFederationToken'])('%s durations', (api) => {
  it.each(rows)('%s asking %s s gets %i s (%s)', (as, requested, granted, id) => {
    const r = last(w, [call(api, as, requested)]);
    expect(r.outcome).toBe('success');
    expect(r.view?.expiresIn).toBe(granted);
    const check = r.trace.find((c) => c.phase === 'duration');
    expect(check).toMatchObject({ id, ok: true, ref: expect.stringContaining('.html') });
    expect(r.trace.filter((c) => c.phase === 'duration')).toHaveLength(1);
    // the values the learner reads: what was asked for and (when capped) what was granted
    if (id === 'duration.root') {
      expect(check?.info).toBe(true);
      expect(check?.values).toStrictEqual({ requested, maximum: 3600 });
    } else {
      expect(check?.info).toBeUndefined();
      const asked = requested === undefined ? {} : { requested };
      expect(check?.values).toStrictEqual({ rule: 'token', ...asked, seconds: granted });
    }
    // and the caller check before it names the long-term identity that signed
    expect(r.trace.find((c) => c.id === 'caller.long-term')).toMatchObject({
      ok: true,
      phase: 'caller',
      values: {
        caller: as === 'user/alice' ? `arn:aws:iam::${DEV}:user/alice` : `arn:aws:iam::${DEV}:root`,
        temporary: false,
      },
    });
  });
});
