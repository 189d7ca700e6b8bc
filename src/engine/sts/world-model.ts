/**
 * The world, normalised once when the engine is built: ARNs and unique ids
 * derived, every policy parsed into its evaluable form, problems collected as
 * data (never thrown).
 */
import { normalizePolicy } from '../policy/normalize.js';
import { policySizeProblems } from '../policy/size.js';
import type { NormalizedPolicy, PolicyKind } from '../policy/types.js';
import type { World, WorldProblem } from '../types.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { accessKeyId, hex, uniqueId } from './ids.js';

export interface UserModel {
  name: string;
  account: string;
  path: string;
  arn: string;
  uniqueId: string;
  accessKeyId: string;
  /** Virtual MFA device ARN, when the user has one. */
  mfaSerial?: string;
  mfaCode?: string;
  tags: Record<string, string>;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
}

export interface RoleModel {
  name: string;
  account: string;
  path: string;
  arn: string;
  uniqueId: string;
  maxSessionDuration: number;
  trust: NormalizedPolicy;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
  tags: Record<string, string>;
  /** Set for the AWSReservedSSO_* roles Identity Center provisions. */
  permissionSet?: string;
}

export interface SamlProviderModel {
  name: string;
  account: string;
  arn: string;
  issuer: string;
}

export interface OidcProviderModel {
  url: string;
  /** The URL without `https://` — the provider ARN's suffix and the condition-key prefix. */
  host: string;
  account: string;
  arn: string;
  audiences: string[];
}

export interface PermissionSetModel {
  name: string;
  sessionDuration: number;
  policies: NormalizedPolicy[];
  boundary?: NormalizedPolicy;
}

export interface IdentityCenterModel {
  account: string;
  users: Set<string>;
  permissionSets: Map<string, PermissionSetModel>;
  /** `user|account|permissionSet` */
  assignments: Set<string>;
  /** Provisioned role per `account|permissionSet`. */
  roles: Map<string, RoleModel>;
}

export interface ResourceModel {
  arn: string;
  account?: string;
  policy?: NormalizedPolicy;
  tags: Record<string, string>;
}

export interface WorldModel {
  start: number;
  accounts: Set<string>;
  orgId?: string;
  orgAccounts: Set<string>;
  management?: string;
  /** Extra SCPs per member account (FullAWSAccess is implicit). */
  scps: Map<string, NormalizedPolicy[]>;
  users: Map<string, UserModel>;
  usersByArn: Map<string, UserModel>;
  /** Keyed by `account|name`. */
  roles: Map<string, RoleModel>;
  managedPolicies: Map<string, NormalizedPolicy>;
  samlProviders: Map<string, SamlProviderModel>;
  oidcProviders: OidcProviderModel[];
  identityCenter?: IdentityCenterModel;
  resources: Map<string, ResourceModel>;
  /** Per-account STS Region settings (regions.ts). */
  regionSettings: Map<string, AccountRegionSettings>;
  problems: WorldProblem[];
}

export interface AccountRegionSettings {
  stsDisabled: Set<string>;
  tokenVersion: 'v1Token' | 'v2Token';
}

export const DEFAULT_START = '2026-01-01T00:00:00Z';
const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';

function normalizePath(path: string | undefined): string {
  if (!path) return '/';
  let p = path.startsWith('/') ? path : `/${path}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

export function roleKey(account: string, name: string): string {
  return `${account}|${name}`;
}

export function buildWorld(world: World): WorldModel {
  const problems: WorldProblem[] = [];
  const policy = (
    doc: unknown,
    label: string,
    kind: PolicyKind,
    path: (string | number)[],
  ): NormalizedPolicy => {
    const { policy: p, problems: found } = normalizePolicy(doc, label, kind);
    for (const pr of found) {
      problems.push({
        path: [...path, ...pr.path],
        message: `${label}: ${pr.message}`,
        hint: pr.hint,
        severity: 'error',
      });
    }
    return p;
  };
  const policies = (
    docs: unknown[] | undefined,
    label: string,
    kind: PolicyKind,
    path: (string | number)[],
  ) => (docs ?? []).map((d, i) => policy(d, `${label} policy ${i + 1}`, kind, [...path, i]));

  const start = Date.parse(world.start ?? DEFAULT_START);
  if (Number.isNaN(start)) {
    problems.push({
      path: ['start'],
      message: `\`${world.start}\` is not an ISO-8601 time`,
      severity: 'error',
    });
  }

  const accounts = new Set<string>((world.accounts ?? []).map((a) => a.id));
  const org = world.organization;
  const orgAccounts = new Set<string>(
    org ? [...org.accounts, ...(org.management ? [org.management] : [])] : [],
  );
  for (const a of orgAccounts) accounts.add(a);

  // SCPs apply to member accounts only, never the management account.
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  const scps = new Map<string, NormalizedPolicy[]>();
  (org?.scps ?? []).forEach((scp, i) => {
    const p = policy(scp.policy, `SCP ${scp.name}`, 'scp', ['organization', 'scps', i, 'policy']);
    for (const acct of scp.accounts) {
      if (acct === org?.management) {
        problems.push({
          path: ['organization', 'scps', i, 'accounts'],
          message: `SCP ${scp.name}: SCPs never apply to the management account \`${acct}\``,
          severity: 'warning',
        });
        continue;
      }
      scps.set(acct, [...(scps.get(acct) ?? []), p]);
    }
  });

  const users = new Map<string, UserModel>();
  const usersByArn = new Map<string, UserModel>();
  (world.users ?? []).forEach((u, i) => {
    accounts.add(u.account);
    const path = normalizePath(u.path);
    const arn = `arn:aws:iam::${u.account}:user${path}${u.name}`;
    const mfa = u.mfa === true || typeof u.mfa === 'object';
    const model: UserModel = {
      name: u.name,
      account: u.account,
      path,
      arn,
      uniqueId: uniqueId('AIDA', arn),
      accessKeyId: accessKeyId('AKIA', arn),
      tags: u.tags ?? {},
      policies: policies(u.policies, `user ${u.name}`, 'identity', ['users', i, 'policies']),
      ...(mfa
        ? {
            mfaSerial: `arn:aws:iam::${u.account}:mfa/${u.name}`,
            mfaCode: (typeof u.mfa === 'object' && u.mfa.code) || '123456',
          }
        : {}),
    };
    if (u.permissionsBoundary) {
      model.boundary = policy(u.permissionsBoundary, `permissions boundary of user ${u.name}`, 'boundary', [
        'users',
        i,
        'permissionsBoundary',
      ]);
    }
    if (users.has(u.name)) {
      problems.push({
        path: ['users', i, 'name'],
        message: `duplicate user name \`${u.name}\``,
        severity: 'error',
      });
    }
    users.set(u.name, model);
    usersByArn.set(arn, model);
  });

  const roles = new Map<string, RoleModel>();
  (world.roles ?? []).forEach((r, i) => {
    accounts.add(r.account);
    const path = normalizePath(r.path);
    const arn = `arn:aws:iam::${r.account}:role${path}${r.name}`;
    const model: RoleModel = {
      name: r.name,
      account: r.account,
      path,
      arn,
      uniqueId: uniqueId('AROA', arn),
      maxSessionDuration: r.maxSessionDuration ?? 3600,
      trust: policy(r.trust, `trust policy of role ${r.name}`, 'trust', ['roles', i, 'trust']),
      policies: policies(r.policies, `role ${r.name}`, 'identity', ['roles', i, 'policies']),
      tags: r.tags ?? {},
    };
    if (r.permissionsBoundary) {
      model.boundary = policy(r.permissionsBoundary, `permissions boundary of role ${r.name}`, 'boundary', [
        'roles',
        i,
        'permissionsBoundary',
      ]);
    }
    if (roles.has(roleKey(r.account, r.name))) {
      problems.push({
        path: ['roles', i, 'name'],
        message: `duplicate role name \`${r.name}\``,
        severity: 'error',
      });
    }
    roles.set(roleKey(r.account, r.name), model);
    warnOpenTrust(model, ['roles', i, 'trust'], problems);
  });

  const managedPolicies = new Map<string, NormalizedPolicy>();
  for (const [name, docu] of Object.entries(AWS_MANAGED_POLICIES)) {
    managedPolicies.set(
      `arn:aws:iam::aws:policy/${name}`,
      normalizePolicy(docu, `AWS managed policy ${name}`, 'session').policy,
    );
  }
  (world.managedPolicies ?? []).forEach((m, i) => {
    const arn = `arn:aws:iam::${m.account}:policy/${m.name}`;
    managedPolicies.set(
      arn,
      policy(m.policy, `managed policy ${m.name}`, 'session', ['managedPolicies', i, 'policy']),
    );
  });

  const samlProviders = new Map<string, SamlProviderModel>();
  for (const p of world.samlProviders ?? []) {
    accounts.add(p.account);
    const arn = `arn:aws:iam::${p.account}:saml-provider/${p.name}`;
    samlProviders.set(arn, { name: p.name, account: p.account, arn, issuer: p.issuer });
  }

  const oidcProviders: OidcProviderModel[] = (world.oidcProviders ?? []).map((p) => {
    accounts.add(p.account);
    const host = p.url.replace(/^https:\/\//, '');
    return {
      url: p.url,
      host,
      account: p.account,
      arn: `arn:aws:iam::${p.account}:oidc-provider/${host}`,
      audiences: p.audiences,
    };
  });

  const resources = new Map<string, ResourceModel>();
  (world.resources ?? []).forEach((r, i) => {
    const model: ResourceModel = { arn: r.arn, tags: r.tags ?? {} };
    const acct = r.account ?? r.arn.split(':')[4];
    if (acct) model.account = acct;
    if (r.policy)
      model.policy = policy(r.policy, `resource policy of ${r.arn}`, 'resource', ['resources', i, 'policy']);
    resources.set(r.arn, model);
  });

  problems.push(...policySizeProblems(world));
  const regionSettings = new Map<string, AccountRegionSettings>();
  for (const a of world.accounts ?? []) {
    regionSettings.set(a.id, {
      stsDisabled: new Set(a.stsDisabledRegions ?? []),
      tokenVersion: a.globalEndpointTokenVersion ?? 'v1Token',
    });
  }

  const model: WorldModel = {
    regionSettings,
    start: Number.isNaN(start) ? Date.parse(DEFAULT_START) : start,
    accounts,
    orgAccounts,
    scps,
    users,
    usersByArn,
    roles,
    managedPolicies,
    samlProviders,
    oidcProviders,
    resources,
    problems,
  };
  if (org) model.orgId = org.id;
  if (org?.management) model.management = org.management;
  if (world.identityCenter) {
    model.identityCenter = buildIdentityCenter(world.identityCenter, model, policies, policy, problems);
  }
  return model;
}

type PoliciesFn = (
  docs: unknown[] | undefined,
  label: string,
  kind: PolicyKind,
  path: (string | number)[],
) => NormalizedPolicy[];
type PolicyFn = (
  doc: unknown,
  label: string,
  kind: PolicyKind,
  path: (string | number)[],
) => NormalizedPolicy;

/**
 * Identity Center provisions, in each assigned account, a role
 * `AWSReservedSSO_<PermissionSet>_<16 hex>` under `/aws-reserved/sso.amazonaws.com/`
 * that trusts the account's `AWSSSO_<hex>_DO_NOT_DELETE` SAML provider (docs/decisions.md#identity-center).
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
function buildIdentityCenter(
  ic: NonNullable<World['identityCenter']>,
  model: WorldModel,
  policies: PoliciesFn,
  policy: PolicyFn,
  problems: WorldProblem[],
): IdentityCenterModel {
  const instance = hex(`instance|${ic.account}`, 16);
  const permissionSets = new Map<string, PermissionSetModel>();
  ic.permissionSets.forEach((ps, i) => {
    const m: PermissionSetModel = {
      name: ps.name,
      sessionDuration: ps.sessionDuration ?? 3600,
      policies: policies(ps.policies, `permission set ${ps.name}`, 'identity', [
        'identityCenter',
        'permissionSets',
        i,
        'policies',
      ]),
    };
    if (ps.permissionsBoundary) {
      m.boundary = policy(ps.permissionsBoundary, `permissions boundary of ${ps.name}`, 'boundary', [
        'identityCenter',
        'permissionSets',
        i,
        'permissionsBoundary',
      ]);
    }
    permissionSets.set(ps.name, m);
  });
  const users = new Set(ic.users.map((u) => u.name));
  const assignments = new Set<string>();
  const roles = new Map<string, RoleModel>();
  ic.assignments.forEach((a, i) => {
    const ps = permissionSets.get(a.permissionSet);
    if (!users.has(a.user)) {
      problems.push({
        path: ['identityCenter', 'assignments', i, 'user'],
        message: `unknown Identity Center user \`${a.user}\``,
        severity: 'error',
      });
    }
    if (!ps) {
      problems.push({
        path: ['identityCenter', 'assignments', i, 'permissionSet'],
        message: `unknown permission set \`${a.permissionSet}\``,
        severity: 'error',
      });
      return;
    }
    assignments.add(`${a.user}|${a.account}|${a.permissionSet}`);
    model.accounts.add(a.account);
    const key = `${a.account}|${a.permissionSet}`;
    if (roles.has(key)) return;
    const providerName = `AWSSSO_${instance}_DO_NOT_DELETE`;
    const providerArn = `arn:aws:iam::${a.account}:saml-provider/${providerName}`;
    model.samlProviders.set(providerArn, {
      name: providerName,
      account: a.account,
      arn: providerArn,
      issuer: `https://portal.sso.us-east-1.amazonaws.com/saml/assertion/${instance}`,
    });
    const name = `AWSReservedSSO_${ps.name}_${hex(`${a.account}|${ps.name}|${instance}`, 16)}`;
    const arn = `arn:aws:iam::${a.account}:role${SSO_PATH}${name}`;
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
      account: a.account,
      path: SSO_PATH,
      arn,
      uniqueId: uniqueId('AROA', arn),
      // Identity Center sets 12 h on the role and enforces the permission set's own duration.
      maxSessionDuration: 43200,
      trust: normalizePolicy(trustDoc, `trust policy of role ${name}`, 'trust').policy,
      policies: ps.policies,
      tags: {},
      permissionSet: ps.name,
    };
    if (ps.boundary) role.boundary = ps.boundary;
    roles.set(key, role);
    model.roles.set(roleKey(a.account, name), role);
  });
  return { account: ic.account, users, permissionSets, assignments, roles };
}

/** docs/decisions.md#wildcard-trust-principal: a `*` trust principal is valid, but `validate` warns when no condition fences it. */
function warnOpenTrust(role: RoleModel, path: (string | number)[], problems: WorldProblem[]): void {
  for (const st of role.trust.statements) {
    if (st.effect !== 'Allow' || !st.principal || st.principal.not) continue;
    const open = st.principal.entries.some((e) => e.type === 'AWS' && e.value === '*');
    if (open && st.conditions.length === 0) {
      problems.push({
        path: [...path, 'Statement', st.index],
        message: `trust policy of role ${role.name}: statement ${st.index + 1} lets any principal assume the role and has no condition`,
        hint: 'fence it, e.g. with `StringEquals: { aws:PrincipalOrgID: o-… }`',
        severity: 'warning',
      });
    }
  }
}
