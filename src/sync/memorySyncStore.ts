import { initialClockState, nextStamp, observeStamp, type ClockState } from '../domain/changeClock';
import { docId, type SyncRecord } from '../domain/syncedRecord';
import type { DatabaseKeys, LocalRecords, SyncStore } from './syncStore';

/** A device held in memory: its records, its change clock and its sync state, for tests. */
export interface MemoryDevice {
  store: SyncStore;
  records: LocalRecords;
  /** Every record on the device, by doc id. */
  all: Map<string, SyncRecord>;
  /** A local edit: stamps the record with the device's clock and marks it pending for `databases`. */
  edit(entry: SyncRecord, databases: readonly string[]): SyncRecord;
  /** The content keys of sealed databases, by database: set them to seal and open that database. */
  keys: Map<string, DatabaseKeys>;
}

export function createMemoryDevice(now: () => number = Date.now): MemoryDevice {
  const all = new Map<string, SyncRecord>();
  const keys = new Map<string, DatabaseKeys>();
  const checkpoints = new Map<string, string>();
  const revs = new Map<string, string>();
  const pending = new Map<string, Map<string, SyncRecord>>();
  let clock: ClockState = initialClockState;
  const pendingIn = (database: string) => {
    const found = pending.get(database);
    if (found) return found;
    const created = new Map<string, SyncRecord>();
    pending.set(database, created);
    return created;
  };

  const store: SyncStore = {
    keys: async (database) => keys.get(database) ?? null,
    checkpoint: async (database) => checkpoints.get(database) ?? null,
    setCheckpoint: async (database, sequence) => void checkpoints.set(database, sequence),
    revs: async (database, ids) => {
      const found = new Map<string, string>();
      for (const id of ids) {
        const rev = revs.get(`${database}/${id}`);
        if (rev) found.set(id, rev);
      }
      return found;
    },
    setRevs: async (database, seen) => {
      for (const { docId: id, rev } of seen) {
        if (rev === null) revs.delete(`${database}/${id}`);
        else revs.set(`${database}/${id}`, rev);
      }
    },
    pending: async (database) => [...pendingIn(database).values()],
    pushed: async (database, entries) => {
      const waiting = pendingIn(database);
      for (const entry of entries) {
        const key = docId(entry.type, entry.record.id);
        // A record edited again while its push was under way stays pending.
        if (waiting.get(key)?.record.updatedAt === entry.record.updatedAt) waiting.delete(key);
      }
    },
  };

  const records: LocalRecords = {
    get: async (refs) =>
      refs.map((ref) => {
        const found = all.get(docId(ref.type, ref.id));
        return found ?? null;
      }),
    write: async (pulled, choose) => {
      let applied = 0;
      for (const entry of pulled) {
        const key = docId(entry.type, entry.record.id);
        const chosen = choose(all.get(key) ?? null, entry);
        if (!chosen) continue;
        all.set(key, chosen);
        applied++;
      }
      return { applied, setAside: [] };
    },
    withdraw: async (refs, decide) => {
      let gone = 0;
      for (const ref of refs) {
        const key = docId(ref.type, ref.id);
        const local = all.get(key);
        if (local && decide(local)) {
          all.delete(key);
          gone++;
        }
      }
      return gone;
    },
    observeStamp: async (stamp) => {
      clock = observeStamp(clock, stamp, now()).state;
    },
  };

  function edit(entry: SyncRecord, databases: readonly string[]): SyncRecord {
    const next = nextStamp(clock, now());
    clock = next.state;
    const stamped = { ...entry, record: { ...entry.record, updatedAt: next.stamp } } as SyncRecord;
    all.set(docId(stamped.type, stamped.record.id), stamped);
    for (const database of databases) pendingIn(database).set(docId(stamped.type, stamped.record.id), stamped);
    return stamped;
  }

  return { store, records, all, edit, keys };
}
