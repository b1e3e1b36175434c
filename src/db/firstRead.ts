import type { Pair } from '../domain/pair';
import type { PairLastSession } from '../domain/pairDigest';
import type { Person } from '../domain/person';

/*
 * The program's first read, begun before the app's own code has loaded.
 *
 * A returning user's first screen, the pairs list, is built from every pair, every person and every
 * pair's last session date. Read by the app, that read could only start once its scripts were
 * evaluated and Dexie had opened the database (~300 and ~400 ms into a start at size M), and it took
 * 250 ms more. Begun by a small script of its own that runs as soon as it is fetched
 * (src/app/firstReadScript.ts), the read runs while the app's scripts load, and the list takes its
 * records when it asks (takeFirstRecords.ts).
 *
 * This file is plain IndexedDB on purpose: it must not bring Dexie or anything of the app's into
 * that small script. It only reads, and gives up rather than guess:
 *  - no database yet (a first visit): nothing is created, the open is undone;
 *  - a database of another version (one the app is about to upgrade): nothing is read;
 *  - a write anywhere (another tab, the import's worker) while the records are on their way: what
 *    was read may be out of date, so the app reads again, as it would without this.
 */

/** The app's database (src/db/schema.ts); a test checks that these two agree with it. */
export const FIRST_READ_DATABASE = 'mentorlog';
/** IndexedDB's version of the latest schema, which Dexie numbers ten times the schema's version. */
export const FIRST_READ_VERSION = 110;
/**
 * The channel on which Dexie tells every other context of the origin what a write touched (Dexie
 * 4's `STORAGE_MUTATED_DOM_EVENT_NAME`); a test checks that a Dexie write is heard on it.
 */
export const WRITES_CHANNEL = 'x-storagemutated-1';

const TABLES = ['pairs', 'people', 'pairLastSessions'] as const;
/** How long the records wait for the app to take them before they are let go (a slow or failed load). */
const KEPT_MS = 10_000;

export interface FirstRecords {
  pairs: Pair[];
  people: Person[];
  lastSessions: PairLastSession[];
}

export interface FirstRead {
  /**
   * The records, or undefined when there are none to trust (see above) or the read failed: the
   * caller then reads them itself. Call it once listening for writes in its own way, so that no
   * write falls between the two.
   */
  take: () => Promise<FirstRecords | undefined>;
}

declare global {
  // The first read, from the script that begins it to the app that takes it.
  var mentorlogFirstRead: FirstRead | undefined;
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openExisting(factory: IDBFactory): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = factory.open(FIRST_READ_DATABASE);
    // Opening a database that does not exist creates it: undo that, the app creates it as it must.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

async function readRecords(factory: IDBFactory): Promise<FirstRecords | undefined> {
  const database = await openExisting(factory);
  if (!database) return undefined;
  // Never stand in the way of the app's upgrade.
  database.onversionchange = () => database.close();
  try {
    const stores = database.objectStoreNames;
    if (database.version !== FIRST_READ_VERSION || !TABLES.every((table) => stores.contains(table))) return undefined;
    const transaction = database.transaction(TABLES, 'readonly');
    const [pairs, people, lastSessions] = await Promise.all(
      TABLES.map((table) => requested(transaction.objectStore(table).getAll())),
    );
    return { pairs: pairs as Pair[], people: people as Person[], lastSessions: lastSessions as PairLastSession[] };
  } finally {
    database.close();
  }
}

/** Begins the first read now; `take` gives its records to the app, once. */
export function beginFirstRead(factory: IDBFactory = indexedDB): FirstRead {
  let written = false;
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(WRITES_CHANNEL);
  if (channel) channel.onmessage = () => (written = true);
  let read: Promise<FirstRecords | undefined> | undefined = readRecords(factory).catch(() => undefined);
  const letGo = () => {
    read = undefined;
    channel?.close();
  };
  const timer = setTimeout(letGo, KEPT_MS);
  return {
    take: async () => {
      const taking = read;
      read = undefined;
      clearTimeout(timer);
      // Without the channel a write elsewhere could not be heard: trust nothing read.
      if (!taking || !channel) return undefined;
      const records = await taking;
      channel.close();
      return written ? undefined : records;
    },
  };
}
