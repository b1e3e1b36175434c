import { joinWithHistory } from '../data/joinWithHistory';
import { resealDirectoryIfDue } from '../data/resealDirectory';
import { syncStorageErrorMessage } from '../data/storageFailureMessage';
import { readSyncAccount } from '../data/syncAccount';
import {
  claimSyncBookkeeping,
  clearSyncBookkeeping,
  readSyncMeta,
  watchPendingMarks,
  writeSyncMeta,
} from '../data/syncBookkeeping';
import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { useSyncStatusStore, type SyncProblemView, type SyncStatusView } from '../state/syncStatusStore';
import { pairIdOfSignal, sendSignal, SIGNALS_DATABASE } from './changeSignals';
import { dexieSync } from './dexieSyncStore';
import { runInOneTab } from './oneSyncingTab';
import { holdsProgramKey } from './programKey';
import { registerForAccount } from './registerDevices';
import { DIRECTORY_DATABASE, pairDatabaseName, sharedDatabaseName } from './serverRules';
import { startSync, type SignalSource, type SyncDatabase, type SyncHandle, type SyncStatus } from './startSync';
import { toStatusView } from './syncStatusView';

/*
 * A real device's sync: the engine (startSync) over the device's own database, for the databases
 * its account names, reporting to the status every screen shows. Loaded only when the device has
 * an account (src/app/SyncRunner.tsx), so none of src/sync is in the first screen's JavaScript.
 */

/**
 * The databases a device syncs, and how. A partner pushes and pulls each of their pairs' database
 * and pushes (never reads back) its shared database. A coordinator pushes and pulls the directory,
 * long polling it, and reads every pair's shared database in turn, a few at a time: a long poll
 * per pair would need a connection per pair, and a browser keeps about six per server over
 * HTTP/1.1 (see startSync.ts). A partner's device signals each push to the shared database, and
 * the coordinator's reads only the signalled ones, so a change reaches the dashboard in about a
 * second; every pair is read again every few minutes for changes whose signal was lost.
 */
export function syncDatabasesOf(account: SyncAccount): SyncDatabase[] {
  if (account.role === 'coordinator')
    return [
      { name: DIRECTORY_DATABASE, push: true, pull: true },
      ...account.pairIds.map((pairId): SyncDatabase => ({
        name: sharedDatabaseName(pairId),
        push: false,
        pull: true,
        live: 'cycle',
      })),
    ];
  return account.pairIds.flatMap((pairId): SyncDatabase[] => [
    { name: pairDatabaseName(pairId), push: true, pull: true },
    {
      name: sharedDatabaseName(pairId),
      push: true,
      pull: false,
      afterPush: (connection) => sendSignal(connection, pairId, Date.now),
    },
  ]);
}

function coordinatorSignals(fullRoundMs: number | undefined): SignalSource {
  return {
    name: SIGNALS_DATABASE,
    databaseFor: (docId) => {
      const pairId = pairIdOfSignal(docId);
      return pairId ? sharedDatabaseName(pairId) : null;
    },
    ...(fullRoundMs ? { fullRoundMs } : {}),
  };
}

/** Where the documents set aside are kept, so that the status still lists them after a reload. */
const SET_ASIDE_KEY = 'setAside';
/** As many as the engine keeps (startSync.ts): the newest. */
const SET_ASIDE_KEPT = 50;

const problemKey = (problem: SyncProblemView) => `${problem.database}\u0000${problem.docId}\u0000${problem.message}`;

function parseSetAside(raw: string | null): SyncProblemView[] {
  try {
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is SyncProblemView =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as SyncProblemView).database === 'string' &&
        typeof (entry as SyncProblemView).docId === 'string' &&
        typeof (entry as SyncProblemView).message === 'string',
    );
  } catch {
    return [];
  }
}

export interface DeviceSyncOptions {
  /** The device's database (the app's own unless given: tests run two devices side by side). */
  database?: MentorlogDatabase;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Where the status goes (the status store every screen reads, unless given). */
  onStatus?: (status: SyncStatusView) => void;
  cycleConcurrency?: number;
  /** The shortest round over a coordinator's shared databases (default: 1 s, 30 s while the page is hidden). */
  cycleMinMs?: number;
  /** How often a coordinator reads every shared database without a signal (default: startSync's). */
  fullRoundMs?: number;
  /** Whether only one tab of the origin syncs at a time (default true; tests run several devices in one process). */
  oneTab?: boolean;
}

export interface DeviceSync {
  /** Sends waiting changes now rather than at the next round. */
  pushNow(): void;
  /** Stops syncing; when the account is gone, the sync's bookkeeping goes too (the records stay). */
  stop(): Promise<void>;
  status(): SyncStatusView;
}

/**
 * A coordinator's round over every pair's shared database: at most once a second while the page
 * is shown (a partner's change reaches the dashboard within a few seconds), every 30 s while it is
 * hidden, which spares the server hundreds of requests a second that nobody is looking at.
 */
function roundWhileShown(): number {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden' ? 30_000 : 1_000;
}

/**
 * Starts syncing this device with the account's server, in one tab of the origin at a time (see
 * oneSyncingTab.ts); the status store follows it, in every tab.
 */
export function startDeviceSync(account: SyncAccount, options: DeviceSyncOptions = {}): DeviceSync {
  const onStatus = options.onStatus ?? ((status) => useSyncStatusStore.getState().setStatus(status));
  let view: SyncStatusView = toStatusView(null, { online: true, waiting: 0, essential: [] });
  let leader: DeviceSync | null = null;
  const show = (status: SyncStatusView) => {
    view = status;
    onStatus(status);
  };
  if (options.oneTab === false) return syncHere(account, options, show);
  const running = runInOneTab((share) => {
    leader = syncHere(account, options, (status) => {
      show(status);
      share(status);
    });
    return leader;
  }, show);
  return {
    pushNow: () => leader?.pushNow(),
    stop: () => running.stop(),
    status: () => view,
  };
}

/** Syncs from this tab. */
function syncHere(
  account: SyncAccount,
  options: DeviceSyncOptions,
  onStatus: (status: SyncStatusView) => void,
): DeviceSync {
  const database = options.database ?? appDatabase;
  const sync = dexieSync(database, account);
  const databases = syncDatabasesOf(account);
  const essential = databases.filter((entry) => entry.live !== 'cycle' && entry.pull).map((entry) => entry.name);
  let engine: SyncHandle | null = null;
  let engineStatus: SyncStatus | null = null;
  let online = typeof navigator === 'undefined' || navigator.onLine !== false;
  let waiting = 0;
  let stopped = false;
  // A document is set aside once, when it is fetched; the checkpoint then passes it, so the list
  // is kept beside the checkpoints for the status to go on saying so after a reload.
  let setAside: SyncProblemView[] = [];
  let view = toStatusView(null, { online, waiting, essential });

  const publish = () => {
    if (stopped) return;
    const fresh = toStatusView(engineStatus, { online, waiting, essential });
    const known = new Set(setAside.map(problemKey));
    const added = fresh.problems.filter((problem) => !known.has(problemKey(problem)));
    if (added.length > 0) {
      setAside = [...setAside, ...added].slice(-SET_ASIDE_KEPT);
      writeSyncMeta(database, SET_ASIDE_KEY, JSON.stringify(setAside)).catch(() => undefined);
    }
    view = { ...fresh, problems: setAside };
    onStatus(view);
  };
  publish();

  // "N changes waiting", and a push as soon as a change is marked (in this tab or another).
  let known = new Set<string>();
  const stopWatching = watchPendingMarks(database, (marks) => {
    const due = marks.filter((mark) => sync.destinations(mark).some((name) => !mark.reached.includes(name)));
    const keys = new Set(due.map((mark) => `${mark.docId}@${mark.updatedAt}`));
    const fresh = [...keys].some((key) => !known.has(key));
    known = keys;
    waiting = due.length;
    publish();
    if (fresh) engine?.pushNow();
  });

  const onOnline = () => {
    online = true;
    publish();
    engine?.pushNow();
  };
  const onOffline = () => {
    online = false;
    publish();
  };
  // Back in view: read the shared databases now rather than at the end of a hidden page's long wait.
  const onShown = () => {
    if (document.visibilityState === 'visible') engine?.pushNow();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onShown);
  }

  // Once the device is first up to date, in the background: a device that joined before the
  // device registry existed registers now (after a coordinator's first sync, not during it).
  let registering = false;
  const registerOnce = () => {
    if (registering) return;
    registering = true;
    const connection = { serverUrl: account.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) };
    void registerForAccount(connection, account, database, () => stopped);
  };

  const started = (async () => {
    await claimSyncBookkeeping(database, JSON.stringify([account.serverUrl, account.personId]));
    const kept = parseSetAside(await readSyncMeta(database, SET_ASIDE_KEY));
    const keys = new Set(setAside.map(problemKey));
    setAside = [...kept.filter((problem) => !keys.has(problemKey(problem))), ...setAside].slice(-SET_ASIDE_KEPT);
    publish();
    await joinWithHistory(database, account);
    // A directory sealed while a reseal was cut short: its pairs and people go again, sealed.
    await resealDirectoryIfDue(account, await holdsProgramKey(database), database);
    await sync.refreshPartners();
    await sync.readLedger();
    if (stopped) return;
    engine = startSync({
      serverUrl: account.serverUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.cycleConcurrency ? { cycleConcurrency: options.cycleConcurrency } : {}),
      cycleMinMs: options.cycleMinMs ?? roundWhileShown,
      ...(account.role === 'coordinator' ? { signals: coordinatorSignals(options.fullRoundMs) } : {}),
      databases,
      store: sync.store,
      records: sync.records,
      onStatus: (status) => {
        if (status.state === 'stopped') return;
        engineStatus = status;
        publish();
        if (status.state === 'up-to-date') registerOnce();
      },
    });
  })().catch((error: unknown) => {
    // The device's storage failed before the engine could start: say so; a restart tries again.
    engineStatus = {
      state: 'retrying',
      retryInMs: null,
      lastError: syncStorageErrorMessage(error),
      problems: [],
      lastSyncedAt: null,
      refused: [],
      progress: null,
    };
    publish();
  });

  return {
    pushNow: () => engine?.pushNow(),
    async stop() {
      stopped = true;
      stopWatching();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        document.removeEventListener('visibilitychange', onShown);
      }
      await started;
      await engine?.stop();
      // "Stop syncing on this device": the engine may have written after the bookkeeping was cleared.
      if (readSyncAccount() === null) await clearSyncBookkeeping(database);
    },
    status: () => view,
  };
}
