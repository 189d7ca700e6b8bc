/**
 * The SAML NameQualifier: BASE64(SHA1(Issuer + AccountId + "/" + ProviderName)).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html#API_AssumeRoleWithSAML_ResponseElements
 * SHA-1 is @noble/hashes' (audited, pure JavaScript: the engine imports no Node modules); UTF-8 and
 * base64 are the web-standard TextEncoder and btoa, globals in every supported Node.
 */
import { sha1 } from '@noble/hashes/legacy.js';

/** base64 of the SHA-1 of a string's UTF-8 bytes. */
export function sha1Base64(text: string): string {
  const digest = sha1(new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...digest));
}

/** The SAML NameQualifier (and `saml:namequalifier`) for an issuer, account and provider name. */
export const nameQualifier = (issuer: string, account: string, provider: string): string =>
  sha1Base64(`${issuer}${account}/${provider}`);
