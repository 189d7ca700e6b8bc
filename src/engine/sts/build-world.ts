/**
 * buildWorld: the world, normalised once when the engine is built. Each part of the world is read
 * in turn; problems are collected as data (never thrown), in the order of the world's parts.
 */
import { normalizePolicy } from '../policy/normalize.js';
import { policySizeProblems } from '../policy/size.js';
import type { NormalizedPolicy } from '../policy/types.js';
import type { World } from '../types.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { buildIdentityCenter } from './identity-center-model.js';
import { readRoles, readUsers } from './world-principals.js';
import { WorldReader } from './world-reader.js';
import {
  DEFAULT_START,
  type AccountRegionSettings,
  type OidcProviderModel,
  type ResourceModel,
  type SamlProviderModel,
  type WorldModel,
} from './world-model.js';

export function buildWorld(world: World): WorldModel {
  const reader = new WorldReader(new Set((world.accounts ?? []).map((account) => account.id)));
  const start = readStart(world, reader);
  const organization = readOrganization(world, reader);
  const { users, usersByArn } = readUsers(world, reader);
  const roles = readRoles(world, reader);
  const managedPolicies = readManagedPolicies(world, reader);
  const { samlProviders, oidcProviders } = readProviders(world, reader);
  const resources = readResources(world, reader);
  reader.problems.push(...policySizeProblems(world));
  const model: WorldModel = {
    regionSettings: readRegionSettings(world),
    start,
    accounts: reader.accounts,
    orgAccounts: organization.accounts,
    scps: organization.scps,
    users,
    usersByArn,
    roles,
    managedPolicies,
    samlProviders,
    oidcProviders,
    resources,
    problems: reader.problems,
  };
  const org = world.organization;
  if (org) model.orgId = org.id;
  if (org?.management) model.management = org.management;
  if (world.identityCenter) model.identityCenter = buildIdentityCenter(world.identityCenter, model, reader);
  return model;
}

/**
 * The latest start: the end of year 9999. ISO-8601 allows later years (`+275760-09-13T00:00:00Z`, the
 * last time a JavaScript Date holds), but a clock that starts there cannot move forward, and STS
 * timestamps have four-digit years.
 */
const LAST_START = Date.UTC(9999, 11, 31, 23, 59, 59);

/** The simulated clock's start; a time that does not parse, or is out of range, is a problem, and the default is used. */
function readStart(world: World, reader: WorldReader): number {
  const start = Date.parse(world.start ?? DEFAULT_START);
  if (start >= 0 && start <= LAST_START) return start;
  reader.problems.push({
    code: 'invalid-start',
    start: String(world.start),
    path: ['start'],
    severity: 'error',
  });
  return Date.parse(DEFAULT_START);
}

/**
 * The organization's accounts and its SCPs per member account. SCPs apply to member accounts only,
 * never the management account.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
function readOrganization(world: World, reader: WorldReader) {
  const org = world.organization;
  const accounts = new Set<string>(org ? [...org.accounts, ...(org.management ? [org.management] : [])] : []);
  for (const account of accounts) reader.accounts.add(account);
  const scps = new Map<string, NormalizedPolicy[]>();
  (org?.scps ?? []).forEach((scp, i) => {
    const policy = reader.policy(scp.policy, { kind: 'scp', name: scp.name }, 'scp', [
      'organization',
      'scps',
      i,
      'policy',
    ]);
    for (const account of scp.accounts) {
      if (account === org?.management) {
        reader.problems.push({
          code: 'scp-management',
          scp: scp.name,
          account,
          path: ['organization', 'scps', i, 'accounts'],
          severity: 'warning',
        });
        continue;
      }
      scps.set(account, [...(scps.get(account) ?? []), policy]);
    }
  });
  return { accounts, scps };
}

/** AWS managed policies (by ARN, usable as session policies) and the world's customer managed ones. */
function readManagedPolicies(world: World, reader: WorldReader): Map<string, NormalizedPolicy> {
  const managed = new Map<string, NormalizedPolicy>();
  for (const [name, doc] of Object.entries(AWS_MANAGED_POLICIES)) {
    managed.set(
      `arn:aws:iam::aws:policy/${name}`,
      normalizePolicy(doc, { kind: 'aws-managed', name }, 'session').policy,
    );
  }
  (world.managedPolicies ?? []).forEach((entry, i) => {
    const arn = `arn:aws:iam::${entry.account}:policy/${entry.name}`;
    managed.set(
      arn,
      reader.policy(entry.policy, { kind: 'managed', name: entry.name }, 'session', [
        'managedPolicies',
        i,
        'policy',
      ]),
    );
  });
  return managed;
}

/** IAM SAML and OIDC identity providers, by the ARNs a trust policy names them with. */
function readProviders(world: World, reader: WorldReader) {
  const samlProviders = new Map<string, SamlProviderModel>();
  for (const provider of world.samlProviders ?? []) {
    reader.accounts.add(provider.account);
    const arn = `arn:aws:iam::${provider.account}:saml-provider/${provider.name}`;
    samlProviders.set(arn, { name: provider.name, account: provider.account, arn, issuer: provider.issuer });
  }
  const oidcProviders: OidcProviderModel[] = (world.oidcProviders ?? []).map((provider) => {
    reader.accounts.add(provider.account);
    const host = provider.url.replace(/^https:\/\//, '');
    return {
      url: provider.url,
      host,
      account: provider.account,
      arn: `arn:aws:iam::${provider.account}:oidc-provider/${host}`,
      audiences: provider.audiences,
    };
  });
  return { samlProviders, oidcProviders };
}

/** Resources with their tags and resource-based policies; the account comes from the ARN unless given. */
function readResources(world: World, reader: WorldReader): Map<string, ResourceModel> {
  const resources = new Map<string, ResourceModel>();
  (world.resources ?? []).forEach((resource, i) => {
    const model: ResourceModel = { arn: resource.arn, tags: resource.tags ?? {} };
    const account = resource.account ?? resource.arn.split(':')[4];
    if (account) model.account = account;
    if (resource.policy) {
      model.policy = reader.policy(resource.policy, { kind: 'resource', arn: resource.arn }, 'resource', [
        'resources',
        i,
        'policy',
      ]);
    }
    resources.set(resource.arn, model);
  });
  return resources;
}

/** Per-account STS Region settings (regions.ts). */
function readRegionSettings(world: World): Map<string, AccountRegionSettings> {
  const settings = new Map<string, AccountRegionSettings>();
  for (const account of world.accounts ?? []) {
    settings.set(account.id, {
      stsDisabled: new Set(account.stsDisabledRegions ?? []),
      tokenVersion: account.globalEndpointTokenVersion ?? 'v1Token',
    });
  }
  return settings;
}
