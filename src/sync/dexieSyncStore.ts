import { observeChangeStamp } from '../data/changeStamp';
import {
  dropPendingMarks,
  readCheckpoint,
  readPendingMarks,
  readRevs,
  readSyncMeta,
  recordReached,
  writeCheckpoint,
  writeRevs,
  writeSyncMeta,
} from '../data/syncBookkeeping';
import { LoggedIdLedger } from '../data/heldRecords';
import { deviceKey, keepContentKeys, readKeyring, usableKeys } from '../data/keyring';
import { readSyncedRecords, withdrawRecords, writePulledRecords, type PulledGroup } from '../data/syncedRecords';
import type { MentorlogDatabase } from '../db/database';
import { keyringId } from '../db/keyTables';
import type { SyncPendingMark } from '../db/syncTables';
import type { SyncAccount } from '../domain/syncAccount';
import { docId, type SyncRecord } from '../domain/syncedRecord';
import { deviceIdOf } from './deviceRegistry';
import { openKeyBoxes } from './keyRotation';
import { removedMetaKey } from './registerDevices';
import { keyringVersion } from './keyringChanges';
import { DIRECTORY_DATABASE, databaseOf, pairDatabaseName, sharedDatabaseName } from './serverRules';
import type { DatabaseKeys, LocalRecords, SyncStore, WriteOutcome } from './syncStore';

/*
 * The engine's store and records over the device's own database (through src/data, since sync may
 * not touch Dexie). Which databases a pending change goes to is the account's business, so it is
 * decided here: a mark no database takes is dropped, and a mark is gone once every database it
 * goes to has its version.
 */

/** Pulled docs written in one transaction at most, however many pulls are waiting. */
const WRITE_BATCH = 5000;

/** Where the sync's meta says a database's docs were set aside for want of keys that may yet come. */
const missingMetaKey = (database: string) => `keysMissing:${database}`;

export interface DexieSync {
  store: SyncStore;
  records: LocalRecords;
  /** The databases of the account a pending change goes to (none: it goes nowhere). */
  destinations(mark: SyncPendingMark): string[];
  /** Reads the account's pairs again, to know whose person records go where. */
  refreshPartners(): Promise<void>;
  /** Reads the device's session and check-in ids, when few, so that a first sync need not look each up (see LoggedIdLedger). */
  readLedger(): Promise<void>;
}

/** The keyring's entries as the engine takes them, by database. */
function keysByDatabase(
  entries: readonly { database: string; generation: number; key: CryptoKey }[],
): Map<string, DatabaseKeys> {
  const byDatabase = new Map<string, DatabaseKeys>();
  for (const entry of entries) {
    const held = byDatabase.get(entry.database);
    const byGeneration = new Map(held?.byGeneration ?? []);
    byGeneration.set(entry.generation, entry.key);
    const sealWith =
      held && held.sealWith.generation > entry.generation
        ? held.sealWith
        : { generation: entry.generation, key: entry.key };
    byDatabase.set(entry.database, { sealWith, byGeneration });
  }
  return byDatabase;
}

export function dexieSync(database: MentorlogDatabase, account: SyncAccount): DexieSync {
  const pairIds = new Set(account.pairIds);
  /** Person id → the account's pairs they are a partner in. */
  let partnerIn = new Map<string, string[]>();
  let ledger: LoggedIdLedger | null = null;

  async function refreshPartners(): Promise<void> {
    if (account.role !== 'partner') return;
    const pairs = await readSyncedRecords(
      database,
      account.pairIds.map((id) => ({ type: 'pair', id })),
    );
    const next = new Map<string, string[]>();
    for (const entry of pairs) {
      if (entry?.type !== 'pair') continue;
      for (const personId of [entry.record.mentorId, entry.record.menteeId])
        next.set(personId, [...(next.get(personId) ?? []), entry.record.id]);
    }
    partnerIn = next;
  }

  function destinations(mark: SyncPendingMark): string[] {
    if (account.role === 'coordinator')
      return mark.type === 'pair' || mark.type === 'person' ? [DIRECTORY_DATABASE] : [];
    if (mark.type === 'person') return (partnerIn.get(mark.recordId) ?? []).map(pairDatabaseName);
    // Only its author may write a check-in on the server: a partner's, from a file, stays here.
    if (mark.type === 'checkIn' && mark.author !== account.personId) return [];
    if (mark.pairId === null || !pairIds.has(mark.pairId)) return [];
    return [pairDatabaseName(mark.pairId), sharedDatabaseName(mark.pairId)];
  }

  // Checkpoints as this engine last read or wrote them: a coordinator's cycle asks for a thousand
  // every round. Another tab's engine moving one on only makes this one read a few changes again.
  const checkpoints = new Map<string, string | null>();
  // The keys, read once (a coordinator's thousand databases each ask before every read); a database
  // without any is asked again, since an invitation may give this device its keys at any time.
  let keyring: Promise<Map<string, DatabaseKeys>> | null = null;
  let keyringSeen = keyringVersion();
  // Where the registry said this device was removed, by database (kept in the sync's meta).
  const removed = new Map<string, string | null>();
  let ownDevice: Promise<{ privateKey: CryptoKey; id: string }> | null = null;
  const store: SyncStore = {
    async takeKeyDocs(name, docs) {
      const place = databaseOf(name);
      if (!place || place.kind === 'directory') return { problems: [], rewind: false };
      ownDevice ??= deviceKey(database).then(async (own) => ({
        privateKey: own.privateKey,
        id: await deviceIdOf(own.publicKey),
      }));
      const own = await ownDevice;
      const { keys, problems } = await openKeyBoxes(own.privateKey, own.id, docs, name, place.pairId);
      let rewind = false;
      if (keys.length > 0) {
        // A generation held already stays as it is: its records were sealed with it.
        const held = new Set((await readKeyring(null, database)).map((entry) => entry.id));
        const fresh = keys.filter((key) => !held.has(keyringId(key.database, key.generation)));
        if (fresh.length > 0) {
          await keepContentKeys(fresh, database);
          keyring = null;
          rewind = (await readSyncMeta(database, missingMetaKey(name))) === '1';
          if (rewind) await writeSyncMeta(database, missingMetaKey(name), '0');
        }
      }
      for (const doc of docs) {
        const entry = doc as { _id?: unknown; device?: { removedAt?: unknown } } | null;
        const removedAt = entry?.device?.removedAt;
        if (entry?._id === `device:${own.id}` && typeof removedAt === 'string') {
          await writeSyncMeta(database, removedMetaKey(name), removedAt);
          removed.set(name, removedAt);
        }
      }
      return { problems, rewind };
    },
    keysMissing: (name) => writeSyncMeta(database, missingMetaKey(name), '1'),
    async removedAt(name) {
      if (!removed.has(name)) removed.set(name, await readSyncMeta(database, removedMetaKey(name)));
      return removed.get(name) ?? null;
    },
    async keys(name) {
      // Keys kept elsewhere (a device removed on the devices screen): read them all again.
      if (keyringVersion() !== keyringSeen) {
        keyringSeen = keyringVersion();
        keyring = null;
      }
      // With the app lock on, the keys open only while it is unlocked (AppLockedError otherwise).
      keyring ??= readKeyring(null, database)
        .then((entries) => usableKeys(entries, database))
        .then(keysByDatabase)
        .catch((error: unknown) => {
          keyring = null;
          throw error;
        });
      const held = (await keyring).get(name);
      if (held) return held;
      const fresh = keysByDatabase(await usableKeys(await readKeyring([name], database), database)).get(name) ?? null;
      if (fresh) (await keyring).set(name, fresh);
      return fresh;
    },
    async checkpoint(name) {
      if (!checkpoints.has(name)) checkpoints.set(name, await readCheckpoint(database, name));
      return checkpoints.get(name) ?? null;
    },
    async setCheckpoint(name, sequence) {
      await writeCheckpoint(database, name, sequence);
      checkpoints.set(name, sequence);
    },
    revs: (name, docIds) => readRevs(database, name, docIds),
    setRevs: (name, revs) => writeRevs(database, name, revs),
    async pending(name) {
      await refreshPartners();
      const marks = await readPendingMarks(database);
      const stale = marks.filter((mark) => destinations(mark).length === 0);
      const due = marks.filter((mark) => destinations(mark).includes(name) && !mark.reached.includes(name));
      const held = await readSyncedRecords(
        database,
        due.map((mark) => ({ type: mark.type, id: mark.recordId })),
      );
      const entries: SyncRecord[] = [];
      for (const [index, mark] of due.entries()) {
        const entry = held[index];
        // The record was replaced by a pulled version, or withdrawn: nothing of this device's to send.
        if (!entry || entry.record.updatedAt !== mark.updatedAt) stale.push(mark);
        else entries.push(entry);
      }
      await dropPendingMarks(database, stale);
      return entries;
    },
    pushed: (name, entries) =>
      recordReached(
        database,
        name,
        entries.map((entry) => ({ docId: docId(entry.type, entry.record.id), updatedAt: entry.record.updatedAt })),
        destinations,
      ),
  };

  // Pulls that finish while a write is under way wait and go together in the next one: a
  // coordinator's first sync reads a page from each of a thousand databases.
  let queue: { group: PulledGroup; resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      let taken = 1;
      let size = queue[0]?.group.entries.length ?? 0;
      while (taken < queue.length && size + (queue[taken]?.group.entries.length ?? 0) <= WRITE_BATCH)
        size += queue[taken++]?.group.entries.length ?? 0;
      const batch = queue.slice(0, taken);
      queue = queue.slice(taken);
      try {
        const outcomes = await writePulledRecords(
          database,
          batch.map((item) => item.group),
          ledger,
        );
        for (const [index, item] of batch.entries()) {
          const outcome = outcomes[index] ?? { applied: [], setAside: [] };
          item.resolve({
            applied: outcome.applied.length,
            setAside: outcome.setAside.map(({ entry, message }) => ({
              docId: docId(entry.type, entry.record.id),
              message,
            })),
          });
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = false;
  }

  const records: LocalRecords = {
    get: (refs) => readSyncedRecords(database, refs),
    write: (pulled, choose) =>
      new Promise<WriteOutcome>((resolve, reject) => {
        if (pulled.length === 0) return resolve({ applied: 0, setAside: [] });
        queue.push({ group: { entries: pulled, choose }, resolve, reject });
        if (!writing) void drain();
      }),
    withdraw: (refs, decide) => withdrawRecords(database, refs, decide, ledger),
    observeStamp: async (stamp) => observeChangeStamp(stamp),
  };

  async function readLedger(): Promise<void> {
    ledger = await database.transaction('r', database.monthLogs, () => LoggedIdLedger.read(database));
  }

  return { store, records, destinations, refreshPartners, readLedger };
}
