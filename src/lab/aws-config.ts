/**
 * The lab's isolated AWS configuration under `<data dir>/lab/`: a credentials
 * file with each IAM user's simulated long-term key (profile = user name), a
 * config file with a profile per role the scenario assumes (role_arn with
 * source_profile or web_identity_token_file, mfa_serial, role_session_name,
 * duration_seconds, external_id as the steps use them), every profile with a
 * region, and env.sh pointing the AWS CLI and SDKs at them and at the lab.
 * It never reads or writes the real ~/.aws.
 * https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-files.html
 * https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-role.html
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
import type { Call, Scenario } from '../content/schema.js';
import type { LongTermKey } from '../engine/types.js';

export interface LabPaths {
  dir: string;
  config: string;
  credentials: string;
  env: string;
  envAll: string;
  tokens: string;
  state: string;
}

export interface Profile {
  name: string;
  /** `key = value` lines, in order. */
  settings: [string, string][];
}

export interface AwsConfig {
  credentials: string;
  config: string;
  profiles: Profile[];
  /** The profile AWS_PROFILE names: the first step's caller. */
  defaultProfile: string;
  region: string;
  /** The role profile that stands for each step's credentials (`$step` callers). */
  stepProfiles: Map<string, string>;
}

const ASSUME_APIS = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity']);

/**
 * Names and values a profile may hold: IAM's name and ARN characters. Content packs are untrusted,
 * and a newline or `[` in a user name would add lines to the AWS config (say, a credential_process
 * the CLI would run), so anything else leaves the profile out.
 */
const SAFE = /^[\w+=,.@:/-]+$/;
const safe = (...values: string[]) => values.every((v) => SAFE.test(v));

/**
 * A Region code as AWS writes them (`us-east-1`, `us-gov-west-1`, `cn-north-1`). A Region is written
 * into the config file, so anything else in an ARN's Region field (a newline and a
 * `credential_process = …` line, which the AWS CLI would run) is never taken as one.
 */
const REGION = /^[a-z]{2,3}(?:-[a-z]+)+-\d{1,2}$/;

/** The region most of the scenario's resource ARNs name (us-east-1 when none does). */
export function scenarioRegion(scenario: Scenario): string {
  const counts = new Map<string, number>();
  for (const step of scenario.steps) {
    const region = step.call?.resource?.split(':')[3];
    if (region && REGION.test(region)) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  let best = 'us-east-1';
  let n = 0;
  for (const [region, count] of counts) if (count > n) [best, n] = [region, count];
  return best;
}

/**
 * The parameters a profile can say: `role_arn`, `role_session_name`, `duration_seconds`,
 * `external_id`, `mfa_serial` (the CLI asks for the code) and `web_identity_token_file`. Session tags,
 * transitive tag keys, a source identity and session policies have no profile setting: a session a
 * profile makes lacks them.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html
 */
const PROFILE_PARAMS = new Set([
  'RoleArn',
  'RoleSessionName',
  'DurationSeconds',
  'ExternalId',
  'SerialNumber',
  'TokenCode',
  'WebIdentityToken',
]);
const SAME_IN_PROFILE = ['RoleSessionName', 'DurationSeconds', 'ExternalId', 'SerialNumber'];

/**
 * The profile made from `profile.call` gives the same session as `call` (step `id`): same API and
 * caller, no parameter a profile cannot hold, the same values; a web identity profile reads its own
 * step's token; a chained caller's source step must be reproduced too.
 */
function reproduces(
  profile: { call: Call; step: string },
  id: string,
  call: Call,
  exact: ReadonlyMap<string, string>,
): boolean {
  const p = call.params ?? {};
  const q = profile.call.params ?? {};
  if (call.api !== profile.call.api || call.as !== profile.call.as) return false;
  if (Object.keys(p).some((k) => !PROFILE_PARAMS.has(k))) return false;
  if (SAME_IN_PROFILE.some((k) => String(p[k]) !== String(q[k]))) return false;
  if (call.api === 'AssumeRoleWithWebIdentity') return id === profile.step;
  return !call.as.startsWith('$') || exact.has(call.as.slice(1));
}

/** Builds the files' text. `tokenFile(stepId)` is where a web identity step's token lives. */
export function awsConfig(
  scenario: Scenario,
  keys: LongTermKey[],
  tokenFile: (step: string) => string,
): AwsConfig {
  const region = scenarioRegion(scenario);
  const usedRoots = new Set<string>();
  const calls = [
    ...scenario.steps.map((s) => s.call),
    ...(scenario.whatIf ?? []).map((w) => ({ as: (w.change as { as?: unknown }).as })),
  ];
  for (const c of calls) {
    const as = typeof c?.as === 'string' ? c.as : undefined;
    if (as?.startsWith('root/')) usedRoots.add(as);
  }
  const longTerm = keys.filter(
    (k) =>
      (!k.as.startsWith('root/') || usedRoots.has(k.as)) &&
      safe(k.name, k.arn, k.accessKeyId, k.secretAccessKey),
  );
  const profileOf = new Map<string, string>(longTerm.map((k) => [k.as, k.name]));
  const names = new Set(longTerm.map((k) => k.name));
  const profiles: Profile[] = longTerm.map((k) => ({ name: k.name, settings: [['region', region]] }));

  // One profile per role a step assumes, from the step that succeeds (else the first that tries).
  type Attempt = { call: Call; step: string; success: boolean };
  const byRole = new Map<string, Attempt>();
  for (const step of scenario.steps) {
    const roleArn = step.call?.params?.RoleArn;
    if (!step.call || !ASSUME_APIS.has(step.call.api) || typeof roleArn !== 'string') continue;
    const success = step.expect?.outcome === 'success';
    const seen = byRole.get(roleArn);
    if (!seen || (success && !seen.success)) byRole.set(roleArn, { call: step.call, step: step.id, success });
  }
  // Which role profile a step's session comes from, for chaining profiles (`source_profile`), and
  // which steps a profile reproduces exactly (a `$step` caller may use it instead of that step's keys).
  const roleProfile = new Map<string, string>();
  const stepProfile = new Map<string, string>();
  for (const [roleArn, { call, step }] of byRole) {
    const p = call.params ?? {};
    const settings: [string, string][] = [['role_arn', roleArn]];
    if (call.api === 'AssumeRoleWithWebIdentity') {
      settings.push(['web_identity_token_file', tokenFile(step)]);
    } else {
      const source = call.as.startsWith('$') ? roleProfile.get(call.as.slice(1)) : profileOf.get(call.as);
      if (!source) continue; // e.g. a service principal or GetSessionToken credentials: no profile can say that
      settings.push(['source_profile', source]);
      if (typeof p.SerialNumber === 'string') settings.push(['mfa_serial', p.SerialNumber]);
      if (typeof p.ExternalId === 'string') settings.push(['external_id', p.ExternalId]);
    }
    if (typeof p.RoleSessionName === 'string') settings.push(['role_session_name', p.RoleSessionName]);
    if (p.DurationSeconds !== undefined) settings.push(['duration_seconds', String(p.DurationSeconds)]);
    settings.push(['region', region]);
    const role = roleArn.split('/').pop() ?? roleArn;
    const tokenPath = settings.find(([k]) => k === 'web_identity_token_file')?.[1] ?? '';
    if (!safe(role, ...settings.filter(([k]) => k !== 'web_identity_token_file').map(([, v]) => v))) continue;
    if (/[\r\n]/.test(tokenPath)) continue;
    const name = names.has(role) ? `${role}-role` : role;
    names.add(name);
    for (const s of scenario.steps) {
      if (s.call?.params?.RoleArn !== roleArn) continue;
      roleProfile.set(s.id, name);
      if (reproduces({ call, step }, s.id, s.call, stepProfile)) stepProfile.set(s.id, name);
    }
    profiles.push({ name, settings });
  }

  // A scenario with no IAM user and no role profile (SAML only): AWS_PROFILE must still name a profile
  // that exists, or the AWS CLI refuses every command, unsigned ones included.
  if (profiles.length === 0) profiles.push({ name: 'default', settings: [['region', region]] });
  const first = scenario.steps.find((s) => s.call)?.call;
  const defaultProfile =
    (first && (profileOf.get(first.as) ?? stepProfile.get(scenario.steps.find((s) => s.call)!.id))) ??
    profiles[0]?.name ??
    'default';
  const credentials = longTerm
    .map(
      (k) =>
        `[${k.name}]\n# ${k.arn} (simulated by sts-trainer lab; not a real AWS key)\naws_access_key_id = ${k.accessKeyId}\naws_secret_access_key = ${k.secretAccessKey}\n`,
    )
    .join('\n');
  const config = configText(profiles);
  return { credentials, config, profiles, defaultProfile, region, stepProfiles: stepProfile };
}

/**
 * The config file's text. `endpointUrl` (the running lab's URL) goes into every profile as
 * `endpoint_url`: the AWS CLI v1 (botocore 1.31 and later) and the SDKs read it for every client a
 * profile makes, the STS client of a role profile's own AssumeRole included, so a profile's
 * simulated keys go to the lab even when the learner points the CLI at it with `--endpoint-url`
 * instead of `lab env` (whose AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL still win over it).
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
export function configText(profiles: readonly Profile[], endpointUrl?: string): string {
  const url: [string, string][] = endpointUrl === undefined ? [] : [['endpoint_url', endpointUrl]];
  // Every value was checked where it was chosen; one with a line break would start a setting of its
  // own (`credential_process` runs a command), so none is ever written.
  return profiles
    .map(
      (p) =>
        `[${p.name === 'default' ? '' : 'profile '}${p.name}]\n${[...p.settings, ...url]
          .filter(([, v]) => !/[\r\n]/.test(v))
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}\n`,
    )
    .join('\n');
}

/** The shell line a learner fills in with a step's printed credentials (shown, never run here). */
export const EXPORT_SESSION_KEYS = 'export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=…';

/** `s` as one single-quoted shell word (a value of env.sh, a path in a printed command). */
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The shell lines that point the AWS CLI and SDKs at the lab. AWS_DEFAULT_REGION is
 * the one the AWS CLI v1 reads; the SDKs read AWS_REGION. Credentials already in the
 * environment would win over the profile, so they are unset, and the instance
 * metadata lookup is switched off (it would be a network call).
 */
export function envLines(paths: LabPaths, url: string, cfg: AwsConfig, all: boolean): string {
  const lines = [
    `export AWS_CONFIG_FILE=${quote(paths.config)}`,
    `export AWS_SHARED_CREDENTIALS_FILE=${quote(paths.credentials)}`,
    `export AWS_ENDPOINT_URL_STS=${quote(url)}`,
    `export AWS_REGION=${quote(cfg.region)}`,
    `export AWS_DEFAULT_REGION=${quote(cfg.region)}`,
    `export AWS_PROFILE=${quote(cfg.defaultProfile)}`,
    `export AWS_EC2_METADATA_DISABLED=true`,
    'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN',
    all ? `export AWS_ENDPOINT_URL=${quote(url)}` : 'unset AWS_ENDPOINT_URL',
  ];
  return `${lines.join('\n')}\n`;
}

/** The environment a web identity profile-less client reads (the AWS SDKs and CLI do). */
export function webIdentityExports(file: string, roleArn: string, sessionName: string): string {
  return `export AWS_WEB_IDENTITY_TOKEN_FILE=${quote(file)} AWS_ROLE_ARN=${quote(roleArn)} AWS_ROLE_SESSION_NAME=${quote(sessionName)}; unset AWS_PROFILE`;
}
