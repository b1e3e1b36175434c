import { open, seal } from '../crypto/sealing';
import type { MentorlogDatabase } from '../db/database';
import { lockedWordsOf, type LockedWordsRow } from '../db/lockedWords';
import { changeRecords, readPairLogs, recordsInMonths, type LoggedRecords, type LoggedRef } from '../db/monthLogs';
import {
  hasBlankWords,
  lockedWordsContext,
  withoutWords,
  withWords,
  wordsArePrivate,
  wordsOf,
  type LockedRecords,
  type LockedTable,
} from '../domain/privateWords';

/*
 * Sealing and opening the words the app lock keeps at rest (see src/db/lockedWords.ts). Every
 * seal and open runs before or after a Dexie transaction, never inside one: an await on
 * crypto.subtle there would commit it early. The record and its sealed words are then written in
 * one transaction.
 */

/** How far turning the lock on or off has gone, in pairs. */
export interface LockProgress {
  done: number;
  total: number;
}

/** A record as it is to be stored, and its sealed words (null: none to keep). */
export interface PreparedWrite<T extends LockedTable> {
  stored: LockedRecords[T];
  row: LockedWordsRow | null;
}

/** Seals a record's words when the lock is on (a key is given) and they are kept to "only me". */
export async function prepareWrite<T extends LockedTable>(
  table: T,
  record: LockedRecords[T],
  vaultKey: CryptoKey | null,
): Promise<PreparedWrite<T>> {
  if (!vaultKey || !wordsArePrivate(record)) return { stored: record, row: null };
  const sealed = await seal(vaultKey, wordsOf(table, record), lockedWordsContext(table, record.id));
  return {
    stored: withoutWords(table, record),
    row: { recordId: record.id, pairId: record.pairId, table, date: record.date, sealed },
  };
}

/** Writes (or removes) a record's sealed words; inside the record's own transaction, over lockedWords. */
export async function writeLockedWords(database: MentorlogDatabase, recordId: string, row: LockedWordsRow | null) {
  if (row) await lockedWordsOf(database).put(row);
  else await lockedWordsOf(database).delete(recordId);
}

/** The words these rows hold, by record id; a row that does not open is left out (its words stay blank). */
export async function openRows(rows: readonly LockedWordsRow[], vaultKey: CryptoKey): Promise<Map<string, unknown>> {
  const opened = await Promise.all(
    rows.map((row) => open(vaultKey, row.sealed, lockedWordsContext(row.table, row.recordId)).catch(() => undefined)),
  );
  const words = new Map<string, unknown>();
  for (const [index, row] of rows.entries()) if (opened[index] !== undefined) words.set(row.recordId, opened[index]);
  return words;
}

/** Rewrites some of a pair's records of one table through `change` (see `changeRecords`). */
async function changePairRecords<T extends LockedTable>(
  database: MentorlogDatabase,
  table: T,
  refs: LoggedRef[],
  change: (record: LockedRecords[T]) => LockedRecords[T],
): Promise<void> {
  // LoggedRecords[T][number] and LockedRecords[T] are the same record; TypeScript cannot tell for a generic T.
  type Logged = LoggedRecords[T][number];
  if (refs.length > 0)
    await changeRecords(database, table, refs, (record: Logged) => change(record as LockedRecords[T]) as Logged);
}

/**
 * Seals the words of every record kept to "only me" that are still stored in the clear, pair by
 * pair, each pair in one transaction. Resumable: a pair sealed already is passed over, so a run
 * cut short (the app closed) finishes on the next.
 */
export async function sealAllPrivateWords(
  database: MentorlogDatabase,
  vaultKey: CryptoKey,
  onProgress: (progress: LockProgress) => void = () => undefined,
): Promise<void> {
  const pairIds = (await database.pairs.toCollection().primaryKeys()) as string[];
  for (const [index, pairId] of pairIds.entries()) {
    const held = recordsInMonths(await readPairLogs(database, pairId));
    const toSeal = [
      ...held.sessions.filter((record) => wordsArePrivate(record) && !hasBlankWords('sessions', record)),
      ...held.checkIns.filter((record) => wordsArePrivate(record) && !hasBlankWords('checkIns', record)),
    ];
    // Sealed together: Web Crypto works through them while this waits once.
    const prepared = await Promise.all(
      toSeal.map(async (record) => {
        const table: LockedTable = 'notes' in record ? 'sessions' : 'checkIns';
        const { row } = await prepareWrite(table, record, vaultKey);
        // prepareWrite seals every private record it is given a key for.
        return { table, record, row: row as LockedWordsRow };
      }),
    );
    if (prepared.length > 0) {
      await database.transaction('rw', [database.monthLogs, database.lockedWords], async () => {
        const rows: LockedWordsRow[] = [];
        for (const table of ['sessions', 'checkIns'] as const) {
          const sealedHere = new Map(prepared.filter((entry) => entry.table === table).map((e) => [e.record.id, e]));
          const refs = [...sealedHere.values()].map(({ record }) => record);
          await changePairRecords(database, table, refs, (stored) => {
            const entry = sealedHere.get(stored.id);
            // Changed since it was read (a save in another tab): left for the next run.
            if (!entry || stored.updatedAt !== entry.record.updatedAt || !wordsArePrivate(stored)) return stored;
            rows.push(entry.row);
            return withoutWords(table, stored);
          });
        }
        await lockedWordsOf(database).bulkPut(rows);
      });
    }
    onProgress({ done: index + 1, total: pairIds.length });
  }
}

/**
 * Gives every sealed record its words back in the clear and removes the sealed rows, pair by pair,
 * each in one transaction: what turning the lock off does. Resumable as `sealAllPrivateWords` is.
 */
export async function openAllLockedWords(
  database: MentorlogDatabase,
  vaultKey: CryptoKey,
  onProgress: (progress: LockProgress) => void = () => undefined,
): Promise<void> {
  const pairIds = (await lockedWordsOf(database).orderBy('pairId').uniqueKeys()) as string[];
  for (const [index, pairId] of pairIds.entries()) {
    const rows = await lockedWordsOf(database).where('pairId').equals(pairId).toArray();
    const words = await openRows(rows, vaultKey);
    await database.transaction('rw', [database.monthLogs, database.lockedWords], async () => {
      for (const table of ['sessions', 'checkIns'] as const) {
        const refs = rows
          .filter((row) => row.table === table)
          .map((row) => ({ id: row.recordId, pairId: row.pairId, date: row.date }));
        await changePairRecords(database, table, refs, (stored) => {
          const opened = words.get(stored.id);
          return opened === undefined ? stored : withWords(table, stored, opened);
        });
      }
      // Rows that did not open (damaged) go too: nothing could ever open them.
      await lockedWordsOf(database).bulkDelete(rows.map((row) => row.recordId));
    });
    onProgress({ done: index + 1, total: pairIds.length });
  }
}
