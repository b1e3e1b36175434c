/*
 * Keys kept outside the sync engine (a device removed on the devices screen makes a new
 * generation) must reach the engine, which reads the keyring once (dexieSyncStore.ts): a counter it
 * compares, moved here and, through a BroadcastChannel, in the other tabs of the origin (the engine
 * runs in one of them, oneSyncingTab.ts).
 */

let version = 0;
const CHANNEL = 'mentorlog-keyring';
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
channel?.addEventListener('message', () => {
  version++;
});
// Node (the sync tests) would otherwise keep running for the channel's sake.
(channel as { unref?: () => void } | null)?.unref?.();

/** How many times the keyring changed since this page loaded, as far as this tab knows. */
export function keyringVersion(): number {
  return version;
}

/** Says that this device's keyring changed: the engine reads it again before its next seal or open. */
export function announceKeyringChange(): void {
  version++;
  channel?.postMessage(version);
}
