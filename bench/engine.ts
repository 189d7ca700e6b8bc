/**
 * Engine micro-benchmarks: full AssumeRole calls (with their explanation) and
 * trust-policy evaluations per second. Bundled and run by bench/run.mjs.
 */
import { createEngine } from '../src/engine/index.js';
import { evaluatePolicy } from '../src/engine/policy/evaluate.js';
import { normalizePolicy } from '../src/engine/policy/normalize.js';
import type { Call, World } from '../src/engine/types.js';

const world: World = {
  start: '2026-01-15T09:00:00Z',
  accounts: [{ id: '111111111111' }, { id: '222222222222' }],
  users: [
    {
      name: 'alice',
      account: '111111111111',
      mfa: true,
      tags: { team: 'audit' },
      policies: [
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/Auditor' },
          ],
        },
      ],
    },
  ],
  roles: [
    {
      name: 'Auditor',
      account: '222222222222',
      trust: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 'sts:AssumeRole',
            Condition: {
              StringEquals: { 'sts:ExternalId': 'audit-2026' },
              Bool: { 'aws:MultiFactorAuthPresent': 'true' },
              IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
            },
          },
        ],
      },
    },
  ],
};

const call: Call = {
  api: 'AssumeRole',
  as: 'user/alice',
  params: {
    RoleArn: 'arn:aws:iam::222222222222:role/Auditor',
    RoleSessionName: 'alice-audit',
    ExternalId: 'audit-2026',
    SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
    TokenCode: '123456',
  },
  context: { 'aws:SourceIp': '203.0.113.10' },
};

export interface Rate {
  label: string;
  perSecond: number;
  microseconds: number;
  /** CPU time per call: other work on a shared machine inflates wall time far more than this. */
  cpuMicroseconds: number;
}

function rate(label: string, fn: () => void, seconds = 1): Rate {
  for (let i = 0; i < 2000; i++) fn(); // warm up
  let n = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  let now = start;
  while (now < until) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  const perSecond = n / ((now - start) / 1000);
  return { label, perSecond, microseconds: 1e6 / perSecond, cpuMicroseconds: (used.user + used.system) / n };
}

export function runEngineBench(): Rate[] {
  const engine = createEngine(world);
  const check = engine.call(call);
  if (check.outcome !== 'success') throw new Error(`bench call failed: ${check.code} ${check.message}`);
  const { policy } = normalizePolicy(
    world.roles![0]!.trust,
    { kind: 'trust', role: world.roles![0]!.name },
    'trust',
  );
  const request = {
    principal: {
      kind: 'user' as const,
      arn: 'arn:aws:iam::111111111111:user/alice',
      account: '111111111111',
    },
    action: 'sts:AssumeRole',
    resource: 'arn:aws:iam::222222222222:role/Auditor',
    context: new Map([
      ['sts:externalid', { key: 'sts:ExternalId', values: ['audit-2026'], multi: false }],
      ['aws:multifactorauthpresent', { key: 'aws:MultiFactorAuthPresent', values: ['true'], multi: false }],
      ['aws:sourceip', { key: 'aws:SourceIp', values: ['203.0.113.10'], multi: false }],
    ]),
  };
  return [
    rate('full AssumeRole call (validation, MFA, trust + identity policy, trace, credentials)', () => {
      engine.call(call);
    }),
    rate('trust-policy evaluation with explanation (3 conditions)', () => {
      evaluatePolicy(policy, request);
    }),
    rate('createEngine over a small world', () => {
      createEngine(world);
    }),
  ];
}
