import { syncStorageErrorMessage } from '../data/storageFailureMessage';
import { AppLockedError } from '../data/vaultKey';
import { isServerFailure } from './couchHttp';

/* What the sync status says when the engine stops or waits, in words for the person. */

export const SIGNED_OUT =
  'You were signed out of the sync server. Your records are safe on this device; sign in again to keep syncing.';
export const REFUSED =
  'The server does not let you use this database. Ask your program coordinator to check your access.';
const UNREACHABLE =
  'The sync server cannot be reached. Your changes are kept on this device and will be sent when it can.';
const LOCKED = 'Mentorlog is locked, and its sync keys with it: sync waits until you unlock it. Your changes are kept.';

/** Why a try failed: the server, the app lock, or the device's storage. */
export function failureMessage(error: unknown): string {
  if (isServerFailure(error)) return UNREACHABLE;
  if (error instanceof AppLockedError) return LOCKED;
  return syncStorageErrorMessage(error);
}
