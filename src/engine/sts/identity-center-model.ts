import { normalizePolicy } from '../policy/normalize.js';
import type { World } from '../types.js';
import { hex, uniqueId } from './ids.js';
import type { WorldReader } from './world-reader.js';
import {
  roleKey,
  type IdentityCenterModel,
  type PermissionSetModel,
  type RoleModel,
  type WorldModel,
} from './world-model.js';

const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';

/**
 * Identity Center provisions, in each assigned account, a role
 * `AWSReservedSSO_<PermissionSet>_<16 hex>` under `/aws-reserved/sso.amazonaws.com/`
 * that trusts the account's `AWSSSO_<hex>_DO_NOT_DELETE` SAML provider (docs/decisions.md#identity-center).
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
export function buildIdentityCenter(
  ic: NonNullable<World['identityCenter']>,
  model: WorldModel,
  reader: WorldReader,
): IdentityCenterModel {
  const instance = hex(`instance|${ic.account}`, 16);
  const permissionSets = new Map<string, PermissionSetModel>();
  ic.permissionSets.forEach((ps, i) => {
    const permissionSet: PermissionSetModel = {
      name: ps.name,
      sessionDuration: ps.sessionDuration ?? 3600,
      policies: reader.policies(
        ps.policies,
        (index) => ({ kind: 'permission-set-policy', permissionSet: ps.name, index }),
        'identity',
        ['identityCenter', 'permissionSets', i, 'policies'],
      ),
    };
    if (ps.permissionsBoundary) {
      permissionSet.boundary = reader.policy(
        ps.permissionsBoundary,
        { kind: 'permission-set-boundary', permissionSet: ps.name },
        'boundary',
        ['identityCenter', 'permissionSets', i, 'permissionsBoundary'],
      );
    }
    permissionSets.set(ps.name, permissionSet);
  });
  const users = new Set(ic.users.map((u) => u.name));
  const assignments = new Set<string>();
  const roles = new Map<string, RoleModel>();
  ic.assignments.forEach((assignment, i) => {
    const ps = permissionSets.get(assignment.permissionSet);
    if (!users.has(assignment.user)) {
      reader.problems.push({
        code: 'unknown-sso-user',
        user: assignment.user,
        path: ['identityCenter', 'assignments', i, 'user'],
        severity: 'error',
      });
    }
    if (!ps) {
      reader.problems.push({
        code: 'unknown-permission-set',
        permissionSet: assignment.permissionSet,
        path: ['identityCenter', 'assignments', i, 'permissionSet'],
        severity: 'error',
      });
      return;
    }
    assignments.add(`${assignment.user}|${assignment.account}|${assignment.permissionSet}`);
    model.accounts.add(assignment.account);
    const key = `${assignment.account}|${assignment.permissionSet}`;
    if (roles.has(key)) return;
    const providerName = `AWSSSO_${instance}_DO_NOT_DELETE`;
    const providerArn = `arn:aws:iam::${assignment.account}:saml-provider/${providerName}`;
    model.samlProviders.set(providerArn, {
      name: providerName,
      account: assignment.account,
      arn: providerArn,
      issuer: `https://portal.sso.us-east-1.amazonaws.com/saml/assertion/${instance}`,
    });
    const name = `AWSReservedSSO_${ps.name}_${hex(`${assignment.account}|${ps.name}|${instance}`, 16)}`;
    const arn = `arn:aws:iam::${assignment.account}:role${SSO_PATH}${name}`;
    const trustDoc = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    };
    const role: RoleModel = {
      name,
      account: assignment.account,
      path: SSO_PATH,
      arn,
      uniqueId: uniqueId('AROA', arn),
      // Identity Center sets 12 h on the role and enforces the permission set's own duration.
      maxSessionDuration: 43200,
      trust: normalizePolicy(trustDoc, { kind: 'trust', role: name }, 'trust').policy,
      policies: ps.policies,
      tags: {},
      permissionSet: ps.name,
    };
    if (ps.boundary) role.boundary = ps.boundary;
    roles.set(key, role);
    model.roles.set(roleKey(assignment.account, name), role);
  });
  return { account: ic.account, users, permissionSets, assignments, roles };
}
