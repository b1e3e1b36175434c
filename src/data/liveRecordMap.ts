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
  affectedKeys: (changes: Partial<Record<string, TableChange>>, current: ReadonlyMap<string, T>) => ReadonlySet<string> | 'all';
}

interface Loaded<T> {
  key: string;
  map: ReadonlyMap<string, T>;
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
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(undefined);
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
          current = await work();
          if (!stopped) setLoaded({ key, map: current });
        })
        .catch((error: unknown) => {
          if (!stopped) setFailure(error);
        });
    };
    const onWrite = (parts: ObservabilitySet) => {
      const changes: Partial<Record<string, TableChange>> = {};
      for (const table of tables) {
        const change = changesTo(parts, db.name, table);
        if (change) changes[table] = change;
      }
      if (Object.keys(changes).length === 0) return;
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
    };
    // Subscribe before the first read, so that a write landing during it is read again after it.
    Dexie.on('storagemutated', onWrite);
    run(readAll);
    return () => {
      stopped = true;
      Dexie.on.storagemutated.unsubscribe(onWrite);
    };
  }, [key, reader]);

  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return loaded?.key === key ? loaded.map : undefined;
}
