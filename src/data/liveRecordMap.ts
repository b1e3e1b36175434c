import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { giveBackReadAhead, readAheadMap, takeReadAhead } from './readAhead';
import { changesOf, mergeChanges, type Changes, type RecordMapReader } from './recordMapChanges';

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
  // A read begun ahead (readAhead.ts) and done is drawn in the first render: no loading state at
  // all. What writes touched since it began is read again at once, so a program whose device syncs
  // a change every second does not read all its pairs twice.
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(() => {
    const map = readAheadMap(reader, key);
    return map && { key, map };
  });
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const { tables, readAll, readSome, affectedKeys } = reader;
    let stopped = false;
    let current: ReadonlyMap<string, T> = new Map();
    // Whether `current` holds a whole read, brought up to date by every read since but `unread`'s.
    let whole = false;
    let failed = false;
    const unread = new Set<Changes>();
    let queue: Promise<void> = Promise.resolve();
    const run = (work: () => Promise<ReadonlyMap<string, T>>, changes?: Changes) => {
      if (changes) unread.add(changes);
      queue = queue
        .then(async () => {
          if (stopped) return;
          const map = await work();
          current = map;
          whole = true;
          if (changes) unread.delete(changes);
          if (!stopped) setLoaded((shown) => (shown?.key === key && shown.map === map ? shown : { key, map }));
        })
        .catch((error: unknown) => {
          // What failed is not given back: the next visit reads afresh.
          failed = true;
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
      }, changes);
    // Subscribe before the first read, so that a write landing during it is read again after it.
    Dexie.on('storagemutated', onWrite);
    const started = takeReadAhead(reader, key);
    run(started ? () => started.read : readAll);
    if (started && Object.keys(started.changes).length > 0) readChanges(started.changes);
    return () => {
      stopped = true;
      if (settling) clearTimeout(settling.timer);
      Dexie.on.storagemutated.unsubscribe(onWrite);
      // A kept read is given back as drawn, with what the writes not yet read touched.
      const notRead = [...unread, settling?.changes ?? {}].reduce(mergeChanges, {});
      giveBackReadAhead(reader, key, whole && !failed ? { map: current, unread: notRead } : undefined);
    };
  }, [key, reader]);

  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return loaded?.key === key ? loaded.map : undefined;
}
