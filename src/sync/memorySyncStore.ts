import { initialClockState, nextStamp, observeStamp, type ClockState } from './changeClock';
import { docId, type SyncRecord } from './syncDocument';
import { type SyncedRecordType } from './serverRules';
import type { LocalRecords, SyncStore } from './syncStore';

/** A device held in memory: its records, its change clock and its sync state, for tests. */
export interface MemoryDevice {
  store: SyncStore;
  records: LocalRecords;
  /** Every record on the device, by doc id. */
  all: Map<string, SyncRecord>;
  /** A local edit: stamps the record with the device's clock and marks it pending for `databases`. */
  edit(entry: SyncRecord, databases: readonly string[]): SyncRecord;
}

export function createMemoryDevice(now: () => number = Date.now): MemoryDevice {
  const all = new Map<string, SyncRecord>();
  const checkpoints = new Map<string, string>();
  const revs = new Map<string, string>();
  const pending = new Map<string, Map<string, SyncRecord>>();
  let clock: ClockState = initialClockState;
  const pendingIn = (database: string) => pending.get(database) ?? pending.set(database, new Map()).get(database)!;

  const store: SyncStore = {
    checkpoint: async (database) => checkpoints.get(database) ?? null,
    setCheckpoint: async (database, sequence) => void checkpoints.set(database, sequence),
    rev: async (database, id) => revs.get(`${database}/${id}`) ?? null,
    setRev: async (database, id, rev) => {
      if (rev === null) revs.delete(`${database}/${id}`);
      else revs.set(`${database}/${id}`, rev);
    },
    pending: async (database) => [...pendingIn(database).values()],
    pushed: async (database, entry) => {
      const waiting = pendingIn(database);
      const key = docId(entry.type, entry.record.id);
      // A record edited again while its push was under way stays pending.
      if (waiting.get(key)?.record.updatedAt === entry.record.updatedAt) waiting.delete(key);
    },
  };

  const records: LocalRecords = {
    get: async (type: SyncedRecordType, id: string) => all.get(docId(type, id)) ?? null,
    put: async (entry) => void all.set(docId(entry.type, entry.record.id), entry),
    withdraw: async (type, id) => void all.delete(docId(type, id)),
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

  return { store, records, all, edit };
}
