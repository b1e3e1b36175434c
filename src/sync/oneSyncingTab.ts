import type { SyncStatusView } from '../state/syncStatusStore';

/*
 * One tab of the origin syncs at a time: two engines would push the same changes twice (each
 * settling the other's as a conflict), hold twice the connections a browser allows per server,
 * and a coordinator's would read a thousand databases twice over. The tab holding the lock leads;
 * the others show its status, passed on a BroadcastChannel, and take over when it closes. Where
 * Web Locks or BroadcastChannel are missing, every tab syncs on its own, as before.
 */

const LOCK = 'mentorlog-sync';
const CHANNEL = 'mentorlog-sync-status';
const HELLO = 'hello';

export interface Leading {
  stop(): Promise<void>;
}

/**
 * Runs `lead` once this tab holds the lock (it gets `share`, to pass each status to the other tabs),
 * and meanwhile gives `follow` the leading tab's statuses. `stop` lets go of the lock or of the wait.
 */
export function runInOneTab(
  lead: (share: (status: SyncStatusView) => void) => Leading,
  follow: (status: SyncStatusView) => void,
): Leading {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof BroadcastChannel === 'undefined') return lead(() => undefined);

  const channel = new BroadcastChannel(CHANNEL);
  let leading = false;
  let stopping = false;
  let last: SyncStatusView | null = null;
  channel.onmessage = (event: MessageEvent<SyncStatusView | typeof HELLO>) => {
    if (event.data === HELLO) {
      // A tab that just started asks for the status it would otherwise wait for until it changes.
      if (leading && last) channel.postMessage(last);
    } else if (!leading) follow(event.data);
  };
  channel.postMessage(HELLO);

  const giveUp = new AbortController();
  let release = () => {};
  const held = locks
    .request(LOCK, { signal: giveUp.signal }, async () => {
      if (stopping) return;
      leading = true;
      const run = lead((status) => {
        last = status;
        channel.postMessage(status);
      });
      await new Promise<void>((resolve) => {
        release = resolve;
        if (stopping) resolve();
      });
      await run.stop();
    })
    // Given up while waiting for the lock: nothing ran.
    .catch(() => undefined);

  return {
    async stop() {
      stopping = true;
      giveUp.abort();
      release();
      await held;
      channel.close();
    },
  };
}
