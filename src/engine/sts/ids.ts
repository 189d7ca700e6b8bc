/**
 * Deterministic identifiers: the same world and calls give the same ids (no
 * Math.random). Formats follow the IAM identifiers page: unique ids are 21
 * characters with a 4-letter prefix (AIDA user, AROA role), access key ids 20
 * (AKIA long-term, ASIA temporary).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
/** A power-of-two alphabet and the bits one character takes. */
interface Alphabet {
  chars: string;
  bits: number;
}
const BASE32: Alphabet = { chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', bits: 5 };
const HEX: Alphabet = { chars: '0123456789abcdef', bits: 4 };
const B64: Alphabet = { chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', bits: 6 };

/** FNV-1a 32-bit hash, continuing from `h` (so hashing `a` then `b` is hashing `a + b`). */
function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * One character-code array per length, reused: ids are minted on every call, and filling an array
 * that String.fromCharCode then reads whole is far cheaper than spreading a fresh one.
 */
const buffers = new Map<number, number[]>();

/**
 * Draws `length` characters from an alphabet, several per 32-bit number of a deterministic
 * pseudo-random stream (xorshift32) seeded by the FNV-1a hash of `${domain}|${seed}`.
 */
function draw(domain: string, seed: string, alphabet: Alphabet, length: number): string {
  let x = fnv1a(seed, fnv1a('|', fnv1a(domain))) || 0x9e3779b9;
  const { chars, bits } = alphabet;
  const perWord = Math.floor(32 / bits);
  const mask = chars.length - 1;
  let codes = buffers.get(length);
  if (!codes) buffers.set(length, (codes = new Array<number>(length).fill(0)));
  let word = 0;
  for (let i = 0, slot = perWord; i < length; i++, slot++) {
    if (slot === perWord) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      word = x;
      slot = 0;
    }
    codes[i] = chars.charCodeAt((word >>> (slot * bits)) & mask);
  }
  return String.fromCharCode.apply(null, codes);
}

export const uniqueId = (prefix: 'AIDA' | 'AROA', seed: string): string =>
  prefix + draw(prefix, seed, BASE32, 17);
export const accessKeyId = (prefix: 'AKIA' | 'ASIA', seed: string): string =>
  prefix + draw(prefix, seed, BASE32, 16);
export const secretKey = (seed: string): string => draw('secret', seed, B64, 40);
/** A stand-in session token (real ones are longer and opaque; the trainer always masks them). */
export const sessionToken = (seed: string): string => 'IQoJb3JpZ2luX2Vj' + draw('token', seed, B64, 96);
export const hex = (seed: string, length: number): string => draw('hex', seed, HEX, length);
