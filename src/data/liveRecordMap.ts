import { Dexie, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '../db/database';

/** Which records of a table a committed write touched: their primary keys, or all of them. */
export type TableChange = ReadonlySet<string> | 'all';

/**
 * What a write told Dexie it touched in `table` (by primary key), or null when it left the table
 * alone. Dexie reports single keys for small writes and a range (often everything) for large
 * ones; a write from another tab arrives as a plain copy of the same tree, so only its fields are
 * read here, never its methods.
 */
export function changesTo(parts: ObservabilitySet, databaseName: string, table: string): TableChange | null {
  // Parts Dexie sends when it cannot say what changed (a page coming back from the back/forward cache).
  if (Object.keys(parts).some((part) => !part.startsWith('idb://'))) return 'all';
  const tree = parts[`idb://${databaseName}/${table}/`];
  if (!tree || !('from' in tree)) return null;
  const keys = new Set<string>();
  const visit = (node: IntervalTreeNode | null | undefined): boolean => {
    if (!node) return true;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    keys.add(node.from);
    return visit(node.l) && visit(node.r);
  };
  return visit(tree as IntervalTree as IntervalTreeNode) ? keys : 'all';
}

/** How a live record map reads: everything, or just some keys. */
export interface RecordMapReader<T> {
  /** The tables whose writes can change the map. */
  tables: readonly string[];
  readAll: () => Promise<Map<string, T>>;
  /** The records for these keys; a key mapped to null has gone (deleted, or no longer shown). */
  readSome: (keys: ReadonlySet<string>) => Promise<Map<string, T | null>>;
  /**
   * The map's keys a write may have changed, from what it touched in each table; 'all' to read
   * everything again. `current` is the map as it stands.
   */
  affectedKeys: (
    changes: Partial<Record<string, TableChange>>,
    current: ReadonlyMap<string, T>,
  ) => ReadonlySet<string> | 'all';
  /**
   * How long to wait after a write before reading, gathering the writes that come meanwhile into
   * one read; none by default. For a map that matters less than the screen's main one, so that it
   * does not take the main thread just when that one is being read and drawn.
   */
  settleMs?: number;
}

type Changes = Partial<Record<string, TableChange>>;

/** What a write touched in each of `tables` it did not leave alone. */
function changesOf(parts: ObservabilitySet, tables: readonly string[]): Changes {
  const changes: Changes = {};
  for (const table of tables) {
    const change = changesTo(parts, db.name, table);
    if (change) changes[table] = change;
  }
  return changes;
}

/** Two writes' changes as one: per table, every key either touched, or 'all'. */
export function mergeChanges(a: Changes, b: Changes): Changes {
  const merged: Changes = { ...a };
  for (const [table, change] of Object.entries(b)) {
    if (!change) continue;
    const before = merged[table];
    merged[table] =
      before === undefined ? change : before === 'all' || change === 'all' ? 'all' : new Set([...before, ...change]);
  }
  return merged;
}

interface Loaded<T> {
  key: string;
  map: ReadonlyMap<string, T>;
}

/** A first read started before its screen renders (see `startFirstRead`). */
interface FirstReadUnderWay<T> {
  key: string;
  read: Promise<ReadonlyMap<string, T>>;
  /** The result, once the read is done. */
  map: ReadonlyMap<string, T> | undefined;
  /** What writes to the reader's tables touched after the read began: the screen reads that again. */
  changes: Changes;
  failed?: boolean;
  stop: () => void;
}

/** How long an first read waits for its screen before it is dropped. */
const FIRST_READ_KEPT_MS = 10_000;

const firstReads = new WeakMap<RecordMapReader<unknown>, FirstReadUnderWay<unknown>>();

function firstReadOf<T>(reader: RecordMapReader<T>, key: string): FirstReadUnderWay<T> | undefined {
  // Entries are stored under the reader that made them, so the reader's record type is theirs.
  const entry = firstReads.get(reader as RecordMapReader<unknown>) as FirstReadUnderWay<T> | undefined;
  return entry?.key === key ? entry : undefined;
}

/**
 * Starts a screen's first read now — when navigation to it begins, or as the app loads — rather
 * than after its first render, so that reading the database and drawing the page overlap. The
 * screen's `useLiveRecordMap(key, reader)` takes the result if it comes within FIRST_READ_KEPT_MS
 * and no write to the reader's tables landed in between; otherwise it reads again as usual.
 */
export function startFirstRead<T>(key: string, reader: RecordMapReader<T>): void {
  if (firstReadOf(reader, key)) return;
  const slot = reader as RecordMapReader<unknown>;
  // One first read per reader: one for another key (yesterday's dashboard) is dropped.
  firstReads.get(slot)?.stop();
  const onWrite = (parts: ObservabilitySet) => {
    entry.changes = mergeChanges(entry.changes, changesOf(parts, reader.tables));
  };
  const entry: FirstReadUnderWay<T> = {
    key,
    read: reader.readAll(),
    map: undefined,
    changes: {},
    stop: () => {
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onWrite);
      if (firstReads.get(slot) === entry) firstReads.delete(slot);
    },
  };
  // Listening from before the read is under way: what a write during it touched is read again.
  Dexie.on('storagemutated', onWrite);
  const timer = setTimeout(entry.stop, FIRST_READ_KEPT_MS);
  entry.read.then(
    (map) => {
      entry.map = map;
    },
    () => {
      // The screen reads again and reports the failure itself.
      entry.failed = true;
    },
  );
  firstReads.set(slot, entry as FirstReadUnderWay<unknown>);
}

/**
 * Many records by key, kept live like `useLiveQuery`, but a write re-reads only the records it
 * touched instead of the whole set. For screens over every pair of a program (1,000 pairs):
 * one check-in saved in another tab then costs a read of one pair, not of a thousand.
 *
 * `key` names the read (say, the day it is for): a new key, or a new reader, reads everything
 * again, so make the reader once per key (useMemo). Reads run one
 * at a time, in the order the writes came, so an older read never overwrites a newer one. A failed
 * read is thrown to the route's error screen, as `useLiveQuery` does.
 */
export function useLiveRecordMap<T>(key: string, reader: RecordMapReader<T>): ReadonlyMap<string, T> | undefined {
  // A first read already done is drawn in the first render: no loading state at all. What writes
  // touched since it began is read again at once, so a program whose device syncs a change every
  // second does not read all its pairs twice.
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(() => {
    const map = firstReadOf(reader, key)?.map;
    return map && { key, map };
  });
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const { tables, readAll, readSome, affectedKeys } = reader;
    let stopped = false;
    let current: ReadonlyMap<string, T> = new Map();
    let queue: Promise<void> = Promise.resolve();
    const run = (work: () => Promise<ReadonlyMap<string, T>>) => {
      queue = queue
        .then(async () => {
          if (stopped) return;
          const map = await work();
          current = map;
          if (!stopped) setLoaded((shown) => (shown?.key === key && shown.map === map ? shown : { key, map }));
        })
        .catch((error: unknown) => {
          if (!stopped) setFailure(error);
        });
    };
    let settling: { changes: Changes; timer: ReturnType<typeof setTimeout> } | null = null;
    const onWrite = (parts: ObservabilitySet) => {
      const changes = changesOf(parts, tables);
      if (Object.keys(changes).length === 0) return;
      if (!reader.settleMs) {
        readChanges(changes);
        return;
      }
      if (settling) {
        settling.changes = mergeChanges(settling.changes, changes);
        return;
      }
      settling = {
        changes,
        timer: setTimeout(() => {
          const gathered = settling?.changes ?? {};
          settling = null;
          readChanges(gathered);
        }, reader.settleMs),
      };
    };
    const readChanges = (changes: Changes) =>
      run(async () => {
        const keys = affectedKeys(changes, current);
        if (keys === 'all') return readAll();
        if (keys.size === 0) return current;
        const read = await readSome(keys);
        const next = new Map(current);
        for (const [id, record] of read) {
          if (record === null) next.delete(id);
          else next.set(id, record);
        }
        return next;
      });
    // Subscribe before the first read, so that a write landing during it is read again after it.
    Dexie.on('storagemutated', onWrite);
    const started = firstReadOf(reader, key);
    started?.stop();
    run(started && !started.failed ? () => started.read : readAll);
    if (started && Object.keys(started.changes).length > 0) readChanges(started.changes);
    return () => {
      stopped = true;
      if (settling) clearTimeout(settling.timer);
      Dexie.on.storagemutated.unsubscribe(onWrite);
    };
  }, [key, reader]);

  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return loaded?.key === key ? loaded.map : undefined;
}
