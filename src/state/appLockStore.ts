import { create } from 'zustand';

/*
 * Whether this device has an app lock, and the vault key while it is unlocked. The flag is read
 * from localStorage synchronously as the app starts, so that its first screen is the lock screen,
 * never a record. The key (a non-extractable CryptoKey, src/crypto/passcodeKey.ts) lives here in
 * memory only: locking, closing or reloading the app forgets it.
 */

/** The lock's setting (src/data/appLock.ts); present exactly while a lock is set. */
export const APP_LOCK_KEY = 'mentorlog.appLock';

/** Whether a lock is set on this device, as stored now (another tab may have set one since). */
export function lockIsSet(): boolean {
  try {
    return localStorage.getItem(APP_LOCK_KEY) !== null;
  } catch {
    // Storage that cannot be read holds no lock setting either.
    return false;
  }
}

interface AppLockState {
  lockSet: boolean;
  vaultKey: CryptoKey | null;
}

export const useAppLockStore = create<AppLockState>(() => ({ lockSet: lockIsSet(), vaultKey: null }));

/** Whether the app must show only its lock screen. */
export const selectLocked = (state: AppLockState): boolean => state.lockSet && state.vaultKey === null;
