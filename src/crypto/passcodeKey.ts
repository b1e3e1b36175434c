import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';
import { importContentKey, newContentKeyBytes, open, OpenError, seal, type Sealed } from './sealing';

/*
 * The app lock's vault: a random AES-GCM-256 key (the vault key) that seals the device's private
 * words at rest, itself sealed twice — by a key derived from the person's passcode and by one
 * derived from their recovery code. Neither the passcode nor any hash of it is stored: a passcode
 * is right when its box opens. Once opened, the vault key is imported non-extractable and held in
 * memory only.
 *
 * - The passcode is something a person chose and can be guessed at: PBKDF2-SHA-256, salted (16
 *   random bytes), at PASSCODE_ITERATIONS, which is what makes each guess cost as much as an unlock.
 * - The recovery code is 125 random bits: nothing to slow down, so one HKDF-SHA-256 suffices.
 */

/**
 * 600,000: OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). Measured unlocking in Chromium on the
 * project's machine: see README, Performance ("Unlocking with the passcode").
 */
export const PASSCODE_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const PASSCODE_CONTEXT = 'mentorlog app lock|passcode';
const RECOVERY_CONTEXT = 'mentorlog app lock|recovery code';

export interface PasscodeBox {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  sealed: Sealed;
}

export interface RecoveryBox {
  kdf: 'HKDF-SHA-256';
  salt: string;
  sealed: Sealed;
}

/** What is stored of the lock: the vault key's two boxes, with what derives their keys. */
export interface Vault {
  v: 1;
  passcode: PasscodeBox;
  recovery: RecoveryBox;
}

const AES_GCM = { name: 'AES-GCM', length: 256 } as const;

/** The same phrase typed on another keyboard (composed or not) gives the same key. */
const passcodeBytes = (passcode: string) => utf8(passcode.normalize('NFC'));

async function passcodeKey(passcode: string, salt: BufferSource, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', passcodeBytes(passcode), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, AES_GCM, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** `code` as the caller normalised it (src/domain/recoveryCode.ts): the same code however it was typed. */
async function recoveryKey(code: string, salt: BufferSource): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(code), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8(RECOVERY_CONTEXT) },
    base,
    AES_GCM,
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * A new vault for this passcode and recovery code, and its vault key (non-extractable). The key's
 * bytes exist only during this call.
 */
export async function createVault(
  passcode: string,
  recoveryCode: string,
  iterations: number = PASSCODE_ITERATIONS,
): Promise<{ vault: Vault; vaultKey: CryptoKey }> {
  const keyBytes = newContentKeyBytes();
  const passcodeSalt = randomBytes(SALT_BYTES);
  const recoverySalt = randomBytes(SALT_BYTES);
  const contents = toBase64Url(keyBytes);
  const vault: Vault = {
    v: 1,
    passcode: {
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64Url(passcodeSalt),
      sealed: await seal(await passcodeKey(passcode, passcodeSalt, iterations), contents, PASSCODE_CONTEXT),
    },
    recovery: {
      kdf: 'HKDF-SHA-256',
      salt: toBase64Url(recoverySalt),
      sealed: await seal(await recoveryKey(recoveryCode, recoverySalt), contents, RECOVERY_CONTEXT),
    },
  };
  const vaultKey = await importContentKey(keyBytes);
  keyBytes.fill(0);
  return { vault, vaultKey };
}

async function vaultKeyFrom(contents: unknown): Promise<CryptoKey> {
  const bytes = fromBase64Url(contents);
  if (!bytes || bytes.length !== 32) throw new OpenError('malformed');
  const key = await importContentKey(bytes);
  bytes.fill(0);
  return key;
}

/** The vault key, when this is the passcode; throws OpenError ('refused') when it is not. */
export async function openVaultWithPasscode(vault: Vault, passcode: string): Promise<CryptoKey> {
  const salt = fromBase64Url(vault.passcode.salt);
  if (!salt) throw new OpenError('malformed');
  const key = await passcodeKey(passcode, salt, vault.passcode.iterations);
  return vaultKeyFrom(await open(key, vault.passcode.sealed, PASSCODE_CONTEXT));
}

/** The vault key, when this (normalised) recovery code is the vault's; throws OpenError otherwise. */
export async function openVaultWithRecoveryCode(vault: Vault, recoveryCode: string): Promise<CryptoKey> {
  const salt = fromBase64Url(vault.recovery.salt);
  if (!salt) throw new OpenError('malformed');
  return vaultKeyFrom(await open(await recoveryKey(recoveryCode, salt), vault.recovery.sealed, RECOVERY_CONTEXT));
}

/** Whether a stored value has the shape of a vault (what localStorage gives back is not trusted). */
export function isVault(value: unknown): value is Vault {
  if (typeof value !== 'object' || value === null) return false;
  const { v, passcode, recovery } = value as Partial<Vault>;
  return (
    v === 1 &&
    typeof passcode === 'object' &&
    passcode !== null &&
    passcode.kdf === 'PBKDF2-SHA-256' &&
    Number.isInteger(passcode.iterations) &&
    passcode.iterations >= 1 &&
    typeof passcode.salt === 'string' &&
    typeof recovery === 'object' &&
    recovery !== null &&
    recovery.kdf === 'HKDF-SHA-256' &&
    typeof recovery.salt === 'string'
  );
}
