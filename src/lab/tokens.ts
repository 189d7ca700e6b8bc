/**
 * The lab's simulated identity providers: an OIDC ID token (a JWT) and a SAML
 * response (base64 XML) minted from a scenario step's token, signed with a key
 * only this lab knows, and read back into the engine's token shape when a
 * client sends them. A token whose signature does not verify comes back as
 * signed by nobody, so STS refuses it the way AWS refuses a forged token.
 * JWT: https://datatracker.ietf.org/doc/html/rfc7519 ; SAML for AWS:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseInstant } from '../engine/sts/time.js';
import { escapeAttr, escapeXml } from './xml.js';

/** Signs and verifies tokens with one key per signer name, derived from a secret made when the lab starts. */
export class IdpKeys {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}
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
  const head = b64url({ alg: 'HS256', typ: 'JWT', kid: signer });
  const body = b64url(payload);
  return `${head}.${body}.${keys.sign(signer, `${head}.${body}`)}`;
}

/** A JWT as the engine's token shape, or undefined when it is not a JWT at all. */
export function readJwt(jwt: string, keys: IdpKeys): Record<string, unknown> | undefined {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return undefined;
  let head: { kid?: unknown };
  let payload: Record<string, unknown>;
  try {
    head = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { kid?: unknown };
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const signer = typeof head?.kid === 'string' ? head.kid : '';
  const ok = keys.verify(signer, `${parts[0]}.${parts[1]}`, parts[2]!);
  const token: Record<string, unknown> = { signedBy: ok ? signer : NOBODY, claims: {} };
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
