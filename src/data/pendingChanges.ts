import type { SyncPendingMark, SyncRev } from '../db/syncTables';
import type { TableSource } from '../db/tableSource';
import { checkInForPartner } from '../domain/pairShare';
import type { SyncAccount } from '../domain/syncAccount';
import { docId, mayReachServer, pairIdOf, type SyncRecord } from '../domain/syncedRecord';
import { readSyncAccount } from './syncAccount';

/*
 * Every local change of a person, pair, session or check-in is marked pending here, inside the
 * transaction that writes it (its tables: `pendingMarkTables`), so that a change and its mark are
 * written together or not at all, and the sync engine finds it however the app was closed. Only a
 * device with a sync account marks anything: a device without a server (and the benchmark's
 * imports) grows no pending table.
 */

export function pendingMarkOf(entry: SyncRecord): SyncPendingMark {
  return {
    docId: docId(entry.type, entry.record.id),
    type: entry.type,
    recordId: entry.record.id,
    pairId: pairIdOf(entry),
    author: entry.type === 'checkIn' ? entry.record.raterId : null,
    updatedAt: entry.record.updatedAt,
    reached: [],
  };
}

/** A check-in whose scores and words are both private: no database may hold any of it. */
function wholePrivate(entry: SyncRecord): boolean {
  return entry.type === 'checkIn' && checkInForPartner(entry.record) === null;
}

/**
 * Marks these changed records pending, when this device syncs (call inside the write's
 * transaction, with `pendingMarkTables` in its scope); returns how many it marked. A record no database of the account takes is
 * not marked. A wholly private check-in is marked only if it once reached a database: it has been
 * narrowed, and its copy there must be taken back (see `outgoingChange` in src/sync/syncDocument.ts).
 */
export async function markPending(
  source: TableSource,
  entries: readonly SyncRecord[],
  account: Pick<SyncAccount, 'role' | 'pairIds'> | null = readSyncAccount(),
): Promise<number> {
  if (account === null || entries.length === 0) return 0;
  const reaching = entries.filter((entry) => mayReachServer(account, entry));
  const privateIds = reaching.filter(wholePrivate).map((entry) => docId(entry.type, entry.record.id));
  const everSent =
    privateIds.length === 0
      ? new Set<string>()
      : new Set(
          (await source.table<SyncRev, [string, string]>('syncRevs').where('docId').anyOf(privateIds).toArray()).map(
            (rev) => rev.docId,
          ),
        );
  const marks = reaching
    .filter((entry) => !wholePrivate(entry) || everSent.has(docId(entry.type, entry.record.id)))
    .map(pendingMarkOf);
  if (marks.length > 0) await source.table<SyncPendingMark, string>('syncPending').bulkPut(marks);
  return marks.length;
}

/** `markPending` for a write of records of one type. */
export function markPendingOf<T extends SyncRecord['type']>(
  source: TableSource,
  type: T,
  records: readonly Extract<SyncRecord, { type: T }>['record'][],
): Promise<number> {
  return markPending(
    source,
    records.map((record) => ({ type, record }) as SyncRecord),
  );
}
