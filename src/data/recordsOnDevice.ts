import { Dexie, type ObservabilitySet } from 'dexie';
import type { MentorlogDatabase } from '../db/database';
import { useDatabaseStatusStore } from '../state/databaseStatusStore';
import { forgetPairList } from './pairListSnapshot';

/*
 * Whether this device held records, kept outside the database so that the app can tell, when it
 * finds the database gone, a device that lost its records from one that never had any. A small
 * marker in localStorage: "held" once a person or pair has been written here (in any tab, or the
 * import's worker), "lost" once the database that held them was found deleted. A brand-new visitor
 * has neither and sees the welcome screen; a device whose records were lost is offered a restore,
 * until records are written again (a restore, or a fresh start). Clearing all of the site's data
 * clears the marker too: the app then starts as new, which is what it is.
 */

export const RECORDS_ON_DEVICE_KEY = 'mentorlog.recordsOnDevice';

type Marker = 'held' | 'lost';

function readMarker(): Marker | null {
  try {
    const value = localStorage.getItem(RECORDS_ON_DEVICE_KEY);
    return value === 'held' || value === 'lost' ? value : null;
  } catch {
    return null;
  }
}

function writeMarker(marker: Marker | null): void {
  try {
    if (marker === null) localStorage.removeItem(RECORDS_ON_DEVICE_KEY);
    else localStorage.setItem(RECORDS_ON_DEVICE_KEY, marker);
  } catch {
    // Storage that cannot be written: the app cannot tell a lost database from a new one, and starts as new.
  }
}

/** Records the database held are gone: say so at the next start, and stop drawing the pairs list from its copy. */
export function markRecordsLost(): void {
  if (readMarker() !== 'held') return;
  writeMarker('lost');
  forgetPairList();
}

/** The user chose to start again without their records: the next start is a new visitor's. */
export function startAfresh(): void {
  writeMarker(null);
  useDatabaseStatusStore.getState().setRecordsLost(false);
}

function markRecordsHeld(): void {
  if (readMarker() === 'held') return;
  writeMarker('held');
  useDatabaseStatusStore.getState().setRecordsLost(false);
}

/** The tables whose records make a device one that holds records: everything else hangs off them. */
const RECORD_TABLES = ['people', 'pairs'];

/**
 * Keeps the marker true for this database, from before it opens: call before `open()`. Returns a
 * function that stops watching.
 */
export function watchRecordsOnDevice(database: MentorlogDatabase): () => void {
  const status = useDatabaseStatusStore.getState();
  if (readMarker() === 'lost') status.setRecordsLost(true);
  // The database is being created: it did not exist. If this device held records, they are gone.
  const onPopulate = () => {
    markRecordsLost();
    if (readMarker() === 'lost') status.setRecordsLost(true);
  };
  // Whether the database holds records now, asked only while the marker does not say so: at open
  // (a device that held records before the marker existed, or one restored in another tab) and
  // after a write to people or pairs. Counted rather than taken from the write, as Dexie also
  // announces a database it has just created as a change to every table.
  const checkHeld = () => {
    if (readMarker() === 'held') return;
    database.people
      .count()
      .then((count) => {
        if (count > 0) markRecordsHeld();
      })
      .catch(() => undefined);
  };
  const prefixes = RECORD_TABLES.map((table) => `idb://${database.name}/${table}/`);
  const onWrite = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((key) => prefixes.some((prefix) => key.startsWith(prefix)))) checkHeld();
  };
  database.on('populate', onPopulate);
  database.on('ready', checkHeld);
  Dexie.on('storagemutated', onWrite);
  return () => {
    database.on('populate').unsubscribe(onPopulate);
    database.on('ready').unsubscribe(checkHeld);
    Dexie.on.storagemutated.unsubscribe(onWrite);
  };
}
