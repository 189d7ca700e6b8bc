/**
 * What AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity share:
 * finding the role, the request keys of an assume call, the duration limits,
 * and minting the assumed-role session.
 */
import { ValidationError, type AwsError } from './errors.js';
import { credentialsResponse, mint, packedPolicySize, viewOf, type RoleSessionSpec } from './mint.js';
import { parseRoleArn } from './arns.js';
import { REF } from './refs.js';
import { CHAINING_MESSAGE, DURATION, MAX_DURATION_MESSAGE, ROLE_CHAINING_CAP } from './rules.js';
import type { ContextBuilder } from './context.js';
import type { EngineState } from './state.js';
import { iso } from './time.js';
import type { Trace } from './trace.js';
import { roleKey, type RoleModel } from './world-model.js';
import type { ApiOutcome } from './api.js';
import type { CheckValues } from '../types.js';
import { PackedPolicyTooLarge } from './errors.js';
import { setOwn } from '../own-key.js';

/** Finds the role a RoleArn names (by account and name; the ARN's path must be the role's or `/`). */
export function findRole(state: EngineState, roleArn: string, trace: Trace): RoleModel | undefined {
  const parsed = parseRoleArn(roleArn);
  const role = parsed ? state.world.roles.get(roleKey(parsed.account, parsed.name)) : undefined;
  if (!parsed || !role || (parsed.path !== '/' && parsed.path !== role.path)) {
    trace.fail({
      id: 'role.exists',
      phase: 'authorize',
      values: { role: roleArn },
      ref: REF.assumeRole,
    });
    return undefined;
  }
  trace.pass({
    id: 'role.exists',
    phase: 'authorize',
    values: { role: role.arn, uniqueId: role.uniqueId },
  });
  return role;
}

/** Keys of the role being assumed: aws:ResourceTag / iam:ResourceTag, inherited transitive tags overriding. */
export function roleResourceTags(
  b: ContextBuilder,
  role: RoleModel,
  inherited: Record<string, string>,
): void {
  const tags = { ...role.tags };
  for (const [k, v] of Object.entries(inherited)) {
    const same = Object.keys(tags).find((t) => t.toLowerCase() === k.toLowerCase());
    if (same) delete tags[same];
    setOwn(tags, k, v);
  }
  for (const [k, v] of Object.entries(tags)) {
    b.set(`aws:ResourceTag/${k}`, v).set(`iam:ResourceTag/${k}`, v);
  }
}

/** Request-tag keys for the session tags of an assume call. */
export function requestTagKeys(b: ContextBuilder, tags: Record<string, string>, transitive: string[]): void {
  const keys = Object.keys(tags);
  for (const [k, v] of Object.entries(tags)) b.set(`aws:RequestTag/${k}`, v);
  if (keys.length) b.set('aws:TagKeys', keys, true);
  if (transitive.length) b.set('sts:TransitiveTagKeys', transitive, true);
}

export interface DurationRule {
  requested: number | undefined;
  role: RoleModel;
  /** 'role-session' | 'session-token' when the call is role chaining. */
  chaining?: 'role-session' | 'session-token' | undefined;
  /** A service principal is assuming the role. */
  service?: boolean;
}

/** The role's MaxSessionDuration rule as the trace records it. */
function durationValues(rule: DurationRule, seconds: number): CheckValues<'duration.limit'> {
  const values: CheckValues<'duration.limit'> = {
    rule: 'role',
    seconds,
    role: rule.role.name,
    maximum: rule.role.maxSessionDuration,
    chaining: rule.chaining !== undefined,
  };
  if (rule.requested !== undefined) values.requested = rule.requested;
  return values;
}

/**
 * Session duration for an assume call: default 3600; the role's MaxSessionDuration
 * caps it (not for AWS services); role chaining caps it at one hour.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
export function roleDuration(rule: DurationRule, trace: Trace): { seconds: number } | { error: AwsError } {
  const seconds = rule.requested ?? DURATION.roleDefault;
  const requested = rule.requested === undefined ? {} : { requested: rule.requested };
  if (rule.chaining) {
    // GetSessionToken credentials calling AssumeRole count as role chaining (observed AWS behaviour, not documented).
    trace.info({
      id: 'duration.chaining',
      phase: 'duration',
      values: { via: rule.chaining, maximum: ROLE_CHAINING_CAP },
      ref: REF.roleChaining,
    });
    if (seconds > ROLE_CHAINING_CAP) {
      trace.fail({
        id: 'duration.limit',
        phase: 'duration',
        values: { rule: 'chaining', ...requested, seconds, maximum: ROLE_CHAINING_CAP },
        ref: REF.roleChaining,
      });
      return { error: ValidationError(CHAINING_MESSAGE) };
    }
  }
  if (rule.service) {
    trace.pass({
      id: 'duration.limit',
      phase: 'duration',
      values: { rule: 'service', ...requested, seconds },
      ref: REF.maxSessionDuration,
    });
    return { seconds };
  }
  if (seconds > rule.role.maxSessionDuration) {
    trace.fail({
      id: 'duration.limit',
      phase: 'duration',
      values: durationValues(rule, seconds),
      ref: REF.maxSessionDuration,
    });
    return { error: ValidationError(MAX_DURATION_MESSAGE) };
  }
  trace.pass({
    id: 'duration.limit',
    phase: 'duration',
    values: durationValues(rule, seconds),
    ref: REF.maxSessionDuration,
  });
  return { seconds };
}

/**
 * Mints the assumed-role session and shapes the response: `AssumedRoleUser`
 * (`AROA…:<session>`, `arn:aws:sts::<acct>:assumed-role/<role>/<session>` — the
 * role's path is not part of it), and PackedPolicySize when session policies or
 * tags were passed. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html
 */
export function issueRoleSession(
  state: EngineState,
  role: RoleModel,
  sessionName: string,
  spec: RoleSessionSpec,
  packed: { policyText?: string | undefined; arnCount: number; passedTags: Record<string, string> },
  trace: Trace,
  extra: Record<string, unknown> = {},
): ApiOutcome {
  const size = packedPolicySize(packed.policyText, packed.arnCount, packed.passedTags);
  const packs =
    packed.policyText !== undefined || packed.arnCount > 0 || Object.keys(packed.passedTags).length > 0;
  if (size > 100) {
    trace.fail({
      id: 'issue.packed',
      phase: 'issue',
      values: { percent: size },
      ref: REF.sessionTags,
    });
    const onlyTags = packed.policyText === undefined && packed.arnCount === 0;
    return {
      error: PackedPolicyTooLarge(
        onlyTags
          ? `Packed size of session tags consumes ${size}% of allotted space.`
          : `Packed policy consumes ${size}% of allotted space`,
      ),
    };
  }
  const arn = `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
  // Plain property copies (no object spread): this is on every assume call's hot path.
  const creds = mint(
    state,
    Object.assign(
      {
        kind: 'role-session' as const,
        account: role.account,
        arn,
        userId: `${role.uniqueId}:${sessionName}`,
        role,
        sessionName,
      },
      spec,
    ),
  );
  trace.pass({
    id: 'issue.credentials',
    phase: 'issue',
    values: {
      kind: 'role-session',
      arn,
      accessKeyId: creds.accessKeyId,
      expiration: iso(creds.expiresAt),
      mfa: creds.mfa,
    },
  });
  const response: Record<string, unknown> = {
    Credentials: credentialsResponse(creds),
    AssumedRoleUser: { AssumedRoleId: creds.userId, Arn: arn },
    ...extra,
  };
  if (packs) response.PackedPolicySize = size;
  if (creds.sourceIdentity) response.SourceIdentity = creds.sourceIdentity;
  return { response, creds, view: viewOf(creds, state.now) };
}
