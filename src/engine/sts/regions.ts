/**
 * STS endpoints and Regions.
 *
 * - A call names the Region of its endpoint with `region`; without it the call
 *   goes to the global endpoint sts.amazonaws.com, which the simulator serves in
 *   us-east-1 (aws:RequestedRegion = us-east-1). AWS now serves global-endpoint
 *   requests from default-enabled Regions in the Region they come from; the
 *   simulator has no notion of where a caller is, so it keeps us-east-1.
 * - An account can deactivate STS in a Region enabled by default (not us-east-1);
 *   a call to that Region's endpoint that would mint credentials for the account
 *   fails with RegionDisabledException. It is the account whose credentials are
 *   minted that counts (the role's owner for AssumeRole*), not the caller's.
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
 * - Session tokens from the global endpoint are version 1 unless the account's
 *   GlobalEndpointTokenVersion is v2Token; Regional endpoints issue tokens valid in
 *   all Regions. Version 1 tokens are valid only in Regions enabled by default.
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html
 *   What AWS answers when a v1 token reaches an opt-in Region is not documented;
 *   users report InvalidClientTokenId, which the simulator returns
 *   (docs/decisions.md#regions-and-service-flows).
 */
import type { ApiName, Call } from '../types.js';
import type { Caller, Credentials } from './credentials.js';
import { invalidSessionToken, type AwsError } from './errors.js';
import { parseRoleArn } from './arns.js';
import type { EngineState } from './state.js';
import type { Trace } from './trace.js';

export const GLOBAL_ENDPOINT_REGION = 'us-east-1';
const REF_REGIONS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html';
const REF_TOKENS =
  'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html';

/**
 * Regions an account must enable before use ("opt-in"), as listed on
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

/**
 * The shape of a Region code in every AWS partition: the union of the partitions' `regionRegex` in the
 * SDKs' endpoint data (botocore `data/partitions.json`, the same in every SDK): aws
 * `(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+`, aws-cn `cn-…`, aws-us-gov `us-gov-…`, the ISO partitions
 * `us-iso-`, `us-isob-`, `us-isof-`, `eu-isoe-`, and the European Sovereign Cloud `eusc-de-…`.
 * A pattern rather than a list, so a Region AWS opens later is still one; `mars-1` is not
 * (docs/decisions.md#credential-scope-region).
 */
const REGION_CODE =
  /^(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-\w+|us-(?:gov|iso|isob|isof)-\w+|eu-isoe-\w+|eusc-de-\w+)-\d+$/;

/** `code` has the shape of an AWS Region code (`us-east-1`, `us-gov-west-1`, `cn-north-1`). */
export const isRegionCode = (code: string): boolean => REGION_CODE.test(code);

/** The Region a call's endpoint serves (aws:RequestedRegion). */
export const requestedRegion = (call: Call): string => call.region ?? GLOBAL_ENDPOINT_REGION;

const MINTING: ReadonlySet<ApiName> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
]);

/** The account whose credentials a minting call would create. */
function mintedAccount(call: Call, caller: Caller): string | undefined {
  if (call.api === 'GetSessionToken' || call.api === 'GetFederationToken')
    return caller.type === 'credentials' ? caller.creds.account : undefined;
  const arn = call.params?.RoleArn;
  return typeof arn === 'string' ? parseRoleArn(arn)?.account : undefined;
}

export const regionDisabledMessage = (account: string): string =>
  `STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`;

/** RegionDisabledException when STS is deactivated in the endpoint's Region for the minted account. */
export function regionGate(
  state: EngineState,
  call: Call,
  caller: Caller,
  trace: Trace,
): AwsError | undefined {
  if (!call.region || !MINTING.has(call.api)) return undefined;
  const account = mintedAccount(call, caller);
  if (!account) return undefined;
  const disabled = state.world.regionSettings.get(account)?.stsDisabled.has(call.region) ?? false;
  const values = { region: call.region, account, disabled };
  if (disabled && call.region !== GLOBAL_ENDPOINT_REGION) {
    trace.fail({
      id: 'region.active',
      phase: 'authenticate',
      values,
      ref: REF_REGIONS,
    });
    return { code: 'RegionDisabledException', message: regionDisabledMessage(account), httpStatus: 403 };
  }
  trace.pass({
    id: 'region.active',
    phase: 'authenticate',
    values,
    ref: REF_REGIONS,
  });
  return undefined;
}

/** The version of a token minted by this call: v2 from a Regional endpoint or with the v2Token setting. */
export function tokenVersion(state: EngineState, call: Call, account: string): 'v1' | 'v2' {
  if (call.region) return 'v2';
  return state.world.regionSettings.get(account)?.tokenVersion === 'v2Token' ? 'v2' : 'v1';
}

/** A version 1 token presented in an opt-in Region is refused (InvalidClientTokenId). */
export function tokenGate(caller: Caller, call: Call, trace: Trace): AwsError | undefined {
  if (caller.type !== 'credentials') return undefined;
  return tokenValidIn(caller.creds, call, trace) ? undefined : invalidSessionToken();
}

function tokenValidIn(creds: Credentials, call: Call, trace: Trace): boolean {
  if (!creds.tokenVersion || !call.region) return true;
  const optIn = OPT_IN_REGIONS.has(call.region);
  const values = { version: creds.tokenVersion === 'v1' ? 1 : 2, region: call.region, optIn } as const;
  if (creds.tokenVersion === 'v1' && optIn) {
    trace.fail({
      id: 'auth.token-version',
      phase: 'authenticate',
      values,
      ref: REF_TOKENS,
    });
    return false;
  }
  trace.pass({
    id: 'auth.token-version',
    phase: 'authenticate',
    values,
    ref: REF_TOKENS,
  });
  return true;
}
