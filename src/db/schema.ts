import type { Transaction } from 'dexie';
import { checkInFacts } from '../domain/checkInFacts';
import { lastSessionOf, type PairDigest } from '../domain/pairDigest';
import type { ScoredCheckIn } from '../domain/trend';
import { recordIdsOf, type MonthLog } from './monthLogs';
import { packRecordTables, refreshFromRecordTables } from './recordTables';
import { reportUpgradeProgress } from './upgradeProgress';

export interface SchemaVersion {
  version: number;
  /** Dexie's store declarations: the primary key, then the indexed fields. */
  stores: Readonly<Record<string, string | null>>;
  /**
   * Rewrites records written by the previous version, inside the upgrade transaction. Only Dexie
   * calls may be awaited in it (anything else commits the transaction early).
   */
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/**
 * Every version of the database schema, oldest first. Never edit or remove a version that has
 * shipped: browsers out there hold databases written by it.
 *
 * How to add a version:
 *  1. Append `{ version: N + 1, stores: { …only the tables whose indexes change… }, upgrade }`.
 *     Dexie keeps the stores of earlier versions; `null` deletes a table. Give an `upgrade` when
 *     existing records must change shape (new required field, renamed field, split table): it
 *     runs once, in the upgrade transaction, e.g.
 *       upgrade: (tx) => tx.table('sessions').toCollection().modify((s) => { s.location = ''; })
 *  2. Change the zod schema in src/domain to the new shape.
 *  3. Add a case `{ version: N + 1, check }` to `migrationCases` in `migrations.test.ts`: `check`
 *     gets the database opened at that version over the version-1 fixture (src/test/fixtures/schemaV1.ts) and
 *     asserts every record survived, in its new shape. Before changing a record type, freeze the
 *     fixture (see src/test/fixtures/schemaV1.ts) so that it keeps what version 1 really wrote.
 *  4. If a new index is needed for reads, add it here, not as a filter in src/data.
 *  5. Set FIRST_READ_VERSION (src/db/firstRead.ts) to the new version × 10.
 */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      people: 'id, name, updatedAt',
      pairs: 'id, mentorId, menteeId, status, updatedAt',
      sessions: 'id, [pairId+date], date, updatedAt',
      checkIns: 'id, [pairId+date], raterId, date, updatedAt',
    },
  },
  {
    // Version 2 keeps a digest per pair (src/domain/pairDigest.ts) so that the dashboard and the
    // pairs list read one small record per pair instead of querying every pair's records.
    version: 2,
    stores: { pairDigests: 'pairId' },
    upgrade: async (transaction) => {
      const pairIds = (await transaction.table('pairs').toCollection().primaryKeys()) as string[];
      await refreshFromRecordTables(transaction, pairIds, { tables: ['pairDigests'] });
    },
  },
  {
    // Version 3 keeps each pair's monthly figures (src/domain/pairMonths.ts) so that the program's
    // month-by-month trends read one small record per pair instead of a year of every pair's
    // sessions and check-ins, and are not re-run by every write anywhere.
    // It also drops the indexes no read uses (people and pairs by updatedAt, pairs by status,
    // sessions and check-ins by date and by updatedAt): each is written with every record, and
    // without them writing a large backup (216,000 records) takes about 8% less time.
    version: 3,
    stores: {
      pairMonths: 'pairId',
      people: 'id, name',
      pairs: 'id, mentorId, menteeId',
      sessions: 'id, [pairId+date]',
      checkIns: 'id, [pairId+date], raterId',
    },
    upgrade: async (transaction) => {
      const pairIds = (await transaction.table('pairs').toCollection().primaryKeys()) as string[];
      await refreshFromRecordTables(transaction, pairIds, { tables: ['pairDigests', 'pairMonths'] });
    },
  },
  {
    // Version 4 changes what a pair's digest keeps of its check-ins: their facts (each side's latest
    // trust scores, latest score per characteristic and latest date: src/domain/checkInFacts.ts)
    // instead of the latest check-ins themselves, so the dashboard reads about a third of the bytes
    // and works nothing out from check-ins to draw. No index changes. Each digest's facts are worked
    // out from the check-ins it kept, which are the latest of each side: the same facts a rebuild
    // from the records gives, without reading them (a rebuild took 4.5 s at size M).
    version: 4,
    stores: {},
    upgrade: (transaction) =>
      transaction
        .table('pairDigests')
        .toCollection()
        .modify((digest: Partial<PairDigest> & { sharedCheckIns?: ScoredCheckIn[] }) => {
          if (!digest.sharedCheckIns) return;
          digest.checkIns = checkInFacts(digest.sharedCheckIns);
          delete digest.sharedCheckIns;
        })
        .then(() => undefined),
  },
  {
    // Version 5 stores sessions and check-ins packed, one record per pair and month
    // (src/db/monthLogs.ts): IndexedDB's cost is per record put, and writing a large backup one
    // record per session and check-in (216,000) took 27–29 s against 5–6 s packed (38,000 months).
    // The months' record counts are indexed together so that counting what the device holds reads
    // keys only. Digests and monthly figures stay as they are: the records do not change.
    version: 5,
    stores: { monthLogs: '[pairId+month], [sessionCount+checkInCount]' },
    upgrade: (transaction) => packRecordTables(transaction),
  },
  {
    // Version 6 deletes the per-record tables version 5 packed (a table can only be read by the
    // upgrade of a version before the one that deletes it).
    version: 6,
    stores: { sessions: null, checkIns: null },
  },
  {
    // Version 7 keeps each pair's last session date beside its digest, in a table of its own
    // (src/domain/pairDigest.ts, `PairLastSession`), written with the digest by every write: the
    // pairs list, the first screen of most starts, wants only that of the digest, and read ~1.5 MB
    // at size M for it (the digests were half of that). Filled from the digests, which already hold
    // the date: no records are read.
    version: 7,
    stores: { pairLastSessions: 'pairId' },
    upgrade: async (transaction) => {
      const digests = (await transaction.table('pairDigests').toArray()) as PairDigest[];
      await transaction.table('pairLastSessions').bulkPut(digests.map(lastSessionOf));
    },
  },
  {
    // Version 8 indexes every session's and check-in's id, one entry each, in the months that hold
    // them (`recordIds`, multiEntry), so that a write or an import can tell at once whether an id
    // is already held under another pair or month: ids are unique across the device, and before
    // this a pair file could bring a second record with an id the device held elsewhere. Each
    // month gets the ids of its lists; nothing else changes.
    version: 8,
    stores: { monthLogs: '[pairId+month], [sessionCount+checkInCount], *recordIds' },
    upgrade: (transaction) =>
      transaction
        .table('monthLogs')
        .toCollection()
        .modify((log: MonthLog) => {
          log.recordIds = recordIdsOf(log);
        })
        .then(() => undefined),
  },
  {
    // Version 9 gives every session a visibility for its words (its notes, topics and action items'
    // texts), as check-ins have had: a session logged before it becomes "both of us" ('pair'), which
    // is who could read it then. No index changes; one pass over the months, told by pairs.
    version: 9,
    stores: {},
    upgrade: (transaction) => giveSessionsNotesVisibility(transaction),
  },
  {
    // Version 10 keeps the sync engine's bookkeeping (src/db/syncTables.ts): a checkpoint per
    // database of the program's server, the last known `_rev` per database and doc (also by doc,
    // to tell whether a record ever reached a database), and the local changes still to send
    // (by pair, for the pairs that join with their history). New tables only: no record changes.
    version: 10,
    stores: {
      syncCheckpoints: 'database',
      syncRevs: '[database+docId], docId',
      syncPending: 'docId',
      syncMeta: 'key',
    },
  },
  {
    // Version 11 keeps what end-to-end encryption and the app lock need. The app lock's sealed
    // words (src/db/lockedWords.ts): with the lock on, the words of a session or check-in kept to
    // "only me" are stored here sealed by the vault key, by the record's id (and pair, so that a
    // pair's are read together), and the record keeps its words blank. The keys of the program's
    // sealed databases and the device's own key pair (src/db/keyTables.ts). New tables only:
    // records change only when a person turns the lock on.
    version: 11,
    stores: { lockedWords: 'recordId, pairId', keyring: 'id, database', deviceKeys: 'id' },
  },
];

/** Pairs between two reports of version 9's progress. */
const PROGRESS_EVERY_PAIRS = 50;

async function giveSessionsNotesVisibility(transaction: Transaction): Promise<void> {
  const total = await transaction.table('pairs').count();
  let pairsDone = 0;
  let pairId: string | null = null;
  // The months come in key order, [pairId+month]: each pair's together.
  await transaction
    .table('monthLogs')
    .toCollection()
    .modify((log: MonthLog) => {
      if (log.pairId !== pairId) {
        if (pairId !== null && ++pairsDone % PROGRESS_EVERY_PAIRS === 0)
          reportUpgradeProgress({ done: Math.min(pairsDone, total), total });
        pairId = log.pairId;
      }
      for (const session of log.sessions) session.notesVisibility = 'pair';
    });
}

export const DATABASE_NAME = 'mentorlog';
