import { Dexie, type ObservabilitySet } from 'dexie';
import { db } from '../db/database';
import { changesTo, mergeChanges, type RecordMapReader, type TableChange } from './recordMapChanges';
import type { PairListRow } from '../domain/pairWithPeople';

/*
 * The pairs list as it was last drawn, kept so that a returning user's first screen is drawn from
 * it at once, while the app reads the database (1,000 pairs, their people and their last session
 * dates at size M). It is a copy, never the truth: any write to what the list shows forgets
 * it at once, in this tab or another, so what is drawn from it is what the database held; once the
 * writes stop for a moment, a tab that saw them puts it back with the touched pairs read again
 * (`keepPairListCurrent`). The list's own read replaces it a moment after start either way. It
 * holds only what the list shows: no contact details.
 */

const STORAGE_KEY = 'mentorlog.pairList';
/** Bumped when the shape of a row changes: a copy of another shape is ignored. */
const SNAPSHOT_VERSION = 1;
/** The tables whose records the list shows (see `pairListReader`). */
const SHOWN_TABLES = ['pairs', 'people', 'pairLastSessions'] as const;
/** How long the list stays unchanged before it is copied: a burst of changes is copied once. */
const REMEMBER_AFTER_MS = 1_000;

interface Snapshot {
  version: number;
  rows: PairListRow[];
}

function isSnapshot(value: unknown): value is Snapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Snapshot).version === SNAPSHOT_VERSION &&
    Array.isArray((value as Snapshot).rows)
  );
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

function storePairList(rows: readonly PairListRow[]): void {
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
}

/**
 * Copies the list once it has stayed unchanged for a moment. Returns a function that cancels a
 * copy not yet made (the list changed again, or left the screen).
 */
export function rememberPairList(rows: readonly PairListRow[]): () => void {
  const timer = setTimeout(() => storePairList(rows), REMEMBER_AFTER_MS);
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
 * Keeps the copy from outliving a write, without losing it to every save: whenever a write (in this
 * tab, another tab or the import's worker) touches what the list shows, the copy is forgotten at
 * once; once writes have stopped for a moment, the copy as it was is put back with the rows of the
 * pairs they touched read again through `reader` and placed in `order`. A write too large to name
 * its pairs (a restore), or a read that fails, leaves it forgotten; a write during the read sends
 * everything round again. Call once as the app starts; returns a function that stops.
 */
export function keepPairListCurrent(
  reader: Pick<RecordMapReader<PairListRow>, 'readSome' | 'affectedKeys'>,
  order: (a: PairListRow, b: PairListRow) => number,
): () => void {
  /** The copy as it was before the writes not yet applied to it; undefined when there was none. */
  let base: PairListRow[] | undefined;
  let pending: Partial<Record<string, TableChange>> = {};
  /** Counts writes, so that a read overtaken by one is not stored. */
  let writes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const settle = (rows?: readonly PairListRow[]) => {
    if (rows) storePairList(rows);
    base = undefined;
    pending = {};
  };

  const refresh = async () => {
    const rows = base;
    if (!rows) return;
    const seen = writes;
    const keys = reader.affectedKeys(pending, new Map(rows.map((row) => [row.pair.id, row])));
    if (keys === 'all') return settle();
    let fresh: Map<string, PairListRow | null>;
    try {
      fresh = await reader.readSome(keys);
    } catch {
      return settle();
    }
    // A write came during the read: it has scheduled this again, with its own changes added.
    if (writes !== seen) return;
    const kept = rows.filter((row) => !fresh.has(row.pair.id));
    const read = [...fresh.values()].filter((row): row is PairListRow => row !== null);
    settle([...kept, ...read].sort(order));
  };

  const onWrite = (parts: ObservabilitySet) => {
    const changes: Partial<Record<string, TableChange>> = {};
    for (const table of SHOWN_TABLES) {
      const change = changesTo(parts, db.name, table);
      if (change !== null) changes[table] = change;
    }
    if (Object.keys(changes).length === 0) return;
    writes += 1;
    base ??= rememberedPairList();
    forgetPairList();
    if (!base) return;
    pending = mergeChanges(pending, changes);
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REMEMBER_AFTER_MS);
  };
  Dexie.on('storagemutated', onWrite);
  return () => {
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onWrite);
  };
}
