import type { Call, SessionView } from '../types.js';
import type { Caller, Credentials } from './credentials.js';
import type { AwsError } from './errors.js';
import type { EngineState, RecordedDenial } from './state.js';
import type { Trace } from './trace.js';

/** What one API handler receives. */
export interface ApiRequest {
  state: EngineState;
  call: Call;
  caller: Caller;
  params: Record<string, unknown>;
  trace: Trace;
}

/** What one API handler returns: an AWS error, or a response (and credentials it minted). */
export type ApiOutcome =
  | { error: AwsError; denial?: RecordedDenial }
  | { response: Record<string, unknown>; creds?: Credentials; view?: SessionView; recordedId?: string };

export type ApiHandler = (req: ApiRequest) => ApiOutcome;

export const fail = (error: AwsError): ApiOutcome => ({ error });
