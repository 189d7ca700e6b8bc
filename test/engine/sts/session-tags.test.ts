// Session tags through chaining, and the trace of the tag rules: which check failed, on which key.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
import { describe, expect, it } from 'vitest';
import type { Call, CallResult, World } from '../../../src/engine/index.js';
import { allow, assume, DEV, last, policy, role, roleArn, trusts, user, world } from './worlds.js';

const ALL_STS = policy(allow('sts:*'));
const TAGGING = ['sts:AssumeRole', 'sts:TagSession'];
const w: World = world({
  users: [user('alice', DEV, { policies: [ALL_STS] })],
  roles: [
    role('A', DEV, [trusts({ AWS: DEV }, TAGGING)], { policies: [ALL_STS] }),
    role('B', DEV, [trusts({ AWS: DEV }, TAGGING)], { policies: [ALL_STS] }),
    role('Ec2', DEV, [trusts({ Service: 'ec2.amazonaws.com' }, ['sts:AssumeRole'])]),
  ],
});
const A = roleArn(DEV, 'A');
const B = roleArn(DEV, 'B');
const tagList = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const first = (tags: Record<string, string>, transitive: string[] = []): [string, Call] => [
  'a',
  assume('user/alice', A, { Tags: tagList(tags), TransitiveTagKeys: transitive }),
];
const tagCheck = (r: CallResult) => r.trace.filter((c) => c.phase === 'tags');

describe('inherited transitive tags carry their own value, whatever their position (id_session-tags.html#id_session-tags_role-chaining)', () => {
  it.each<[string, Record<string, string>, string[], Record<string, string>]>([
    ['the last of three', { cost: '42', project: 'apollo', team: 'blue' }, ['team'], { team: 'blue' }],
    ['the middle one', { cost: '42', project: 'apollo', team: 'blue' }, ['project'], { project: 'apollo' }],
    ['named in another case', { cost: '42', team: 'blue' }, ['TEAM'], { team: 'blue' }],
    ['two, listed in reverse', { cost: '42', team: 'blue' }, ['team', 'cost'], { cost: '42', team: 'blue' }],
  ])('%s', (_n, tags, transitive, inherited) => {
    const r = last(w, [first(tags, transitive), assume('$a', B)]);
    expect(r.outcome).toBe('success');
    expect(r.view?.tags).toEqual(inherited);
  });

  it('tags passed on the next hop join the inherited ones', () => {
    const r = last(w, [
      first({ cost: '42', team: 'blue' }, ['team']),
      assume('$a', B, { Tags: tagList({ env: 'dev' }) }),
    ]);
    expect(r.view?.tags).toEqual({ team: 'blue', env: 'dev' });
  });

  it('a tag that was not transitive may be set again on the next hop', () => {
    const r = last(w, [
      first({ cost: '42', team: 'blue' }, ['team']),
      assume('$a', B, { Tags: tagList({ cost: '7' }) }),
    ]);
    expect(r.outcome).toBe('success');
    expect(r.view?.tags).toEqual({ team: 'blue', cost: '7' });
  });
});

describe('each failing tag rule names its check and the offending key (docs/decisions.md#error-messages)', () => {
  it.each<[string, ([string, Call] | Call)[], string, string]>([
    [
      'duplicate keys, ignoring case',
      [
        assume('user/alice', A, {
          Tags: [
            { Key: 'Team', Value: 'a' },
            { Key: 'team', Value: 'b' },
          ],
        }),
      ],
      'tags.unique',
      'team',
    ],
    [
      'a transitive key that is not a tag',
      [first({ team: 'blue' }, ['team', 'project'])],
      'tags.transitive',
      'project',
    ],
    [
      'a tag overriding an inherited transitive tag',
      [first({ team: 'blue' }, ['team']), assume('$a', B, { Tags: tagList({ env: 'dev', TEAM: 'red' }) })],
      'tags.inherited',
      'TEAM',
    ],
  ])('%s', (_n, steps, id, key) => {
    const r = last(w, steps);
    expect(r).toMatchObject({ outcome: 'error', code: 'InvalidParameterValue' });
    const failed = r.trace.filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual([id]);
    expect(failed[0]?.phase).toBe('tags');
    expect(failed[0]?.values).toEqual({ key });
  });
});

describe('a passing tag check lists the tags it accepted', () => {
  it('passed tags and transitive keys', () => {
    const r = last(w, [first({ cost: '42', team: 'blue' }, ['team'])]);
    const [check] = tagCheck(r);
    expect(check).toMatchObject({ id: 'tags.rules', ok: true });
    expect(check?.values).toEqual({
      passed: { cost: '42', team: 'blue' },
      transitive: ['team'],
      inherited: {},
    });
  });
  it('only inherited tags', () => {
    const r = last(w, [first({ cost: '42', team: 'blue' }, ['team']), assume('$a', B)]);
    const [check] = tagCheck(r);
    expect(check).toMatchObject({ id: 'tags.rules', ok: true });
    expect(check?.values).toEqual({ passed: {}, transitive: [], inherited: { team: 'blue' } });
  });
  it.each<[string, ([string, Call] | Call)[]]>([
    ['no tags at all', [assume('user/alice', A)]],
    ['a parent whose tags were not transitive', [first({ cost: '42' }), assume('$a', B)]],
    // a service has no calling session, so nothing to inherit
    ['a service assuming its role', [assume('service/ec2.amazonaws.com', roleArn(DEV, 'Ec2'))]],
  ])('no tag check when there are no tags: %s', (_n, steps) => {
    const r = last(w, steps);
    expect(r.outcome).toBe('success');
    expect(tagCheck(r)).toEqual([]);
  });
});

describe('a tag key named __proto__ is a tag like any other (it fits AWS key pattern)', () => {
  const guarded: World = world({
    users: [user('alice', DEV, { policies: [ALL_STS] })],
    roles: [
      role(
        'G',
        DEV,
        [
          trusts({ AWS: DEV }, TAGGING),
          {
            Effect: 'Deny',
            Principal: { AWS: DEV },
            Action: 'sts:TagSession',
            Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': '__*' } },
          },
        ],
        { policies: [ALL_STS] },
      ),
    ],
  });
  const G = roleArn(DEV, 'G');
  const protoTag = [{ Key: '__proto__', Value: 'v' }];

  it('a trust policy deny on aws:TagKeys sees it', () => {
    // Given a deny on tag keys starting __, When __proto__ is passed, Then the call is denied as for __x
    const r = last(guarded, [assume('user/alice', G, { Tags: protoTag })]);
    expect(r.outcome).toBe('error');
    expect(r.code).toBe('AccessDenied');
    expect(last(guarded, [assume('user/alice', G, { Tags: [{ Key: '__x', Value: 'v' }] })]).code).toBe(
      'AccessDenied',
    );
  });

  it('the session carries it, and a chained session inherits it when transitive', () => {
    const r = last(w, [
      ['a', assume('user/alice', A, { Tags: protoTag, TransitiveTagKeys: ['__proto__'] })],
      assume('$a', B),
    ]);
    expect(r.outcome).toBe('success');
    expect(Object.entries(r.view?.tags ?? {})).toStrictEqual([['__proto__', 'v']]);
  });
});
