/**
 * Who may call AssumeRole at all: never the root user, and of temporary credentials not
 * GetFederationToken's (docs/decisions.md#temporary-credential-gates).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html
 */
import { callerName, type Caller } from '../../credentials.js';
import { AccessDenied, notAuthorized, type AwsError } from '../../errors.js';
import { REF } from '../../refs.js';
import { isRootCaller, ROOT_CANNOT_ASSUME_ROLE, stsCallAllowed } from '../../rules.js';
import type { Trace } from '../../trace.js';

/** The AWS error when this caller may not call AssumeRole, else undefined. */
export function assumeRoleCallerError(caller: Caller, roleArn: string, trace: Trace): AwsError | undefined {
  if (isRootCaller(caller)) {
    trace.fail({
      id: 'caller.root',
      phase: 'caller',
      values: {},
      ref: REF.tempRequest,
    });
    return AccessDenied(ROOT_CANNOT_ASSUME_ROLE);
  }
  if (caller.type === 'credentials' && !stsCallAllowed(caller.creds, 'AssumeRole')) {
    trace.fail({
      id: 'caller.type',
      phase: 'caller',
      values: { gate: 'sts-api', api: 'AssumeRole', kind: caller.creds.kind, caller: caller.creds.arn },
      ref: REF.tempRequest,
    });
    return notAuthorized(callerName(caller), 'sts:AssumeRole', roleArn);
  }
  trace.pass({
    id: 'caller.type',
    phase: 'caller',
    values: {
      gate: 'sts-api',
      api: 'AssumeRole',
      ...(caller.type === 'credentials' ? { kind: caller.creds.kind } : {}),
      caller: callerName(caller),
    },
    ref: REF.tempRequest,
  });

  return undefined;
}
