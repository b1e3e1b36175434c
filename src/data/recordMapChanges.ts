import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';
import { db } from '../db/database';

/*
 * What a live record map reads (`RecordMapReader`), and what a committed write touched of it: the
 * vocabulary shared by the live maps (liveRecordMap.ts), the reads begun before their screen
 * (readAhead.ts) and the remembered pairs list (pairListSnapshot.ts).
 */

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

export type Changes = Partial<Record<string, TableChange>>;

/** What a write touched in each of `tables` it did not leave alone. */
export function changesOf(parts: ObservabilitySet, tables: readonly string[]): Changes {
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
