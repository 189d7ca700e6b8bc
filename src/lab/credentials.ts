/**
 * Who signed a lab request: the access keys the lab knows (the world's long-term
 * keys and every temporary key it handed out) and the SigV4 check against the
 * key's simulated secret, with AWS's errors for each way it can fail.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import type { Engine } from '../engine/types.js';
import { invalidClientTokenId, invalidSessionToken, type AwsError } from '../engine/sts/errors.js';
import { MalformedAuthorization, parseAuthorization, signatureMatches, type SigV4Auth } from './sigv4.js';
import type { SignedRequest } from './sigv4.js';

/** A key the lab can verify signatures for. */
export interface KnownKey {
  /** The engine caller: `user/NAME`, `root/ACCOUNT`, or `$labN` for minted credentials. */
  as: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials only: the session token that must come with the key. */
  sessionToken?: string;
  account: string;
  /** The IAM user behind the key (long-term keys and GetSessionToken / GetFederationToken sessions). */
  userArn?: string;
  /** Who the key belongs to, for the lab's call lines (`dana`, `ReportReader/dana-q1-report`). */
  label: string;
  /** Ids of the scenario steps whose credentials these are (a later step's `as: $step`). */
  steps: string[];
}

/** The outcome of checking a request's signature. */
export type Signer =
  | { kind: 'unsigned' }
  | { kind: 'signed'; key: KnownKey; auth: SigV4Auth }
  | { kind: 'refused'; error: AwsError; why: string; auth?: SigV4Auth };

/** AWS's message when the signature does not match (SignatureDoesNotMatch, 403). */
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export class KeyRing {
  private readonly keys = new Map<string, KnownKey>();

  constructor(engine: Engine) {
    for (const k of engine.longTermKeys()) {
      this.add({
        as: k.as,
        accessKeyId: k.accessKeyId,
        secretAccessKey: k.secretAccessKey,
        account: k.account,
        ...(k.as.startsWith('user/') ? { userArn: k.arn } : {}),
        label: k.name,
        steps: [],
      });
    }
  }

  add(key: KnownKey): void {
    this.keys.set(key.accessKeyId, key);
  }

  get(accessKeyId: string): KnownKey | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Checks the Authorization header (or its absence) against the key's secret and session token. */
  check(req: SignedRequest): Signer {
    const header = req.headers.authorization?.[0];
    if (!header) return { kind: 'unsigned' };
    let auth: SigV4Auth;
    try {
      auth = parseAuthorization(header);
    } catch (e) {
      const message = e instanceof MalformedAuthorization ? e.message : 'malformed Authorization header';
      return {
        kind: 'refused',
        error: { code: 'IncompleteSignature', message, httpStatus: 400 },
        why: 'the Authorization header is not a SigV4 header',
      };
    }
    const key = this.keys.get(auth.accessKeyId);
    if (!key) {
      return {
        kind: 'refused',
        error: invalidClientTokenId(),
        why: `access key ${auth.accessKeyId} is not one this lab knows`,
        auth,
      };
    }
    const token = req.headers['x-amz-security-token']?.[0];
    if (key.sessionToken !== undefined && token === undefined) {
      return {
        kind: 'refused',
        error: invalidClientTokenId(),
        why: `temporary key ${auth.accessKeyId} was sent without its session token`,
        auth,
      };
    }
    if (token !== undefined && token !== key.sessionToken) {
      return {
        kind: 'refused',
        error: invalidSessionToken(),
        why: `the session token does not belong to ${auth.accessKeyId}`,
        auth,
      };
    }
    if (!signatureMatches(req, auth, key.secretAccessKey)) {
      return {
        kind: 'refused',
        error: { code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH, httpStatus: 403 },
        why: `the signature does not match the secret of ${auth.accessKeyId} (${key.label})`,
        auth,
      };
    }
    return { kind: 'signed', key, auth };
  }
}
