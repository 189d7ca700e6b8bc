/**
 * Requests an AWS service makes for a principal (forward access sessions):
 * aws:ViaAWSService is present in every signed request (context.ts sets `false`), `true` only when a
 * service made the request with the principal's credentials; aws:CalledVia
 * lists the services in order (aws:CalledViaFirst / aws:CalledViaLast the two
 * ends). AWS sets aws:CalledVia only for the services that support it (Athena,
 * CloudFormation, DynamoDB, KMS, …); the simulator takes the author's list as is.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-viaawsservice
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-calledvia
 */
import type { ContextBuilder } from './context.js';

export function viaServiceKeys(b: ContextBuilder, via: readonly string[]): void {
  // The request now comes from the service's own address, which the simulator does not know: a
  // scenario that needs it sets aws:SourceIp in the call's `context`.
  b.delete('aws:SourceIp');
  b.set('aws:ViaAWSService', 'true')
    .set('aws:CalledVia', [...via], true)
    .set('aws:CalledViaFirst', via[0])
    .set('aws:CalledViaLast', via[via.length - 1]);
}
