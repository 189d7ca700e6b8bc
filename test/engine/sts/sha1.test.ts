// The SAML NameQualifier's hash: SHA-1 in base64, checked against published vectors.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html#API_AssumeRoleWithSAML_ResponseElements
import { describe, expect, it } from 'vitest';
import { nameQualifier, sha1Base64 } from '../../../src/engine/sts/sha1.js';

const hexToBase64 = (hex: string) =>
  btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16))));

describe('SHA-1 in base64', () => {
  // FIPS 180-2 appendix A vectors and the empty string (RFC 3174 test suite).
  it.each([
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ])('SHA-1(%j) = %s', (text, hex) => {
    expect(sha1Base64(text)).toBe(hexToBase64(hex));
  });

  it('hashes the UTF-8 bytes of the text', () => {
    // "é" is the two bytes C3 A9 in UTF-8 (digest from OpenSSL: printf '\xc3\xa9' | sha1sum).
    expect(sha1Base64('é')).toBe(hexToBase64('bf15be717ac1b080b4f1c456692825891ff5073d'));
  });

  it('is the hash of Issuer + AccountId + "/" + ProviderName', () => {
    expect(nameQualifier('ab', 'c', 'd')).toBe(sha1Base64('abc/d'));
    expect(nameQualifier('https://idp.example.com', '111122223333', 'Okta')).toBe(
      '/ls9wKIr3rlyKC88ypRs9SigvXs=', // from OpenSSL (sha1sum | xxd -r -p | base64)
    );
  });
});
