import { backoffDelay } from './backoff';
import type { PulledProblem } from './checkPulledDocument';
import { json, RefusedError, request, SignedOutError, type CouchConnection } from './couchHttp';
import { pullDatabase } from './pullDatabase';
import { failureMessage, REFUSED, SIGNED_OUT } from './syncMessages';
import { pushDatabase } from './pushDatabase';
import { inTurn, limitConcurrency, linked, sleep, withSignal } from './waiting';
import { FirstSyncProgress } from './syncProgress';
import type { LocalRecords, SyncStore } from './syncStore';

/*
 * The sync loop. A database read `long` gets a loop of its own: push what is pending, catch up on
 * its changes page by page, then long poll for more. Databases read by `cycle` are read in turn by
 * one loop, a few at a time, with plain (non-waiting) requests, again and again: a coordinator
 * reads a thousand pairs' shared databases, and a browser keeps ~6 connections per server over
 * HTTP/1.1, so a long poll each would starve everything else (CouchDB's `_db_updates`, which could
 * say which changed, is for its admins only). A failure waits (1 s doubling to 60 s, with jitter)
 * and tries again; a 401 stops everything with "signed out", for the person to sign in again; a
 * 403 leaves that database out and says so.
 */

export interface SyncDatabase {
  name: string;
  /** Partners push to their pair's shared database but do not read it back: it holds less than theirs. */
  push: boolean;
  pull: boolean;
  /** How changes are awaited once caught up: a long poll of its own (the default), or in turn with the others. */
  live?: 'long' | 'cycle';
  /** Runs after a push that sent something (a partner's change signal, changeSignals.ts); never fails the push. */
  afterPush?: (connection: CouchConnection) => Promise<void>;
}

/** A database whose changes say which `cycle` databases changed (changeSignals.ts). */
export interface SignalSource {
  name: string;
  /** The `cycle` database a changed doc of it stands for, or null. */
  databaseFor: (docId: string) => string | null;
  /** How often every `cycle` database is read anyway, for changes whose signal never came (default 5 min). */
  fullRoundMs?: number | (() => number);
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
  /** Databases the server does not let this person use (403): left out until the next start. */
  refused: string[];
  /** A first sync's progress (see syncProgress.ts); null otherwise. */
  progress: { done: number; total: number } | null;
}

export interface SyncOptions extends CouchConnection {
  databases: readonly SyncDatabase[];
  store: SyncStore;
  records: LocalRecords;
  onStatus?: (status: SyncStatus) => void;
  now?: () => number;
  random?: () => number;
  /** How many `cycle` databases are read at once (default 4: with one long poll, within a browser's 6). */
  cycleConcurrency?: number;
  /**
   * The shortest time one round over the `cycle` databases takes (default 1 s), so that a few pairs
   * are not read in a tight loop; asked before each wait (a hidden page waits longer).
   * `pushNow` ends the wait.
   */
  cycleMinMs?: number | (() => number);
  /**
   * With signals, a round after the first reads only the `cycle` databases signalled since the
   * last, plus all of them every `fullRoundMs`; without, every round reads all of them.
   */
  signals?: SignalSource;
}

export interface SyncHandle {
  /** A local change is waiting (or the network is back): stop waiting and push it now. */
  pushNow(): void;
  stop(): Promise<void>;
  status(): SyncStatus;
}

const PROBLEMS_KEPT = 50;
/** How long one long poll may wait before the client asks again (CouchDB's own default is 60 s). */
const LONG_POLL_MS = 50_000;
/** How long a request that should answer at once may take before it counts as failed. */
const REQUEST_MS = 60_000;
/** Changes per page while catching up. */
const PAGE = 1000;
/** How often a coordinator reads every shared database even without a signal. */
const FULL_ROUND_MS = 5 * 60_000;
/** How often an up-to-date device moves its "synced at" forward while nothing else changes. */
const SYNCED_AT_STEP_MS = 10_000;

/**
 * How many `cycle` databases are read at once. More than the requests let through at once
 * (`cycleConcurrency`): a reader whose page is fetched waits for the device to write it, and the
 * pages that wait together are written in one transaction (dexieSyncStore.ts), which is what makes
 * a coordinator's first sync fast: one write per pair's page cost ~150 ms in Chromium.
 */
const CYCLE_READERS = 24;

export function startSync(options: SyncOptions): SyncHandle {
  const stopping = new AbortController();
  let nudge = new AbortController();
  let status: SyncStatus = {
    state: 'syncing',
    retryInMs: null,
    lastError: null,
    problems: [],
    lastSyncedAt: null,
    refused: [],
    progress: null,
  };
  const behind = new Set(options.databases.map((database) => database.name));
  const now = options.now ?? Date.now;
  const nowOption = options.now ? { nowMs: options.now } : {};
  let progress = new FirstSyncProgress(new Set());

  const update = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    options.onStatus?.(status);
  };
  const report = (problems: readonly PulledProblem[]) => {
    if (problems.length === 0) return;
    const fresh = problems.filter(
      (p) => !status.problems.some((q) => q.database === p.database && q.docId === p.docId && q.message === p.message),
    );
    if (fresh.length > 0) update({ problems: [...status.problems, ...fresh].slice(-PROBLEMS_KEPT) });
  };
  const caughtUp = (name: string) => {
    behind.delete(name);
    const time = now();
    if (behind.size === 0 && status.state !== 'up-to-date') {
      update({ state: 'up-to-date', retryInMs: null, lastError: null, lastSyncedAt: time, progress: null });
    } else if (status.state === 'up-to-date' && time - (status.lastSyncedAt ?? 0) >= SYNCED_AT_STEP_MS) {
      update({ lastSyncedAt: time });
    }
  };
  const refuse = (name: string) => {
    behind.delete(name);
    report([{ database: name, docId: '(the whole database)', message: REFUSED }]);
    update({ refused: [...status.refused, name] });
    if (behind.size === 0 && status.state === 'syncing') update({ state: 'up-to-date', lastSyncedAt: now() });
  };
  const signOut = () => {
    update({ state: 'signed-out', retryInMs: null, lastError: SIGNED_OUT, progress: null });
    stopping.abort();
  };
  const retryAfter = async (attempt: number, error: unknown) => {
    const wait = backoffDelay(attempt, options.random);
    const lastError = failureMessage(error);
    update({ state: 'retrying', retryInMs: wait, lastError });
    await sleep(wait, [stopping.signal, nudge.signal]);
  };

  // The `cycle` databases' requests: at most `cycleConcurrency` at once, however many readers
  // wait on the device's writes (see CYCLE_READERS).
  const cycleConnection: CouchConnection = {
    serverUrl: options.serverUrl,
    fetch: limitConcurrency(options.fetch ?? ((input, init) => fetch(input, init)), options.cycleConcurrency ?? 4),
  };

  async function push(database: SyncDatabase, connection: CouchConnection = options): Promise<void> {
    if (!database.push) return;
    // A request the server never answers (a connection gone silent, a proxy that never ends a
    // response) would hold this database's loop for good: the push fails instead, and is retried.
    const deadline = linked([stopping.signal], REQUEST_MS);
    const bounded = withSignal(connection, deadline.signal);
    try {
      const { pushed, problems } = await pushDatabase(
        bounded,
        database.name,
        options.store,
        options.records,
        options.now,
      );
      report(problems);
      if (pushed > 0) await database.afterPush?.(bounded);
    } finally {
      deadline.release();
    }
  }

  /** Reads the database's changes page by page up to now. */
  async function catchUp(
    database: SyncDatabase,
    signal: AbortSignal,
    connection: CouchConnection = options,
  ): Promise<void> {
    for (;;) {
      // A server that stops answering mid-request fails the page, and the loop tries again.
      const request = linked([signal], REQUEST_MS);
      const page = await pullDatabase(connection, database.name, options.store, options.records, {
        feed: 'normal',
        limit: PAGE,
        keepRevs: database.push,
        signal: request.signal,
        ...nowOption,
      }).finally(request.release);
      report(page.problems);
      const last = page.received < PAGE;
      progress.page(database.name, page.received, page.left, last);
      if (status.state === 'syncing' && progress.view()) update({ progress: progress.view() });
      if (last || signal.aborted) return;
    }
  }

  async function run(database: SyncDatabase): Promise<void> {
    let attempt = 0;
    let behindHere = true;
    while (!stopping.signal.aborted) {
      // Woken by a stop or a local change. The stand-in ignores `timeout=` and proxies cut idle
      // requests: the client ends each long poll itself.
      const poll = linked([stopping.signal, nudge.signal], LONG_POLL_MS);
      try {
        await push(database);
        if (database.pull && behindHere) await catchUp(database, stopping.signal);
        behindHere = false;
        attempt = 0;
        caughtUp(database.name);
        if (database.pull) {
          const { problems } = await pullDatabase(options, database.name, options.store, options.records, {
            feed: 'longpoll',
            limit: PAGE,
            keepRevs: database.push,
            signal: poll.signal,
            ...nowOption,
          });
          report(problems);
        } else {
          // A nudge during the push has aborted the poll already: an 'abort' listener would never fire.
          if (!poll.signal.aborted)
            await new Promise((resolve) => poll.signal.addEventListener('abort', resolve, { once: true }));
        }
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (poll.signal.aborted && !behindHere) continue; // woken to push a local change, or the long poll's time was up
        behindHere = true;
        if (error instanceof SignedOutError) return signOut();
        if (error instanceof RefusedError) return refuse(database.name);
        behind.add(database.name);
        await retryAfter(++attempt, error);
      } finally {
        poll.release();
      }
    }
  }

  // Which `cycle` databases a signal named since their last read began, and whether every one is
  // due (the first round, a retry, a full round). A signal during a round counts for the next.
  const due = new Set<string>();
  let allDue = true;
  let signalled = new AbortController();
  const signal = (name: string) => {
    due.add(name);
    signalled.abort();
  };

  async function runCycle(databases: readonly SyncDatabase[]): Promise<void> {
    let attempt = 0;
    let reading = [...databases];
    let lastFullRound = now();
    while (!stopping.signal.aborted && reading.length > 0) {
      const started = now();
      const failures: unknown[] = [];
      const refused = new Set<string>();
      const fullRound = allDue || !options.signals;
      const chosen = fullRound ? reading : reading.filter((database) => due.has(database.name));
      due.clear();
      allDue = false;
      await inTurn(chosen, CYCLE_READERS, async (database) => {
        if (stopping.signal.aborted || failures.some((error) => error instanceof SignedOutError)) return;
        try {
          await push(database, cycleConnection);
          if (database.pull) await catchUp(database, stopping.signal, cycleConnection);
          caughtUp(database.name);
        } catch (error) {
          if (error instanceof RefusedError) refused.add(database.name);
          else failures.push(error);
        }
      });
      if (stopping.signal.aborted) return;
      if (fullRound) lastFullRound = started;
      for (const name of refused) refuse(name);
      reading = reading.filter((database) => !refused.has(database.name));
      if (failures.some((error) => error instanceof SignedOutError)) return signOut();
      if (failures.length > 0) {
        // What failed is read again, all of it: which of the chosen failed is not kept.
        allDue = true;
        await retryAfter(++attempt, failures[0]);
        continue;
      }
      attempt = 0;
      const least = typeof options.cycleMinMs === 'function' ? options.cycleMinMs() : (options.cycleMinMs ?? 1000);
      await sleep(Math.max(0, least - (now() - started)), [stopping.signal, nudge.signal]);
      if (!options.signals) continue;
      const fullEvery = options.signals.fullRoundMs ?? FULL_ROUND_MS;
      const fullRoundMs = typeof fullEvery === 'function' ? fullEvery() : fullEvery;
      const untilFull = lastFullRound + fullRoundMs - now();
      if (due.size === 0 && untilFull > 0) await sleep(untilFull, [stopping.signal, nudge.signal, signalled.signal]);
      signalled = new AbortController();
      // Woken by a local change or the page shown again with nothing signalled: a full round.
      if (due.size === 0 || now() - lastFullRound >= fullRoundMs) allDue = true;
    }
  }

  /** Long polls the signals database and marks the `cycle` databases its changes name as due. */
  async function watchSignals(source: SignalSource): Promise<void> {
    let since: string | null = null;
    let attempt = 0;
    while (!stopping.signal.aborted) {
      const poll = linked([stopping.signal], LONG_POLL_MS);
      try {
        const feed = since === null ? 'normal' : 'longpoll';
        const query = new URLSearchParams({ since: since ?? '0', feed, ...(since === null ? { limit: '0' } : {}) });
        const answer = (await json(
          await request(options, `${encodeURIComponent(source.name)}/_changes?${query}`, { signal: poll.signal }),
        )) as { results?: { id?: unknown }[]; last_seq?: unknown };
        // The first answer only says where the feed is: the first round reads every database anyway.
        if (since !== null) {
          for (const change of answer.results ?? []) {
            const name = typeof change.id === 'string' ? source.databaseFor(change.id) : null;
            if (name) signal(name);
          }
        }
        if (typeof answer.last_seq === 'string' || typeof answer.last_seq === 'number') since = String(answer.last_seq);
        attempt = 0;
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (poll.signal.aborted) continue;
        // Without signals the full rounds still find every change, only later; a 401 or 403 here
        // is the cycle's to report, and a server without the signals database is an older one.
        if (error instanceof SignedOutError || error instanceof RefusedError) return;
        await sleep(backoffDelay(++attempt, options.random), [stopping.signal]);
      } finally {
        poll.release();
      }
    }
  }

  async function begin(): Promise<void> {
    const pulled = options.databases.filter((database) => database.pull).map((database) => database.name);
    const checkpoints = await Promise.all(pulled.map((name) => options.store.checkpoint(name)));
    progress = new FirstSyncProgress(new Set(pulled.filter((_, index) => checkpoints[index] === null)));
    if (progress.view()) update({ progress: progress.view() });
    const cycled = options.databases.filter((database) => database.live === 'cycle');
    await Promise.all([
      ...options.databases.filter((database) => database.live !== 'cycle').map(run),
      cycled.length > 0 ? runCycle(cycled) : undefined,
      cycled.length > 0 && options.signals ? watchSignals(options.signals) : undefined,
    ]);
  }

  const loops = begin().catch((error: unknown) => {
    // Reading the checkpoints failed (the device's storage): nothing can sync until a restart.
    if (!stopping.signal.aborted) update({ state: 'retrying', retryInMs: null, lastError: failureMessage(error) });
  });

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
