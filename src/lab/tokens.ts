/**
 * The lab's simulated identity providers: an OIDC ID token (a JWT) and a SAML
 * response (base64 XML) minted from a scenario step's token, signed with a key
 * only this lab knows, and read back into the engine's token shape when a
 * client sends them. A token whose signature does not verify comes back as
 * signed by nobody, so STS refuses it the way AWS refuses a forged token.
 * ID tokens are RS256, the one algorithm STS accepts (the AssumeRoleWithWebIdentity
 * API reference and service model; docs/decisions.md#id-token-algorithm).
 * JWT: https://datatracker.ietf.org/doc/html/rfc7519 ; JWS RS256: RFC 7518 §3.3 ; SAML for AWS:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
import {
  createHash,
  createHmac,
  generateKeyPair,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { parseInstant } from '../engine/sts/time.js';
import { escapeAttr, escapeXml } from './xml.js';

/** The one signature algorithm STS accepts on an ID token. */
const JWT_ALG = 'RS256';
const RSA_BITS = { modulusLength: 2048 } as const;

interface RsaPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as DER (SubjectPublicKeyInfo): what each signer's key id is derived from. */
  spki: Buffer;
}

const pairOf = (publicKey: KeyObject, privateKey: KeyObject): RsaPair => ({
  publicKey,
  privateKey,
  spki: publicKey.export({ type: 'spki', format: 'der' }),
});

/**
 * The lab's IdP keys. ID tokens: one RSA key pair, made on first need (2048-bit key generation takes
 * 0.1–0.3 s, so a lab without web identity steps never pays it, and `prepare` makes it off the main
 * thread), and per signer a key id (`kid`) derived from that key and the signer's name: as in a JWKS,
 * the kid says which key signed, and a kid this lab never issued is a key STS cannot retrieve. The kid
 * is covered by the signature (the JWS header is signed), so no one without the private key can claim
 * another signer. SAML assertions: an HMAC key per signer name, derived from a secret made at start.
 */
export class IdpKeys {
  private rsa?: RsaPair;
  private making?: Promise<void>;
  /** kid → signer, for every signer this lab issued a kid for. */
  private readonly signers = new Map<string, string>();

  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  /** Makes the RSA key pair in the background (libuv's thread pool), if it is not made yet. */
  prepare(): Promise<void> {
    this.making ??= new Promise((resolve, reject) =>
      generateKeyPair('rsa', RSA_BITS, (error, publicKey, privateKey) => {
        if (error) return reject(error);
        this.rsa ??= pairOf(publicKey, privateKey);
        resolve();
      }),
    );
    return this.making;
  }

  private pair(): RsaPair {
    if (!this.rsa) {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', RSA_BITS);
      this.rsa = pairOf(publicKey, privateKey);
    }
    return this.rsa;
  }

  /** The public half of the ID-token key (what a provider publishes in its JWKS). */
  publicKey(): KeyObject {
    return this.pair().publicKey;
  }

  /** `signer`'s key id: 22 base64url characters of SHA-256 over the public key and the signer's name. */
  kid(signer: string): string {
    const kid = createHash('sha256')
      .update(this.pair().spki)
      .update(`\n${signer}`)
      .digest('base64url')
      .slice(0, 22);
    this.signers.set(kid, signer);
    return kid;
  }

  /** An RS256 signature (RSASSA-PKCS1-v1_5 with SHA-256) of a JWT's `header.payload`. */
  signJwt(data: string): string {
    return sign('sha256', Buffer.from(data), this.pair().privateKey).toString('base64url');
  }

  /** Who signed `data` under `kid`, or undefined: a kid this lab never issued, or a signature that does not verify. */
  jwtSigner(kid: string, data: string, signature: string): string | undefined {
    const signer = this.signers.get(kid);
    if (signer === undefined || !this.rsa) return undefined;
    return verify('sha256', Buffer.from(data), this.rsa.publicKey, Buffer.from(signature, 'base64url'))
      ? signer
      : undefined;
  }

  sign(signer: string, data: string): string {
    const key = createHmac('sha256', this.secret).update(`idp|${signer}`).digest();
    return createHmac('sha256', key).update(data).digest('base64url');
  }
  verify(signer: string, data: string, signature: string): boolean {
    const want = Buffer.from(this.sign(signer, data));
    const got = Buffer.from(signature);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}

const NOBODY = '(signature does not verify)';
/** A JWS header whose `alg` is not RS256 (HS256, `none`…): STS does not verify it at all. */
const NOT_RS256 = '(not RS256: STS accepts only RS256-signed ID tokens)';
const STANDARD = new Set(['iss', 'sub', 'aud', 'exp', 'azp', 'iat', 'nbf', 'jti']);
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const seconds = (value: unknown, nowMs: number): number | undefined => {
  const ms = parseInstant(value, nowMs);
  return ms === undefined ? undefined : Math.floor(ms / 1000);
};

/** A step's `WebIdentityToken` (the engine's shape) as a signed JWT, times resolved at `nowMs`. */
export function mintJwt(token: Record<string, unknown>, nowMs: number, keys: IdpKeys): string {
  const signer = String(token.signedBy ?? token.iss ?? '');
  const payload: Record<string, unknown> = { iss: token.iss, sub: token.sub, aud: token.aud };
  if (token.azp !== undefined) payload.azp = token.azp;
  payload.iat = Math.floor(nowMs / 1000);
  payload.exp = seconds(token.exp ?? '+1h', nowMs);
  Object.assign(payload, token.claims ?? {});
  const head = b64url({ alg: JWT_ALG, typ: 'JWT', kid: keys.kid(signer) });
  const body = b64url(payload);
  return `${head}.${body}.${keys.signJwt(`${head}.${body}`)}`;
}

/** A JWT as the engine's token shape, or undefined when it is not a JWT at all. */
export function readJwt(jwt: string, keys: IdpKeys): Record<string, unknown> | undefined {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return undefined;
  let head: { alg?: unknown; kid?: unknown };
  let payload: Record<string, unknown>;
  try {
    head = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as {
      alg?: unknown;
      kid?: unknown;
    };
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  // The algorithm is the header's claim, checked before any key is used: an `alg: none` or HS256 token
  // is refused as such (InvalidIdentityToken, docs/decisions.md#id-token-algorithm), never verified
  // with the RSA public key as an HMAC secret (the classic JWT algorithm confusion).
  const rs256 = head?.alg === JWT_ALG;
  const kid = typeof head?.kid === 'string' ? head.kid : '';
  const signer = rs256 ? keys.jwtSigner(kid, `${parts[0]}.${parts[1]}`, parts[2]!) : undefined;
  const token: Record<string, unknown> = { signedBy: signer ?? (rs256 ? NOBODY : NOT_RS256), claims: {} };
  const claims = token.claims as Record<string, unknown>;
  for (const [k, v] of Object.entries(payload)) {
    if (k === '__proto__') continue;
    if (STANDARD.has(k)) {
      if (k !== 'iat' && k !== 'nbf' && k !== 'jti') token[k] = v;
    } else claims[k] = v;
  }
  return token;
}

const ATTR = 'https://aws.amazon.com/SAML/Attributes/';
/**
 * Where the IdP posted the response (SubjectConfirmationData Recipient): the AWS sign-in endpoint
 * unless the step says otherwise; STS sets SAML:aud from it (as the engine does).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
const SIGNIN = 'https://signin.aws.amazon.com/saml';

/** The fields of an assertion that the signature covers, in a fixed order. */
function samlSigned(a: Record<string, unknown>): string {
  const keys = ['issuer', 'subject', 'subjectType', 'sessionName', 'audience', 'roles', 'sessionDuration'];
  const more = ['notOnOrAfter', 'sessionNotOnOrAfter', 'tags', 'transitiveTagKeys', 'sourceIdentity'];
  return JSON.stringify([...keys, ...more, 'recipient'].map((k) => a[k] ?? null));
}

const attribute = (name: string, values: unknown[]) =>
  `      <saml:Attribute Name="${escapeAttr(name)}">${values
    .map((v) => `<saml:AttributeValue>${escapeXml(String(v))}</saml:AttributeValue>`)
    .join('')}</saml:Attribute>\n`;

/** A step's `SAMLAssertion` as a base64 SAML response, times resolved at `nowMs`. */
export function mintSaml(assertion: Record<string, unknown>, nowMs: number, keys: IdpKeys): string {
  const iso = (v: unknown) => {
    const ms = parseInstant(v, nowMs);
    return ms === undefined ? undefined : new Date(ms).toISOString();
  };
  const a: Record<string, unknown> = { ...assertion };
  a.notOnOrAfter = iso(assertion.notOnOrAfter ?? '+5m');
  if (assertion.sessionNotOnOrAfter !== undefined) a.sessionNotOnOrAfter = iso(assertion.sessionNotOnOrAfter);
  a.subjectType ??= 'persistent';
  a.recipient = String(a.recipient ?? SIGNIN);
  // Attribute values travel as text: sign them as text so the signature survives the round trip.
  if (a.tags && typeof a.tags === 'object') {
    a.tags = Object.fromEntries(
      Object.entries(a.tags as Record<string, unknown>).map(([k, v]) => [
        k,
        String(Array.isArray(v) ? v[0] : v),
      ]),
    );
  }
  if (Array.isArray(a.roles)) a.roles = a.roles.map(String);
  if (Array.isArray(a.transitiveTagKeys)) a.transitiveTagKeys = a.transitiveTagKeys.map(String);
  const signer = String(assertion.signedBy ?? '');
  const signature = keys.sign(signer, samlSigned(a));
  const tags = (a.tags ?? {}) as Record<string, unknown>;
  let attrs = attribute(`${ATTR}Role`, (a.roles as unknown[] | undefined) ?? []);
  if (a.sessionName !== undefined) attrs += attribute(`${ATTR}RoleSessionName`, [a.sessionName]);
  if (a.sessionDuration !== undefined) attrs += attribute(`${ATTR}SessionDuration`, [a.sessionDuration]);
  if (a.sourceIdentity !== undefined) attrs += attribute(`${ATTR}SourceIdentity`, [a.sourceIdentity]);
  for (const [k, v] of Object.entries(tags)) attrs += attribute(`${ATTR}PrincipalTag:${k}`, [v]);
  if (Array.isArray(a.transitiveTagKeys)) attrs += attribute(`${ATTR}TransitiveTagKeys`, a.transitiveTagKeys);
  const session = a.sessionNotOnOrAfter ? ` SessionNotOnOrAfter="${a.sessionNotOnOrAfter}"` : '';
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\n` +
    `  <saml:Issuer>${escapeXml(String(a.issuer ?? ''))}</saml:Issuer>\n` +
    `  <saml:Assertion>\n` +
    `    <saml:Issuer>${escapeXml(String(a.issuer ?? ''))}</saml:Issuer>\n` +
    `    <ds:Signature><ds:SignatureValue>${signature}</ds:SignatureValue><ds:KeyInfo><ds:KeyName>${escapeXml(signer)}</ds:KeyName></ds:KeyInfo></ds:Signature>\n` +
    `    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:${escapeAttr(String(a.subjectType))}">${escapeXml(String(a.subject ?? ''))}</saml:NameID>` +
    `<saml:SubjectConfirmation><saml:SubjectConfirmationData NotOnOrAfter="${a.notOnOrAfter}" Recipient="${escapeAttr(String(a.recipient))}"/></saml:SubjectConfirmation></saml:Subject>\n` +
    `    <saml:Conditions NotOnOrAfter="${a.notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(String(a.audience ?? ''))}</saml:Audience></saml:AudienceRestriction></saml:Conditions>\n` +
    `    <saml:AuthnStatement${session}/>\n` +
    `    <saml:AttributeStatement>\n${attrs}    </saml:AttributeStatement>\n` +
    `  </saml:Assertion>\n</samlp:Response>\n`;
  return Buffer.from(xml).toString('base64');
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|#13);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : '\r',
  );
const first = (xml: string, re: RegExp) => {
  const m = re.exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
};

/** A base64 SAML response as the engine's assertion shape, or undefined when it is not one. */
export function readSaml(base64: string, keys: IdpKeys): Record<string, unknown> | undefined {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text)) return undefined;
  const xml = Buffer.from(text, 'base64').toString('utf8');
  if (!xml.includes('<saml:Assertion')) return undefined;
  const a: Record<string, unknown> = {};
  a.issuer = first(xml, /<saml:Assertion>[\s\S]*?<saml:Issuer>([^<]*)<\/saml:Issuer>/);
  const format = first(xml, /<saml:NameID Format="urn:oasis:names:tc:SAML:2\.0:nameid-format:([^"]*)"/);
  if (format) a.subjectType = format;
  a.subject = first(xml, /<saml:NameID[^>]*>([^<]*)<\/saml:NameID>/);
  a.recipient = first(xml, /<saml:SubjectConfirmationData [^>]*Recipient="([^"]*)"/);
  a.audience = first(xml, /<saml:Audience>([^<]*)<\/saml:Audience>/);
  a.notOnOrAfter = first(xml, /<saml:Conditions NotOnOrAfter="([^"]*)"/);
  const session = first(xml, /<saml:AuthnStatement SessionNotOnOrAfter="([^"]*)"/);
  if (session) a.sessionNotOnOrAfter = session;
  const tags: Record<string, string> = {};
  for (const m of xml.matchAll(/<saml:Attribute Name="([^"]*)">([\s\S]*?)<\/saml:Attribute>/g)) {
    const name = unescapeXml(m[1]!);
    const values = [...m[2]!.matchAll(/<saml:AttributeValue>([^<]*)<\/saml:AttributeValue>/g)].map((v) =>
      unescapeXml(v[1]!),
    );
    const attr = name.startsWith(ATTR) ? name.slice(ATTR.length) : name;
    if (attr === 'Role') a.roles = values;
    else if (attr === 'RoleSessionName') a.sessionName = values[0];
    else if (attr === 'SessionDuration')
      a.sessionDuration = /^\d+$/.test(values[0] ?? '') ? Number(values[0]) : values[0];
    else if (attr === 'SourceIdentity') a.sourceIdentity = values[0];
    else if (attr === 'TransitiveTagKeys') a.transitiveTagKeys = values;
    else if (attr.startsWith('PrincipalTag:')) tags[attr.slice('PrincipalTag:'.length)] = values[0] ?? '';
  }
  if (Object.keys(tags).length) a.tags = tags;
  const signer = first(xml, /<ds:KeyName>([^<]*)<\/ds:KeyName>/) ?? '';
  const signature = first(xml, /<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/) ?? '';
  a.signedBy = keys.verify(signer, samlSigned(a), signature) ? signer : NOBODY;
  for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k];
  return a;
}
