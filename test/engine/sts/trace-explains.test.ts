// The trace is the explanation a learner reads: a denial must name the check that decided it, the
// values it compared and the statement that applied, and an allowed call must not name a Deny.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/engine/index.js';
import { stepNote } from '../../../src/learn/authorize-notes.js';
import { checkText } from '../../../src/learn/check-text.js';
import { allow, assume, deny, DEV, last, policy, req, role, roleArn, trusts, user, world } from './worlds.js';

const OBJECT = 'arn:aws:s3:::b/k';
const officeOnly = world({
  users: [
    user('alice', DEV, {
      policies: [
        policy(
          allow('s3:*', '*', { Sid: 'All' }),
          deny('s3:GetObject', '*', {
            Sid: 'OfficeOnly',
            Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
          }),
        ),
      ],
    }),
  ],
});
const fromIp = (ip: string) =>
  last(officeOnly, [req('user/alice', 's3:GetObject', OBJECT, { 'aws:SourceIp': ip })]);

/** The checks that failed: id and values. */
const failed = (r: CallResult) => r.trace.filter((c) => !c.ok).map(({ id, values }) => ({ id, values }));
const authz = (r: CallResult, action: string) => r.trace.find((c) => c.id === `authorize.${action}`)!;

describe('an explicit Deny names its policy, statement, condition and the request value', () => {
  it('outside the office range: the NotIpAddress Deny decides', () => {
    const r = fromIp('198.51.100.7');
    expect(r.code).toBe('AccessDenied');
    expect(failed(r).map((c) => c.id)).toEqual(['authorize.s3:GetObject']);
    const { decision } = authz(r, 's3:GetObject');
    const [step] = decision?.steps ?? [];
    expect(step).toEqual({
      gate: 'identity',
      outcome: 'fail',
      code: 'explicit-deny',
      policy: { kind: 'user-policy', user: 'alice', index: 0 },
      statement: { index: 1, sid: 'OfficeOnly' },
    });
    expect(step && stepNote(step)).toBe(
      'explicit Deny in `user alice policy 1` statement 2 (OfficeOnly): a Deny always wins',
    );
    expect(decision).toMatchObject({ decision: 'ExplicitlyDenied', reason: 'explicit-deny' });
    expect(decision?.deniedBy?.ref).toEqual({ kind: 'user-policy', user: 'alice', index: 0 });
    expect(decision?.deniedBy?.statements.map((s) => [s.sid, s.effect, s.matched])).toEqual([
      ['All', 'Allow', true],
      ['OfficeOnly', 'Deny', true],
    ]);
    expect(decision?.deniedBy?.statements[1]?.conditions).toEqual([
      {
        operator: 'NotIpAddress',
        key: 'aws:SourceIp',
        policyValues: ['203.0.113.0/24', '2001:db8::/32'],
        requestValues: ['198.51.100.7'],
        matched: true,
        absent: false,
        perValue: [
          { value: '203.0.113.0/24', matched: false },
          { value: '2001:db8::/32', matched: false },
        ],
      },
    ]);
  });

  it.each(['203.0.113.7', '2001:db8::1'])(
    'inside the office range (%s): allowed by All, the Deny did not apply',
    (ip) => {
      const r = fromIp(ip);
      expect(r.outcome).toBe('success');
      expect(failed(r)).toEqual([]);
      const [evaluation] = authz(r, 's3:GetObject').decision!.evaluations;
      expect(evaluation).toMatchObject({ result: 'Allow', matchedAllow: { sid: 'All', index: 0 } });
      expect(evaluation?.statements[1]).toMatchObject({
        sid: 'OfficeOnly',
        matched: false,
        conditions: [{ key: 'aws:SourceIp', requestValues: [ip], matched: false }],
      });
    },
  );
});

describe('a trust policy condition that fails names the statement and both values', () => {
  const APP = roleArn(DEV, 'App');
  const w = world({
    users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
    roles: [
      role('App', DEV, [
        {
          ...trusts({ AWS: DEV }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'id-1' } }),
          Sid: 'Partner',
        },
      ]),
    ],
  });

  it.each([
    ['wrong-id', 'error'],
    ['id-1', 'success'],
  ])('ExternalId %s → %s', (externalId, outcome) => {
    const r = last(w, [assume('user/alice', APP, { ExternalId: externalId })]);
    expect(r.outcome).toBe(outcome);
    const trust = authz(r, 'sts:AssumeRole').decision!.evaluations.find((e) => e.kind === 'trust')!;
    expect(trust.statements).toHaveLength(1);
    expect(trust.statements[0]).toMatchObject({
      sid: 'Partner',
      matched: outcome === 'success',
      principal: { matched: true, via: 'account', value: DEV }, // the entry as written
      conditions: [
        {
          operator: 'StringEquals',
          key: 'sts:ExternalId',
          policyValues: ['id-1'],
          requestValues: [externalId],
          matched: outcome === 'success',
        },
      ],
    });
    expect(failed(r).map((c) => c.id)).toEqual(outcome === 'success' ? [] : ['authorize.sts:AssumeRole']);
  });
});

describe('a duration failure names the requested and the allowed seconds', () => {
  it.each([
    [7200, 3600, 'requested 7200 s; role App allows at most 3600 s'],
    [3601, 3600, 'requested 3601 s; role App allows at most 3600 s'],
  ])('DurationSeconds %i against MaxSessionDuration %i', (requested, max, detail) => {
    const w = world({
      users: [user('alice', DEV, { policies: [policy(allow('sts:AssumeRole'))] })],
      roles: [{ ...role('App', DEV, [trusts({ AWS: DEV })]), maxSessionDuration: max }],
    });
    const r = last(w, [assume('user/alice', roleArn(DEV, 'App'), { DurationSeconds: requested })]);
    expect(failed(r)).toEqual([
      {
        id: 'duration.limit',
        values: { rule: 'role', requested, seconds: requested, role: 'App', maximum: max, chaining: false },
      },
    ]);
    // and in the learner's words
    const check = r.trace.find((c) => !c.ok);
    expect(check && checkText(check).detail).toBe(detail);
  });
});
