import { lockIsSet, useAppLockStore } from '../state/appLockStore';

/** What is refused while the app is locked: a write of private words, a backup, opening a sync key. */
export class AppLockedError extends Error {}

/**
 * The vault key that seals and opens private words: null when no lock is set. Throws while the app
 * is locked, so that a write is refused rather than storing words in the clear, and a backup is not
 * made with them missing.
 */
export function unlockedVaultKey(): CryptoKey | null {
  const { vaultKey } = useAppLockStore.getState();
  if (vaultKey) return vaultKey;
  // Read afresh: another tab may have set a lock since this one started.
  if (lockIsSet()) {
    useAppLockStore.setState({ lockSet: true, vaultKey: null });
    throw new AppLockedError('The app is locked. Unlock it with your passcode, then save again.');
  }
  return null;
}
