import { forgetSyncAccount } from '../../data/syncAccount';

/**
 * Stops syncing on this device: the device forgets its account (every tab stops syncing), its
 * records stay, and nothing is deleted from the server. The one function the screen calls, so
 * that the sync engine's own clean-up joins it in one place.
 */
export async function stopSyncingOnThisDevice(): Promise<void> {
  forgetSyncAccount();
}
