import { readSyncAccount, subscribeSyncAccount } from '../data/syncAccount';
import type { SyncAccount } from '../domain/syncAccount';
import { useSyncStatusStore } from '../state/syncStatusStore';

/** What `startDeviceSync` gives back, as far as this module needs it. */
interface Running {
  stop(): Promise<void>;
}

/** How the engine is started: src/sync/deviceSync.ts, loaded only when there is an account. */
export type StartSync = (account: SyncAccount) => Promise<Running>;

const loadAndStart: StartSync = async (account) => (await import('../sync/deviceSync')).startDeviceSync(account);

/**
 * Runs this device's sync while it has an account: the engine's code is loaded only then (a
 * dynamic import: none of src/sync is in the first screen's JavaScript), started again when the
 * account changes (in any tab) or someone asks (`requestRestart`, after signing in again), and
 * stopped when the account goes. main.tsx starts this (startSyncRunner.ts) once the first screen
 * shows its data: it is a module rather than a component in the layout, so that not even the
 * check for an account weighs on the first screen's JavaScript (~200 bytes gzipped instead of
 * ~800) or competes with its reads. Returns a stop.
 */
export function runSyncWhileConnected(start: StartSync = loadAndStart): () => void {
  let wanted: string | null = null;
  // Each start waits for the engine before it to stop: two never run side by side in one tab.
  let running: Promise<Running | null> = Promise.resolve(null);

  const follow = (restart: boolean) => {
    const account = readSyncAccount();
    const key = account ? JSON.stringify(account) : null;
    if (key === wanted && !restart) return;
    wanted = key;
    const ask = Symbol('start');
    latest = ask;
    running = running
      .then(async (previous) => {
        await previous?.stop();
        if (latest !== ask) return null;
        if (!account) {
          useSyncStatusStore.getState().setStatus(null);
          return null;
        }
        return start(account);
      })
      .catch(() => null);
  };
  let latest: symbol | null = null;

  const stopFollowingAccount = subscribeSyncAccount(() => follow(false));
  const stopFollowingRestarts = useSyncStatusStore.subscribe((state, before) => {
    if (state.restarts !== before.restarts) follow(true);
  });
  follow(true);

  return () => {
    stopFollowingAccount();
    stopFollowingRestarts();
    latest = null;
    running = running.then(async (engine) => {
      await engine?.stop();
      return null;
    });
  };
}
