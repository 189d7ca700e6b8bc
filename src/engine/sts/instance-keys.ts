/**
 * EC2 instance credentials remember where they were delivered: every request
 * signed with them carries aws:EC2InstanceSourceVPC (the instance's VPC),
 * aws:EC2InstanceSourcePrivateIPv4 (its primary private IPv4 address) and
 * ec2:SourceInstanceARN, wherever the request comes from. So a policy can
 * compare them with aws:SourceVpc / aws:VpcSourceIp (present only through a
 * VPC endpoint) and refuse the credentials once they leave the instance.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-ec2instancesourcevpc
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
 *
 * In a scenario the author gives the instance's values in the `context` of the
 * step where `service/ec2.amazonaws.com` assumes the role; they are taken off
 * that call (AWS does not evaluate them in the trust policy) and kept on the session.
 */
import type { ContextEntry } from '../policy/types.js';
import type { ContextBuilder } from './context.js';

export const INSTANCE_KEYS = [
  'aws:EC2InstanceSourceVPC',
  'aws:EC2InstanceSourcePrivateIPv4',
  'ec2:SourceInstanceARN',
] as const;

export const EC2_SERVICE = 'ec2.amazonaws.com';

/** Removes the instance keys from an assume call's context and returns them for the session. */
export function takeInstanceKeys(b: ContextBuilder): ContextEntry[] {
  const out: ContextEntry[] = [];
  for (const key of INSTANCE_KEYS) {
    const entry = b.get(key);
    if (entry) out.push(entry);
    b.delete(key);
  }
  return out;
}
