import type { NormalizedPolicy } from '../policy/types.js';
import type { PolicyRef } from '../policy/ref.js';
import type { Credentials } from './credentials.js';
import type { WorldModel } from './world-model.js';

/** A denial remembered so DecodeAuthorizationMessage can reveal it. */
export interface RecordedDenial {
  allowed: boolean;
  explicitDeny: boolean;
  principal: { id: string; arn: string };
  action: string;
  resource: string;
  conditions: { key: string; values: string[] }[];
  matchedStatements: { policy: PolicyRef; sid?: string; effect: string }[];
}

/** Everything a call can read or change: the world, the clock and the credentials minted so far. */
export interface EngineState {
  world: WorldModel;
  /** Simulated time, epoch ms. */
  now: number;
  /** Credentials by the id of the step that minted them (`$id`). */
  sessions: Map<string, Credentials>;
  /** Identity Center users signed in to the portal, with the portal session's expiry. */
  ssoSessions: Map<string, number>;
  /** Encoded authorization messages from failed `Request`s, by message id. */
  denials: Map<string, RecordedDenial>;
  /** A counter that makes every minted id distinct and deterministic. */
  serial: number;
  /** Inline policies put on roles by `iam:PutRolePolicy` requests, by role key (revoke-sessions.ts). */
  rolePolicies: Map<string, NormalizedPolicy[]>;
}
