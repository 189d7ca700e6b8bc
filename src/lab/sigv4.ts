/**
 * Signature Version 4, checked the way AWS checks it: rebuild the canonical
 * request from what arrived, derive the signing key from the secret of the
 * access key and the credential scope, and compare signatures. Both ways of
 * sending a signature are read: the `Authorization` header and query-string
 * authentication (a presigned URL: `X-Amz-Algorithm`, `X-Amz-Credential`, …).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-authentication-methods.html
 *
 * This runs once per lab request, so the hashes use `crypto.hash` (one call, no
 * Hash object) and the derived signing keys are cached per (secret, date, region, service).
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { parseForm } from './query.js';

/** The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface SigV4Auth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** A request's SigV4 authentication, from its header or its query string. */
export interface RequestAuth extends SigV4Auth {
  /** The time the signature is for (`X-Amz-Date`, else the `Date` header), as sent. */
  amzDate: string;
  /** Query-string authentication (a presigned URL). */
  presigned: boolean;
  /** `X-Amz-Security-Token`, from the header or the query string. */
  securityToken?: string;
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
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

function scopeOf(credential: string, shown: string): [string, string, string, string] {
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw new MalformedAuthorization(`Credential should be scoped to correct service: 'sts'. ${shown}`);
  }
  return scope as [string, string, string, string];
}

export function parseAuthorization(header: string): SigV4Auth {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw new MalformedAuthorization(`Unsupported AWS 'algorithm': '${header.split(' ')[0] ?? ''}'`);
  }
  const fields = new Map<string, string>();
  // AWS reads the pairs between commas and spaces: an access key with a space in it
  // (`Credential=AKIA X/…`) leaves a fragment without `=`, which AWS names (IncompleteSignature, grade B:
  // docs/decisions.md#error-messages; recorded in Hadoop S3A assumed_roles.md "invalid_keypair")
  for (const part of header
    .slice(ALGORITHM.length + 1)
    .split(/[\s,]+/)
    .filter(Boolean)) {
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
  const [accessKeyId, date, region, service] = scopeOf(credential!, `Authorization=${header}`);
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: signedHeaders!.toLowerCase().split(';'),
    signature: signature!,
  };
}

/** The query-string parameters of a presigned request, in the order AWS asks for the missing one. */
const QUERY_AUTH = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
];

/**
 * A presigned request's authentication. The wording for a missing parameter is
 * AWS's Coral text as remembered, not captured from the wire (grade D).
 */
function parseQueryAuth(query: Map<string, string>): RequestAuth {
  for (const name of QUERY_AUTH) {
    if (!query.get(name)) {
      throw new MalformedAuthorization(
        `AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`,
      );
    }
  }
  const algorithm = query.get('X-Amz-Algorithm')!;
  if (algorithm !== ALGORITHM)
    throw new MalformedAuthorization(`Unsupported AWS 'algorithm': '${algorithm}'`);
  const credential = query.get('X-Amz-Credential')!;
  const [accessKeyId, date, region, service] = scopeOf(credential, `X-Amz-Credential=${credential}`);
  const token = query.get('X-Amz-Security-Token');
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: query.get('X-Amz-SignedHeaders')!.toLowerCase().split(';'),
    signature: query.get('X-Amz-Signature')!,
    amzDate: query.get('X-Amz-Date')!,
    presigned: true,
    ...(token !== undefined ? { securityToken: token } : {}),
  };
}

/**
 * The request's SigV4 authentication, or undefined when it carries none (an
 * unsigned request). Throws MalformedAuthorization for one AWS cannot read.
 */
export function readAuth(req: SignedRequest): RequestAuth | undefined {
  const header = req.headers.authorization?.[0];
  if (header !== undefined) {
    const auth = parseAuthorization(header) as RequestAuth;
    auth.amzDate = req.headers['x-amz-date']?.[0] ?? req.headers['date']?.[0] ?? '';
    auth.presigned = false;
    const token = req.headers['x-amz-security-token']?.[0];
    if (token !== undefined) auth.securityToken = token;
    return auth;
  }
  if (!req.query.includes('X-Amz-')) return undefined;
  const query = parseForm(req.query);
  if (!query.has('X-Amz-Algorithm') && !query.has('X-Amz-Signature')) return undefined;
  return parseQueryAuth(query);
}

/** `20260302T100000Z` as epoch ms, or undefined when it is not in that form. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch ms as SigV4's basic ISO-8601 form, `20260302T100000Z`. */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case). */
export function uriEncode(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
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
  if (path === '/' || path === '') return '/';
  if (service === 's3') return path;
  return path
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

const MULTI_SPACE = /\s{2,}|[\t\n\r\f\v]/;

/** A header value as SigV4 signs it: trimmed, inner runs of white space as one space. */
function canonicalValue(value: string): string {
  const trimmed = value.trim();
  return MULTI_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

const sha256 = (data: string | Buffer) => hash('sha256', data, 'hex');

function canonicalHeaders(req: SignedRequest, auth: SigV4Auth): string {
  let out = '';
  for (const name of auth.signedHeaders) {
    const values = req.headers[name];
    let joined = '';
    if (values) {
      joined = values.length === 1 ? canonicalValue(values[0]!) : values.map(canonicalValue).join(',');
    }
    out += `${name}:${joined}\n`;
  }
  return out;
}

/**
 * The payload hash a client signed: a header's (S3 may say UNSIGNED-PAYLOAD); for a presigned
 * S3 URL, UNSIGNED-PAYLOAD; else the body's (for a presigned GET, the empty body's: what
 * botocore and the JavaScript SDK sign for every other service).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
function payloadHash(req: SignedRequest, auth?: RequestAuth): string {
  const header = req.headers['x-amz-content-sha256']?.[0];
  if (header !== undefined) return header;
  return auth?.presigned && auth.service === 's3' ? UNSIGNED_PAYLOAD : sha256(req.body);
}

export function canonicalRequest(req: SignedRequest, auth: SigV4Auth, payload = payloadHash(req)): string {
  return `${req.method}\n${canonicalPath(req.path, auth.service)}\n${canonicalQuery(req.query)}\n${canonicalHeaders(req, auth)}\n${auth.signedHeaders.join(';')}\n${payload}`;
}

// Signing keys depend only on the secret and the scope: keep the last few (hot path under load).
const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, auth: SigV4Auth): Buffer {
  const id = `${secret}/${auth.date}/${auth.region}/${auth.service}`;
  let key = keyCache.get(id);
  if (!key) {
    if (keyCache.size >= 1024) keyCache.clear();
    const hmac = (k: string | Buffer, data: string) => createHmac('sha256', k).update(data).digest();
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth.date), auth.region), auth.service), 'aws4_request');
    keyCache.set(id, key);
  }
  return key;
}

function signatureOver(
  req: SignedRequest,
  auth: SigV4Auth,
  secret: string,
  amzDate: string,
  payload: string,
) {
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${auth.date}/${auth.region}/${auth.service}/aws4_request\n${sha256(canonicalRequest(req, auth, payload))}`;
  return createHmac('sha256', signingKey(secret, auth)).update(stringToSign).digest('hex');
}

/** The signature a client holding `secret` computes for this request (header authentication). */
export function expectedSignature(req: SignedRequest, auth: SigV4Auth, secret: string): string {
  const amzDate = req.headers['x-amz-date']?.[0] ?? req.headers['date']?.[0] ?? '';
  return signatureOver(req, auth, secret, amzDate, payloadHash(req));
}

function same(want: string, got: string): boolean {
  return want.length === got.length && timingSafeEqual(Buffer.from(want), Buffer.from(got));
}

/** True when the request's signature is the one the secret produces. */
export function signatureMatches(req: SignedRequest, auth: RequestAuth, secret: string): boolean {
  return same(signatureOver(req, auth, secret, auth.amzDate, payloadHash(req, auth)), auth.signature);
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
