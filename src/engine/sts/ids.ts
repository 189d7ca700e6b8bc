/**
 * Deterministic identifiers: the same world and calls give the same ids (no
 * Math.random). Formats follow the IAM identifiers page: unique ids are 21
 * characters with a 4-letter prefix (AIDA user, AROA role), access key ids 20
 * (AKIA long-term, ASIA temporary).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** FNV-1a 32-bit hash. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A deterministic stream of pseudo-random 32-bit numbers from a text seed (xorshift32). */
function stream(seed: string): () => number {
  let x = fnv1a(seed) || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Draws `length` characters from a power-of-two alphabet, several per 32-bit number. */
function draw(seed: string, alphabet: string, length: number): string {
  const next = stream(seed);
  const bits = Math.log2(alphabet.length);
  const perWord = Math.floor(32 / bits);
  const mask = alphabet.length - 1;
  const codes = new Array<number>(length);
  let word = 0;
  for (let i = 0; i < length; i++) {
    const slot = i % perWord;
    if (slot === 0) word = next();
    codes[i] = alphabet.charCodeAt((word >>> (slot * bits)) & mask);
  }
  return String.fromCharCode(...codes);
}

export const uniqueId = (prefix: 'AIDA' | 'AROA', seed: string): string =>
  prefix + draw(`${prefix}|${seed}`, BASE32, 17);
export const accessKeyId = (prefix: 'AKIA' | 'ASIA', seed: string): string =>
  prefix + draw(`${prefix}|${seed}`, BASE32, 16);
export const secretKey = (seed: string): string => draw(`secret|${seed}`, B64, 40);
/** A stand-in session token (real ones are longer and opaque; the trainer always masks them). */
export const sessionToken = (seed: string): string => `IQoJb3JpZ2luX2Vj${draw(`token|${seed}`, B64, 96)}`;
export const hex = (seed: string, length: number): string => draw(`hex|${seed}`, HEX, length);
