/**
 * Who signed a lab request: the access keys the lab knows (the world's long-term
 * keys and every temporary key it handed out) and the SigV4 check against the
 * key's simulated secret, with AWS's errors for each way it can fail.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
import type { Engine } from '../engine/types.js';
import { invalidClientTokenId, invalidSessionToken, type AwsError } from '../engine/sts/errors.js';
import {
  formatAmzDate,
  MalformedAuthorization,
  parseAmzDate,
  readAuth,
  signatureMatches,
  type RequestAuth,
  type SignedRequest,
} from './sigv4.js';

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
  | { kind: 'signed'; key: KnownKey; auth: RequestAuth }
  | { kind: 'refused'; error: AwsError; why: string; auth?: RequestAuth };

/** AWS's message when the signature does not match (SignatureDoesNotMatch, 403). */
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** How far a signature's time may be from the lab's clock, either way. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/**
 * A signature more than 15 minutes from the server's clock (SignatureDoesNotMatch,
 * 403). Grade B: verbatim from STS in aws/aws-cli#6676 (GetCallerIdentity) and
 * devsecops/bootcamp#101 (AssumeRole); the "not yet current" text for a future
 * time is the same family's, seen from another Query service (serverless/enterprise#11).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */
export function skewError(amzDate: string, nowMs: number): AwsError | undefined {
  const at = parseAmzDate(amzDate);
  if (at === undefined || Math.abs(at - nowMs) <= MAX_SKEW_MS) return undefined;
  const now = formatAmzDate(nowMs);
  if (at < nowMs) {
    return {
      code: 'SignatureDoesNotMatch',
      message: `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${now} - 15 min.)`,
      httpStatus: 403,
    };
  }
  return {
    code: 'SignatureDoesNotMatch',
    message: `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${now} + 15 min.)`,
    httpStatus: 403,
  };
}

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

  /**
   * Checks the request's signature (Authorization header or presigned query
   * string, or none) against the key's secret and session token, and its time
   * against `nowMs`, the wall clock the lab follows.
   */
  check(req: SignedRequest, nowMs: number): Signer {
    let auth: RequestAuth | undefined;
    try {
      auth = readAuth(req);
    } catch (e) {
      const message = e instanceof MalformedAuthorization ? e.message : 'malformed Authorization header';
      return {
        kind: 'refused',
        error: { code: 'IncompleteSignature', message, httpStatus: 400 },
        why: 'the request carries a SigV4 signature the lab cannot read',
      };
    }
    if (!auth) return { kind: 'unsigned' };
    const key = this.keys.get(auth.accessKeyId);
    if (!key) {
      return {
        kind: 'refused',
        error: invalidClientTokenId(),
        why: `access key ${auth.accessKeyId} is not one this lab knows`,
        auth,
      };
    }
    const token = auth.securityToken;
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
    // Checked once the signature is known to be right: "Signature expired" says the signature itself was fine.
    const skew = skewError(auth.amzDate, nowMs);
    if (skew) {
      return {
        kind: 'refused',
        error: skew,
        why: `the request was signed at ${auth.amzDate}, more than 15 minutes from the lab's clock (a client clock that is off, or a presigned URL used too late)`,
        auth,
      };
    }
    return { kind: 'signed', key, auth };
  }
}
