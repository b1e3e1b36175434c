import {
  createVault,
  isVault,
  openVaultWithPasscode,
  openVaultWithRecoveryCode,
  PASSCODE_ITERATIONS,
  type Vault,
} from '../crypto/passcodeKey';
import { db, type MentorlogDatabase } from '../db/database';
import { normalizeRecoveryCode } from '../domain/recoveryCode';
import { APP_LOCK_KEY, useAppLockStore } from '../state/appLockStore';
import { relockKeyring } from './keyring';
import { openAllLockedWords, sealAllPrivateWords, type LockProgress } from './lockedWords';
import { unlockedVaultKey } from './vaultKey';

/*
 * The app lock: its setting in localStorage (`mentorlog.appLock`, read synchronously at start by
 * src/state/appLockStore.ts), and turning it on, off, locking and unlocking. The setting holds the
 * vault (the vault key sealed by the passcode and by the recovery code, with what derives their
 * keys), never the key. Kept beside the database in the browser's storage for this site, so that
 * clearing the site's data clears both.
 */

/** Minutes without a touch or key press after which an unlocked app locks itself. */
export const IDLE_MINUTES_CHOICES = [1, 5, 15, 60] as const;
export type IdleMinutes = (typeof IDLE_MINUTES_CHOICES)[number];
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 5;

export interface LockSetting {
  vault: Vault;
  idleMinutes: IdleMinutes;
  /** 'pending' until every existing private entry is sealed: the next unlock finishes the job. */
  sealing: 'pending' | 'done';
}

export function readLockSetting(): LockSetting | null {
  try {
    const stored = localStorage.getItem(APP_LOCK_KEY);
    const parsed: unknown = stored === null ? null : JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { vault, idleMinutes, sealing } = parsed as Partial<LockSetting>;
    if (!isVault(vault)) return null;
    return {
      vault,
      idleMinutes: IDLE_MINUTES_CHOICES.find((choice) => choice === idleMinutes) ?? DEFAULT_IDLE_MINUTES,
      sealing: sealing === 'done' ? 'done' : 'pending',
    };
  } catch {
    return null;
  }
}

function writeLockSetting(setting: LockSetting): void {
  localStorage.setItem(APP_LOCK_KEY, JSON.stringify(setting));
}

export { unlockedVaultKey } from './vaultKey';

/** Forgets the vault key: the app shows only its lock screen until it is unlocked again. */
export function lockNow(): void {
  if (useAppLockStore.getState().lockSet) useAppLockStore.setState({ vaultKey: null });
}

async function unlockWith(vaultKey: CryptoKey, setting: LockSetting, database: MentorlogDatabase): Promise<void> {
  useAppLockStore.setState({ lockSet: true, vaultKey });
  // Turning the lock on was cut short (the app closed mid-way): finish sealing in the background.
  if (setting.sealing === 'pending') void finishSealing(vaultKey, database);
}

/** Unlocks with the passcode; false when it is not the passcode (nothing opens). */
export async function unlockWithPasscode(passcode: string, database: MentorlogDatabase = db): Promise<boolean> {
  const setting = readLockSetting();
  if (!setting) {
    useAppLockStore.setState({ lockSet: false, vaultKey: null });
    return true;
  }
  try {
    await unlockWith(await openVaultWithPasscode(setting.vault, passcode), setting, database);
    return true;
  } catch {
    return false;
  }
}

/** Unlocks with the recovery code as typed: 'not-a-code' when it cannot be one, 'wrong' when it is not this lock's. */
export async function unlockWithRecoveryCode(
  typed: string,
  database: MentorlogDatabase = db,
): Promise<'opened' | 'not-a-code' | 'wrong'> {
  const code = normalizeRecoveryCode(typed);
  if (code === null) return 'not-a-code';
  const setting = readLockSetting();
  if (!setting) return 'opened';
  try {
    await unlockWith(await openVaultWithRecoveryCode(setting.vault, code), setting, database);
    return 'opened';
  } catch {
    return 'wrong';
  }
}

async function finishSealing(
  vaultKey: CryptoKey,
  database: MentorlogDatabase,
  onProgress?: (progress: LockProgress) => void,
): Promise<void> {
  await sealAllPrivateWords(database, vaultKey, onProgress);
  // The sync keys too: none readable in the browser's files while the app is locked.
  await relockKeyring(vaultKey, null, database);
  const setting = readLockSetting();
  if (setting) writeLockSetting({ ...setting, sealing: 'done' });
}

/**
 * Sets the lock: a new vault for this passcode and recovery code, unlocked at once, then every
 * existing private entry sealed (with progress). The setting is stored before the sealing starts,
 * so that a run cut short is finished by the next unlock.
 */
export async function turnLockOn(
  choice: { passcode: string; recoveryCode: string; idleMinutes: IdleMinutes },
  onProgress?: (progress: LockProgress) => void,
  database: MentorlogDatabase = db,
  iterations: number = PASSCODE_ITERATIONS,
): Promise<void> {
  const code = normalizeRecoveryCode(choice.recoveryCode);
  if (code === null) throw new Error('That recovery code is not one this app made.');
  const { vault, vaultKey } = await createVault(choice.passcode, code, iterations);
  writeLockSetting({ vault, idleMinutes: choice.idleMinutes, sealing: 'pending' });
  useAppLockStore.setState({ lockSet: true, vaultKey });
  await finishSealing(vaultKey, database, onProgress);
}

/**
 * Removes the lock, when this is the passcode (false otherwise): every sealed entry is given its
 * words back in the clear (with progress), then the setting goes. Cut short, the lock stays set
 * and turning it off again finishes.
 */
export async function turnLockOff(
  passcode: string,
  onProgress?: (progress: LockProgress) => void,
  database: MentorlogDatabase = db,
): Promise<boolean> {
  const setting = readLockSetting();
  if (!setting) return true;
  let vaultKey: CryptoKey;
  try {
    vaultKey = await openVaultWithPasscode(setting.vault, passcode);
  } catch {
    return false;
  }
  await openAllLockedWords(database, vaultKey, onProgress);
  await relockKeyring(null, vaultKey, database);
  localStorage.removeItem(APP_LOCK_KEY);
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
  return true;
}

/**
 * Seals private words that arrived in the clear (a backup imported while the lock is on); nothing
 * to do without a lock.
 */
export async function sealNewPrivateWords(database: MentorlogDatabase = db): Promise<void> {
  const vaultKey = unlockedVaultKey();
  if (vaultKey) await sealAllPrivateWords(database, vaultKey);
}

/** Changes after how many idle minutes the app locks itself. */
export function setIdleMinutes(idleMinutes: IdleMinutes): void {
  const setting = readLockSetting();
  if (setting) writeLockSetting({ ...setting, idleMinutes });
}
