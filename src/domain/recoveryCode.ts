/*
 * The app lock's recovery code: written down when the lock is set, it opens the lock when the
 * passcode is forgotten. Crockford's base32 as the invitation's codes are (no I, L, O or U, so that
 * a code copied by hand is hard to get wrong), 25 characters of 5 bits: 125 random bits, shown in
 * five groups of five.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 25;
const GROUP = 5;

export function newRecoveryCode(
  fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = new Uint8Array(RECOVERY_CODE_LENGTH);
  fillRandom(bytes);
  // 256 is a multiple of 32, so the low five bits of a random byte are evenly spread.
  return Array.from(bytes, (byte) => ALPHABET.charAt(byte & 31)).join('');
}

/** The code as a person reads and writes it: groups of five joined by dashes. */
export function formatRecoveryCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/**
 * The code a person typed in its one form (the form its key is derived from), or null when it
 * cannot be a recovery code: case, spaces and dashes do not matter, O reads as 0 and I or L as 1.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : null;
}
