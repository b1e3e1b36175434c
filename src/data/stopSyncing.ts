import { useSyncStatusStore } from '../state/syncStatusStore';
import { clearSyncBookkeeping } from './syncBookkeeping';
import { forgetSyncAccount } from './syncAccount';

/**
 * "Stop syncing on this device": the account is forgotten (every tab's engine stops: the layout's
 * SyncRunner follows the account), then the sync bookkeeping (checkpoints, revs, pending marks) is
 * cleared. Every record stays on the device, as does the change clock, which never goes back.
 * Connecting again later joins the device's pairs with their history once more.
 */
export async function stopSyncingOnThisDevice(): Promise<void> {
  forgetSyncAccount();
  useSyncStatusStore.getState().setStatus(null);
  await clearSyncBookkeeping();
}
