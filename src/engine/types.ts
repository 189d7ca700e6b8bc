/**
 * The engine's public result types. A call never throws for anything a
 * scenario can contain: denials and AWS errors are results, and every check
 * made along the way is in `trace`, as data (STYLE.md §1–2).
 */
import type { AuthorizationDecision, PolicyEvaluation } from './policy/types.js';
import type { AuthorizationCheckId, CheckId, CheckValues, NamedCheckValues } from './check-values.js';
import type { ApiName, Call, World } from './world.js';
import type { WorldProblem } from './world-problems.js';

export type { ApiName, Call, World };
export type * from './world.js';

/** Where a check belongs in STS's processing of a request. */
export type TracePhase =
  | 'authenticate'
  | 'validate'
  | 'caller'
  | 'federation'
  | 'mfa'
  | 'authorize'
  | 'tags'
  | 'source-identity'
  | 'duration'
  | 'issue';

export type {
  AuthorizationCheckId,
  AuthorizationValues,
  CallerValues,
  CheckId,
  CheckValues,
  DurationLimitValues,
  NamedCheckValues,
  Signer,
} from './check-values.js';

/** What every check has, whatever its id. */
interface CheckBase {
  phase: TracePhase;
  ok: boolean;
  /** The AWS documentation page this rule comes from. */
  ref?: string;
  /** For authorization checks: the full decision with every policy and statement evaluated. */
  decision?: AuthorizationDecision;
  /** For a single policy's evaluation (e.g. the trust policy), when shown on its own. */
  policy?: PolicyEvaluation;
  /** Informational rather than pass/fail (e.g. "session is role chaining"). */
  info?: boolean;
}

/** A check with the given id and that id's values. */
export type TraceCheckOf<K extends CheckId> = CheckBase & {
  /** A stable identifier, e.g. `caller.root`, `authorize.sts:AssumeRole`. */
  id: K;
  /** What the check weighed, e.g. `{ requested: 7200, seconds: 7200, maximum: 3600, … }`. */
  values: CheckValues<K>;
};

/**
 * One check STS made, in order: which check, its values, and whether it passed. The words for it
 * (title and detail) are the learner's: src/learn/check-text.ts builds them from id, ok and values.
 */
export type TraceCheck =
  | { [K in keyof NamedCheckValues]: TraceCheckOf<K> }[keyof NamedCheckValues]
  | TraceCheckOf<AuthorizationCheckId>;

/** What a successful call minted or revealed, in the terms `expect` uses (FORMAT.md). */
export interface SessionView {
  /** The principal's ARN: assumed-role, federated-user, user or root ARN. */
  arn: string;
  account: string;
  userId: string;
  /** Temporary credentials, when the call minted them. */
  accessKeyId?: string;
  /** ISO-8601 expiration of minted credentials. */
  expiration?: string;
  /** Seconds from the call to `expiration`. */
  expiresIn?: number;
  sourceIdentity?: string;
  /** Session tags: passed in the call plus inherited transitive tags. */
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
  /** Whether the session counts as MFA-authenticated. */
  mfa?: boolean;
}

/** What every result of a call has, whatever its outcome. */
interface CallResultBase {
  api: ApiName;
  /** Who made the call: an ARN, a service name, or `anonymous`. */
  caller: string;
  /** Simulated time of the call (ISO-8601). */
  at: string;
  /** Every check made, in order. */
  trace: TraceCheck[];
}

/** A call STS answered with a response. */
export interface CallSuccess extends CallResultBase {
  outcome: 'success';
  /** The AWS-shaped response body (Credentials, AssumedRoleUser, …). */
  response: Record<string, unknown>;
  /** The session or identity the call produced or reported, for `expect` and display. */
  view?: SessionView;
  // Absent on a success; declared so `result.code` reads as undefined without narrowing first.
  code?: never;
  message?: never;
  httpStatus?: never;
}

/** A call STS refused with an AWS error. */
export interface CallFailure extends CallResultBase {
  outcome: 'error';
  /** AWS error code, e.g. `AccessDenied`, `ValidationError`, `ExpiredToken`. */
  code: string;
  /** The exact AWS error message. */
  message: string;
  /** HTTP status AWS returns with the error. */
  httpStatus: number;
  // Absent on an error; declared so `result.view` reads as undefined without narrowing first.
  response?: never;
  view?: never;
}

/** The result of one call: a success or an AWS error, told apart by `outcome`. */
export type CallResult = CallSuccess | CallFailure;

export type {
  SizeLimit,
  SizeSubject,
  WorldProblem,
  WorldProblemCode,
  WorldProblemDetail,
} from './world-problems.js';
export type { PolicyProblem, PolicyProblemCode, PolicyProblemDetail, SkipReason } from './policy/problems.js';
export type { PolicyRef } from './policy/ref.js';
export type { PolicyKind } from './policy/types.js';
export type { OperatorProblem } from './conditions/types.js';

export interface CallOptions {
  /** Names this call's result so later calls can use its credentials as `$id`. */
  id?: string;
}

/** A simulated STS over one world, with its own clock. */
export interface Engine {
  /** Runs one call at the current simulated time. */
  call(call: Call, options?: CallOptions): CallResult;
  /** Moves the simulated clock forward (seconds). */
  advance(seconds: number): void;
  /** The current simulated time, ISO-8601. */
  now(): string;
  /** Problems found in the world when the engine was created. */
  readonly problems: readonly WorldProblem[];
  /** An independent copy at this moment (same world, same clock, same credentials), e.g. to try a
   * variation without replaying the steps before it. */
  fork(): Engine;
  /** Drops what the call named `id` left behind (its credentials, its recorded denial): a later call
   * as `$id` fails as for a step that minted nothing. For a long-running server (the lab) to bound
   * its memory. */
  forget(id: string): void;
  /** The world's long-term access keys (each IAM user's, each account's root user's) with their
   * simulated secret keys, e.g. for a server that verifies SigV4 signatures. */
  longTermKeys(): LongTermKey[];
}

/** A long-term access key of the world and the caller it signs as. */
export interface LongTermKey {
  /** The caller, as a step's `as`: `user/NAME` or `root/ACCOUNT`. */
  as: string;
  /** The user name, or `root-ACCOUNT`. */
  name: string;
  account: string;
  arn: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The user's virtual MFA device and the code it shows, when the user has one. */
  mfaSerial?: string;
  mfaCode?: string;
}
