/*
 * Codes a person reads, types or writes down (an invitation's one-time code, the app lock's
 * recovery code), in Crockford's base32: no I, L, O or U, so that a code read aloud or copied by
 * hand is hard to get wrong.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` random characters, 5 bits each. */
export function randomCode(
  length: number,
  fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = new Uint8Array(length);
  fillRandom(bytes);
  // 256 is a multiple of 32, so the low five bits of a random byte are evenly spread.
  return Array.from(bytes, (byte) => ALPHABET.charAt(byte & 31)).join('');
}

/** The code in groups of `size`, joined by dashes, as a person reads it. */
export function groupCode(code: string, size: number): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? code;
}

/**
 * The code a person typed, in its one form, or null when it cannot be a code of this length: case,
 * spaces and dashes do not matter, O reads as 0 and I or L as 1.
 */
export function normalizeCode(typed: string, length: number): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === length && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}
