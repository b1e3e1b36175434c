import { Dexie, type ObservabilitySet } from 'dexie';
import { db } from '../db/database';
import { changesTo } from './liveRecordMap';
import type { PairListRow } from './pairs';

/*
 * The pairs list as it was last drawn, kept so that a returning user's first screen is drawn from
 * it at once, while the app reads the database (1,000 pairs, their people and digests: 150–250 ms
 * at start in a new tab). It is a copy, never the truth: any write to what the list shows forgets
 * it, in this tab or another, so what is drawn from it is what the database held; the list's own
 * read replaces it a moment later either way. It holds only what the list shows: no contact details.
 */

const STORAGE_KEY = 'mentorlog.pairList';
/** Bumped when the shape of a row changes: a copy of another shape is ignored. */
const SNAPSHOT_VERSION = 1;
/** The tables whose records the list shows (see `pairListReader`). */
const SHOWN_TABLES = ['pairs', 'people', 'pairDigests'] as const;
/** How long the list stays unchanged before it is copied: a burst of changes is copied once. */
const REMEMBER_AFTER_MS = 1_000;

interface Snapshot {
  version: number;
  rows: PairListRow[];
}

function isSnapshot(value: unknown): value is Snapshot {
  return typeof value === 'object' && value !== null && (value as Snapshot).version === SNAPSHOT_VERSION && Array.isArray((value as Snapshot).rows);
}

/** The list as last drawn, in its order; undefined when there is none, or a write came since. */
export function rememberedPairList(): PairListRow[] | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = stored === null ? null : JSON.parse(stored);
    return isSnapshot(parsed) ? parsed.rows : undefined;
  } catch {
    // Storage that cannot be read (or a copy that does not parse) is as good as none.
    return undefined;
  }
}

const withoutContact = (person: PairListRow['mentor']) => (person ? { ...person, contact: '' } : undefined);

/**
 * Copies the list once it has stayed unchanged for a moment. Returns a function that cancels a
 * copy not yet made (the list changed again, or left the screen).
 */
export function rememberPairList(rows: readonly PairListRow[]): () => void {
  const timer = setTimeout(() => {
    const snapshot: Snapshot = {
      version: SNAPSHOT_VERSION,
      rows: rows.map((row) => ({ ...row, mentor: withoutContact(row.mentor), mentee: withoutContact(row.mentee) })),
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Out of space: the list is read from the database at the next start, as without a copy.
      forgetPairList();
    }
  }, REMEMBER_AFTER_MS);
  return () => clearTimeout(timer);
}

export function forgetPairList(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget where storage cannot be reached.
  }
}

/**
 * Forgets the copy whenever a write (in this tab, another tab or the import's worker) touches what
 * the list shows. Call once as the app starts; returns a function that stops.
 */
export function forgetPairListOnWrites(): () => void {
  const onWrite = (parts: ObservabilitySet) => {
    if (SHOWN_TABLES.some((table) => changesTo(parts, db.name, table) !== null)) forgetPairList();
  };
  Dexie.on('storagemutated', onWrite);
  return () => Dexie.on.storagemutated.unsubscribe(onWrite);
}
