import { backoffDelay } from './backoff';
import type { PulledProblem } from './checkPulledDocument';
import { pullDatabase, pushDatabase, RefusedError, SignedOutError, type CouchConnection } from './couchClient';
import type { LocalRecords, SyncStore } from './syncStore';

/*
 * The sync loop: for each database, push what is pending, catch up on its changes, then long poll
 * for more. A failure waits (1 s doubling to 60 s, with jitter) and tries again; a 401 stops
 * everything with "signed out", for the person to sign in again.
 */

export interface SyncDatabase {
  name: string;
  /** Partners push to their pair's shared database but do not read it back: it holds less than theirs. */
  push: boolean;
  pull: boolean;
}

export type SyncState = 'syncing' | 'up-to-date' | 'retrying' | 'signed-out' | 'stopped';

export interface SyncStatus {
  state: SyncState;
  /** When `retrying`: how long until the next try. */
  retryInMs: number | null;
  /** Why the last try failed, in words for the person. */
  lastError: string | null;
  /** Docs set aside on pull, or refused on push, with where and why. */
  problems: PulledProblem[];
  lastSyncedAt: number | null;
}

export interface SyncOptions extends CouchConnection {
  databases: readonly SyncDatabase[];
  store: SyncStore;
  records: LocalRecords;
  onStatus?: (status: SyncStatus) => void;
  now?: () => number;
  random?: () => number;
}

export interface SyncHandle {
  /** A local change is waiting: stop long polling and push it now. */
  pushNow(): void;
  stop(): Promise<void>;
  status(): SyncStatus;
}

const PROBLEMS_KEPT = 50;
/** How long one long poll may wait before the client asks again (CouchDB's own default is 60 s). */
const LONG_POLL_MS = 50_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export function startSync(options: SyncOptions): SyncHandle {
  const stopping = new AbortController();
  let nudge = new AbortController();
  let status: SyncStatus = { state: 'syncing', retryInMs: null, lastError: null, problems: [], lastSyncedAt: null };
  const behind = new Set(options.databases.map((database) => database.name));
  const nowOption = options.now ? { nowMs: options.now } : {};

  const update = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    options.onStatus?.(status);
  };
  const report = (problems: readonly PulledProblem[]) => {
    if (problems.length === 0) return;
    const fresh = problems.filter(
      (p) => !status.problems.some((q) => q.database === p.database && q.docId === p.docId && q.message === p.message),
    );
    update({ problems: [...status.problems, ...fresh].slice(-PROBLEMS_KEPT) });
  };

  async function run(database: SyncDatabase): Promise<void> {
    let attempt = 0;
    while (!stopping.signal.aborted) {
      const wake = AbortSignal.any([stopping.signal, nudge.signal]);
      // The stand-in ignores `timeout=` and proxies cut idle requests: the client ends each long poll itself.
      const poll = AbortSignal.any([wake, AbortSignal.timeout(LONG_POLL_MS)]);
      try {
        if (database.push)
          report((await pushDatabase(options, database.name, options.store, options.records, options.now)).problems);
        if (database.pull && behind.has(database.name)) {
          report(
            (
              await pullDatabase(options, database.name, options.store, options.records, {
                feed: 'normal',
                ...nowOption,
              })
            ).problems,
          );
        }
        behind.delete(database.name);
        attempt = 0;
        if (behind.size === 0 && status.state !== 'up-to-date') {
          update({ state: 'up-to-date', retryInMs: null, lastError: null, lastSyncedAt: (options.now ?? Date.now)() });
        }
        if (database.pull) {
          report(
            (
              await pullDatabase(options, database.name, options.store, options.records, {
                feed: 'longpoll',
                signal: poll,
                ...nowOption,
              })
            ).problems,
          );
        } else {
          await sleep(LONG_POLL_MS, wake);
        }
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (poll.aborted) continue; // woken to push a local change, or the long poll's time was up
        behind.add(database.name);
        if (error instanceof SignedOutError) {
          update({
            state: 'signed-out',
            retryInMs: null,
            lastError:
              'You were signed out of the sync server. Your records are safe on this device; sign in again to keep syncing.',
          });
          stopping.abort();
          return;
        }
        if (error instanceof RefusedError) {
          report([
            {
              database: database.name,
              docId: '(the whole database)',
              message:
                'The server does not let you use this database. Ask your program coordinator to check your access.',
            },
          ]);
          return;
        }
        attempt++;
        const wait = backoffDelay(attempt, options.random);
        update({
          state: 'retrying',
          retryInMs: wait,
          lastError:
            'The sync server cannot be reached. Your changes are kept on this device and will be sent when it can.',
        });
        await sleep(wait, stopping.signal);
      }
    }
  }

  const loops = Promise.all(options.databases.map(run));

  return {
    pushNow() {
      const previous = nudge;
      nudge = new AbortController();
      previous.abort();
    },
    async stop() {
      stopping.abort();
      await loops;
      if (status.state !== 'signed-out') update({ state: 'stopped' });
    },
    status: () => status,
  };
}
