import { groupCode, normalizeCode, randomCode } from './crockford';

/*
 * The app lock's recovery code: written down when the lock is set, it opens the lock when the
 * passcode is forgotten. Crockford's base32 as the invitation's codes are (no I, L, O or U, so that
 * a code copied by hand is hard to get wrong), 25 characters of 5 bits: 125 random bits, shown in
 * five groups of five.
 */

export const RECOVERY_CODE_LENGTH = 25;
const GROUP = 5;

export function newRecoveryCode(fillRandom?: (bytes: Uint8Array<ArrayBuffer>) => void): string {
  return randomCode(RECOVERY_CODE_LENGTH, fillRandom);
}

/** The code as a person reads and writes it: groups of five joined by dashes. */
export function formatRecoveryCode(code: string): string {
  return groupCode(code, GROUP);
}

/** The code a person typed in its one form (the form its key is derived from), or null when it cannot be a recovery code. */
export function normalizeRecoveryCode(typed: string): string | null {
  return normalizeCode(typed, RECOVERY_CODE_LENGTH);
}
