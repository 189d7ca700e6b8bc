/**
 * The world's long-term access keys with their simulated secret keys: each IAM
 * user's key, and the root user's key of every account. The engine itself never
 * checks a secret (a step's `as` names its caller); a lab server that verifies
 * real SigV4 signatures needs them, and writes them into its isolated AWS config.
 * Long-term keys start with AKIA, temporary ones with ASIA.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
import type { LongTermKey } from '../types.js';
import { secretKey } from './ids.js';
import type { WorldModel } from './world-model.js';

/** The root user's access key id, as `authenticate` resolves `root/ACCOUNT`. */
export const rootAccessKeyId = (account: string): string => `AKIAROOT${account.slice(0, 12)}`;

export function longTermKeys(world: WorldModel): LongTermKey[] {
  const out: LongTermKey[] = [];
  for (const u of world.users.values()) {
    const key: LongTermKey = {
      as: `user/${u.name}`,
      name: u.name,
      account: u.account,
      arn: u.arn,
      accessKeyId: u.accessKeyId,
      secretAccessKey: secretKey(`long-term|${u.arn}`),
    };
    if (u.mfaSerial && u.mfaCode) {
      key.mfaSerial = u.mfaSerial;
      key.mfaCode = u.mfaCode;
    }
    out.push(key);
  }
  for (const account of [...world.accounts].sort()) {
    const arn = `arn:aws:iam::${account}:root`;
    out.push({
      as: `root/${account}`,
      name: `root-${account}`,
      account,
      arn,
      accessKeyId: rootAccessKeyId(account),
      secretAccessKey: secretKey(`long-term|${arn}`),
    });
  }
  return out;
}
