/**
 * The world's IAM users and roles: ARNs and unique ids derived from name, path and account, their
 * policies parsed, duplicates and unfenced `*` trust principals reported.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
import type { World, WorldProblem } from '../types.js';
import { accessKeyId, uniqueId } from './ids.js';
import type { WorldPath, WorldReader } from './world-reader.js';
import { roleKey, type RoleModel, type UserModel } from './world-model.js';

/** `/` or `/a/b/`: a path always starts and ends with a slash. */
function normalizePath(path: string | undefined): string {
  if (!path) return '/';
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return rooted.endsWith('/') ? rooted : `${rooted}/`;
}

export function readUsers(world: World, reader: WorldReader) {
  const users = new Map<string, UserModel>();
  const usersByArn = new Map<string, UserModel>();
  (world.users ?? []).forEach((user, i) => {
    reader.accounts.add(user.account);
    const path = normalizePath(user.path);
    const arn = `arn:aws:iam::${user.account}:user${path}${user.name}`;
    const mfa = user.mfa === true || typeof user.mfa === 'object';
    const model: UserModel = {
      name: user.name,
      account: user.account,
      path,
      arn,
      uniqueId: uniqueId('AIDA', arn),
      accessKeyId: accessKeyId('AKIA', arn),
      tags: user.tags ?? {},
      policies: reader.policies(
        user.policies,
        (index) => ({ kind: 'user-policy', user: user.name, index }),
        'identity',
        ['users', i, 'policies'],
      ),
      ...(mfa
        ? {
            mfaSerial: `arn:aws:iam::${user.account}:mfa/${user.name}`,
            mfaCode: (typeof user.mfa === 'object' && user.mfa.code) || '123456',
          }
        : {}),
    };
    if (user.permissionsBoundary) {
      model.boundary = reader.policy(
        user.permissionsBoundary,
        { kind: 'user-boundary', user: user.name },
        'boundary',
        ['users', i, 'permissionsBoundary'],
      );
    }
    if (users.has(user.name)) {
      reader.problems.push({
        code: 'duplicate-user',
        name: user.name,
        path: ['users', i, 'name'],
        severity: 'error',
      });
    }
    users.set(user.name, model);
    usersByArn.set(arn, model);
  });

  return { users, usersByArn };
}

export function readRoles(world: World, reader: WorldReader): Map<string, RoleModel> {
  const roles = new Map<string, RoleModel>();
  (world.roles ?? []).forEach((role, i) => {
    reader.accounts.add(role.account);
    const path = normalizePath(role.path);
    const arn = `arn:aws:iam::${role.account}:role${path}${role.name}`;
    const model: RoleModel = {
      name: role.name,
      account: role.account,
      path,
      arn,
      uniqueId: uniqueId('AROA', arn),
      maxSessionDuration: role.maxSessionDuration ?? 3600,
      trust: reader.policy(role.trust, { kind: 'trust', role: role.name }, 'trust', ['roles', i, 'trust']),
      policies: reader.policies(
        role.policies,
        (index) => ({ kind: 'role-policy', role: role.name, index }),
        'identity',
        ['roles', i, 'policies'],
      ),
      tags: role.tags ?? {},
    };
    if (role.permissionsBoundary) {
      model.boundary = reader.policy(
        role.permissionsBoundary,
        { kind: 'role-boundary', role: role.name },
        'boundary',
        ['roles', i, 'permissionsBoundary'],
      );
    }
    if (roles.has(roleKey(role.account, role.name))) {
      reader.problems.push({
        code: 'duplicate-role',
        name: role.name,
        path: ['roles', i, 'name'],
        severity: 'error',
      });
    }
    roles.set(roleKey(role.account, role.name), model);
    warnOpenTrust(model, ['roles', i, 'trust'], reader.problems);
  });

  return roles;
}

/** docs/decisions.md#wildcard-trust-principal: a `*` trust principal is valid, but `validate` warns when no condition fences it. */
function warnOpenTrust(role: RoleModel, path: WorldPath, problems: WorldProblem[]): void {
  for (const st of role.trust.statements) {
    if (st.effect !== 'Allow' || !st.principal || st.principal.not) continue;
    const open = st.principal.entries.some((e) => e.type === 'AWS' && e.value === '*');
    if (open && st.conditions.length === 0) {
      problems.push({
        code: 'open-trust',
        policy: role.trust.ref,
        statement: st.index,
        path: [...path, 'Statement', st.index],
        severity: 'warning',
      });
    }
  }
}
