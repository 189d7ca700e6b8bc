/**
 * One table of worlds with something wrong: the problem the engine reports for each (a code with its
 * values, asserted in test/engine/sts/world-problems.test.ts) and the words a reader sees for it
 * (asserted in test/content/problem-text.test.ts).
 */
import type { World, WorldProblem } from '../../../src/engine/index.js';
import { allow, DEV, MGMT, ORG_ID, policy, role, trusts, user, world } from './worlds.js';

export interface WorldProblemCase {
  name: string;
  world: World;
  /** The one problem the engine reports. */
  problem: WorldProblem;
  message: string;
  hint?: string;
}

/** A policy document of exactly `size` characters (white space not counted). */
function sized(size: number) {
  const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '' } };
  doc.Statement.Resource = 'x'.repeat(size - JSON.stringify(doc).length);
  return doc as unknown as ReturnType<typeof policy>;
}

/** A trust policy of exactly `size` characters: the account may assume the role, for one user name. */
function sizedTrust(size: number) {
  const names = { 'aws:username': '' };
  const doc = policy(trusts({ AWS: DEV }, 'sts:AssumeRole', { StringEquals: names }));
  names['aws:username'] = 'x'.repeat(size - JSON.stringify(doc).length);
  return doc;
}

const ic = (over: Partial<NonNullable<World['identityCenter']>>): World =>
  world({
    identityCenter: {
      account: MGMT,
      users: [{ name: 'ana' }],
      permissionSets: [{ name: 'Admin' }],
      assignments: [],
      ...over,
    },
  });

export const WORLD_PROBLEM_CASES: WorldProblemCase[] = [
  {
    name: 'a start that is not a time',
    world: world({ start: 'soon' }),
    problem: { code: 'invalid-start', start: 'soon', path: ['start'], severity: 'error' },
    message: '`soon` is not an ISO-8601 time from 1970 to 9999',
  },
  {
    name: 'a start after year 9999 (the clock could not move on)',
    world: world({ start: '+275760-09-13T00:00:00Z' }),
    problem: { code: 'invalid-start', start: '+275760-09-13T00:00:00Z', path: ['start'], severity: 'error' },
    message: '`+275760-09-13T00:00:00Z` is not an ISO-8601 time from 1970 to 9999',
  },
  {
    name: 'a start before 1970',
    world: world({ start: '1969-12-31T23:59:59Z' }),
    problem: { code: 'invalid-start', start: '1969-12-31T23:59:59Z', path: ['start'], severity: 'error' },
    message: '`1969-12-31T23:59:59Z` is not an ISO-8601 time from 1970 to 9999',
  },
  {
    name: 'an SCP on the management account',
    world: world({
      organization: {
        id: ORG_ID,
        management: MGMT,
        accounts: [DEV],
        scps: [{ name: 'NoLeave', accounts: [MGMT], policy: policy(allow('*')) }],
      },
    }),
    problem: {
      code: 'scp-management',
      scp: 'NoLeave',
      account: MGMT,
      path: ['organization', 'scps', 0, 'accounts'],
      severity: 'warning',
    },
    message: `SCP NoLeave: SCPs never apply to the management account \`${MGMT}\``,
  },
  {
    name: 'two users of one name',
    world: world({ users: [user('ana', DEV), user('ana', DEV)] }),
    problem: { code: 'duplicate-user', name: 'ana', path: ['users', 1, 'name'], severity: 'error' },
    message: 'duplicate user name `ana`',
  },
  {
    name: 'two roles of one name in an account',
    world: world({
      roles: [role('App', DEV, [trusts({ AWS: DEV })]), role('App', DEV, [trusts({ AWS: DEV })])],
    }),
    problem: { code: 'duplicate-role', name: 'App', path: ['roles', 1, 'name'], severity: 'error' },
    message: 'duplicate role name `App`',
  },
  {
    name: 'a trust policy open to everyone with no condition',
    world: world({ roles: [role('Open', DEV, [trusts({ AWS: DEV }), trusts('*')])] }),
    problem: {
      code: 'open-trust',
      policy: { kind: 'trust', role: 'Open' },
      statement: 1,
      path: ['roles', 0, 'trust', 'Statement', 1],
      severity: 'warning',
    },
    message: 'trust policy of role Open: statement 2 lets any principal assume the role and has no condition',
    hint: 'fence it, e.g. with `StringEquals: { aws:PrincipalOrgID: o-… }`',
  },
  {
    name: 'an assignment to an unknown Identity Center user',
    world: ic({ assignments: [{ user: 'bo', permissionSet: 'Admin', account: DEV }] }),
    problem: {
      code: 'unknown-sso-user',
      user: 'bo',
      path: ['identityCenter', 'assignments', 0, 'user'],
      severity: 'error',
    },
    message: 'unknown Identity Center user `bo`',
  },
  {
    name: 'an assignment of an unknown permission set',
    world: ic({ assignments: [{ user: 'ana', permissionSet: 'Admn', account: DEV }] }),
    problem: {
      code: 'unknown-permission-set',
      permissionSet: 'Admn',
      path: ['identityCenter', 'assignments', 0, 'permissionSet'],
      severity: 'error',
    },
    message: 'unknown permission set `Admn`',
  },
  {
    name: "a problem inside a permission set's boundary",
    world: ic({
      permissionSets: [{ name: 'Admin', permissionsBoundary: policy({ Effect: 'Allow', Action: 's3:*' }) }],
    }),
    problem: {
      code: 'missing-resource',
      policy: { kind: 'permission-set-boundary', permissionSet: 'Admin' },
      statement: 0,
      path: ['identityCenter', 'permissionSets', 0, 'permissionsBoundary', 'Statement', 0],
      severity: 'error',
    },
    message: 'permissions boundary of Admin: statement 1: missing `Resource`',
    hint: 'use `"Resource": "*"` for every resource',
  },
  {
    name: 'a problem at the top of a resource policy',
    world: world({
      resources: [{ arn: 'arn:aws:s3:::b', account: DEV, policy: { Version: '2012-10-17' } as never }],
    }),
    problem: {
      code: 'missing-statement',
      policy: { kind: 'resource', arn: 'arn:aws:s3:::b' },
      path: ['resources', 0, 'policy'],
      severity: 'error',
    },
    message: 'resource policy of arn:aws:s3:::b: missing `Statement`',
  },
  {
    name: 'a trust policy over the default quota',
    world: world({ roles: [{ name: 'Big', account: DEV, trust: sizedTrust(3000) }] }),
    problem: {
      code: 'policy-size',
      subject: { kind: 'trust', role: 'Big' },
      limit: 'trust-default',
      size: 3000,
      max: 2048,
      path: ['roles', 0, 'trust'],
      severity: 'warning',
    },
    message: 'role Big: the trust policy is 3,000 characters; the default quota is 2,048',
    hint: 'over the default quota: this role needs a quota increase (up to 4,096) in the real AWS',
  },
  {
    name: "a role's inline policies over their total",
    world: world({
      roles: [
        {
          name: 'R',
          account: DEV,
          trust: policy(trusts({ AWS: DEV })),
          policies: [sized(6000), sized(6000)],
        },
      ],
    }),
    problem: {
      code: 'policy-size',
      subject: { kind: 'role-policies', role: 'R' },
      limit: 'role-inline-total',
      size: 12000,
      max: 10240,
      path: ['roles', 0, 'policies'],
      severity: 'warning',
    },
    message: 'role R: its policies together is 12,000 characters; inline policies hold at most 10,240',
    hint: 'as inline policies a role holds 10,240 characters in total; in AWS attach some as managed policies (6,144 each)',
  },
  {
    name: "a user's boundary over the managed-policy size",
    world: world({ users: [user('ana', DEV, { permissionsBoundary: sized(7000) })] }),
    problem: {
      code: 'policy-size',
      subject: { kind: 'user-boundary', user: 'ana' },
      limit: 'managed',
      size: 7000,
      max: 6144,
      path: ['users', 0, 'permissionsBoundary'],
      severity: 'error',
    },
    message: 'user ana: the permissions boundary is 7,000 characters; a managed policy holds at most 6,144',
    hint: 'split it into smaller policies',
  },
  {
    name: 'an SCP over its size',
    world: world({
      organization: {
        id: ORG_ID,
        accounts: [DEV],
        scps: [{ name: 'S', accounts: [DEV], policy: sized(5200) }],
      },
    }),
    problem: {
      code: 'policy-size',
      subject: { kind: 'scp', name: 'S' },
      limit: 'scp',
      size: 5200,
      max: 5120,
      path: ['organization', 'scps', 0, 'policy'],
      severity: 'error',
    },
    message: 'SCP S is 5,200 characters; an SCP holds at most 5,120',
    hint: 'split it into smaller policies',
  },
];
