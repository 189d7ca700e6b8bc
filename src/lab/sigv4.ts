/**
 * Signature Version 4, checked the way AWS checks it: rebuild the canonical
 * request from what arrived, derive the signing key from the secret of the
 * access key and the credential scope, and compare signatures.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface SigV4Auth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** What the canonical request is built from, as received. */
export interface SignedRequest {
  method: string;
  /** The raw path, without the query string, exactly as sent. */
  path: string;
  /** The raw query string (no leading `?`). */
  query: string;
  /** Header values by lower-case name; repeated headers as a list, in the order received. */
  headers: Record<string, string[]>;
  body: Buffer;
}

/** Why an Authorization header could not be read (AWS answers IncompleteSignature). */
export class MalformedAuthorization extends Error {}

const ALGORITHM = 'AWS4-HMAC-SHA256';

export function parseAuthorization(header: string): SigV4Auth {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw new MalformedAuthorization(`Unsupported AWS 'algorithm': '${header.split(' ')[0] ?? ''}'`);
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw new MalformedAuthorization(
        `'${part.trim()}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
      );
    }
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  for (const [name, value] of [
    ['Credential', credential],
    ['SignedHeaders', signedHeaders],
    ['Signature', signature],
  ] as const) {
    if (!value) {
      throw new MalformedAuthorization(
        `Authorization header requires '${name}' parameter. Authorization=${header}`,
      );
    }
  }
  const scope = credential!.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw new MalformedAuthorization(
      `Credential should be scoped to correct service: 'sts'. Authorization=${header}`,
    );
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: signedHeaders!.split(';').map((h) => h.toLowerCase()),
    signature: signature!,
  };
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/** The canonical query string: every name=value re-encoded, sorted by name then value. */
export function canonicalQuery(query: string): string {
  if (!query) return '';
  const pairs = query
    .split('&')
    .filter((p) => p.length > 0)
    .map((p) => {
      const eq = p.indexOf('=');
      const name = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return [uriEncode(safeDecode(name)), uriEncode(safeDecode(value))] as const;
    })
    .filter(([name]) => name !== 'X-Amz-Signature');
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/**
 * The canonical URI: S3 signs the path as sent; every other service signs each
 * segment URI-encoded once more (so `%2F` becomes `%252F`).
 */
export function canonicalPath(path: string, service: string): string {
  const p = path || '/';
  if (service === 's3') return p;
  return p
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export function canonicalRequest(req: SignedRequest, auth: SigV4Auth): string {
  const headers = auth.signedHeaders
    .map((name) => {
      const values = req.headers[name] ?? [];
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
    })
    .join('');
  // S3 (and any client that sends it) puts the payload hash in a header, which may say UNSIGNED-PAYLOAD.
  const payload = req.headers['x-amz-content-sha256']?.[0] ?? sha256(req.body);
  return [
    req.method,
    canonicalPath(req.path, auth.service),
    canonicalQuery(req.query),
    headers,
    auth.signedHeaders.join(';'),
    payload,
  ].join('\n');
}

// Signing keys depend only on the secret and the scope: keep the last few (hot path under load).
const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, auth: SigV4Auth): Buffer {
  const id = `${secret}/${auth.date}/${auth.region}/${auth.service}`;
  let key = keyCache.get(id);
  if (!key) {
    if (keyCache.size >= 256) keyCache.clear();
    const kDate = hmac(`AWS4${secret}`, auth.date);
    key = hmac(hmac(hmac(kDate, auth.region), auth.service), 'aws4_request');
    keyCache.set(id, key);
  }
  return key;
}

/** The signature a client holding `secret` computes for this request. */
export function expectedSignature(req: SignedRequest, auth: SigV4Auth, secret: string): string {
  const amzDate = req.headers['x-amz-date']?.[0] ?? req.headers['date']?.[0] ?? '';
  const stringToSign = [
    ALGORITHM,
    amzDate,
    `${auth.date}/${auth.region}/${auth.service}/aws4_request`,
    sha256(canonicalRequest(req, auth)),
  ].join('\n');
  return createHmac('sha256', signingKey(secret, auth)).update(stringToSign).digest('hex');
}

/** True when the request's signature is the one the secret produces. */
export function signatureMatches(req: SignedRequest, auth: SigV4Auth, secret: string): boolean {
  const want = Buffer.from(expectedSignature(req, auth, secret));
  const got = Buffer.from(auth.signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Signs a request (for tests and the bench's load generator): returns the Authorization header. */
export function sign(
  req: SignedRequest,
  creds: { accessKeyId: string; secretAccessKey: string },
  scope: { date: string; region: string; service: string },
): string {
  const signedHeaders = Object.keys(req.headers)
    .filter((h) => h === 'host' || h.startsWith('x-amz-') || h === 'content-type')
    .sort();
  const auth: SigV4Auth = { accessKeyId: creds.accessKeyId, ...scope, signedHeaders, signature: '' };
  const signature = expectedSignature(req, auth, creds.secretAccessKey);
  return `${ALGORITHM} Credential=${creds.accessKeyId}/${scope.date}/${scope.region}/${scope.service}/aws4_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}
