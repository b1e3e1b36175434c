import { Dexie } from 'dexie';
import type { CheckIn } from '../domain/checkin';
import { localToday } from '../domain/dates';
import type { Pair } from '../domain/pair';
import type { Session } from '../domain/session';
import { MonthLogDraft, writeDraft, type LoggedRecords } from './monthLogs';
import { pairDerivedFrom, writePairDerived } from './pairDigests';
import type { TableSource } from './tableSource';

/*
 * Versions 1 to 4 stored each session and check-in as a record of its own, in the `sessions` and
 * `checkIns` tables, indexed by [pairId+date]. Only the upgrades read those tables: versions 2 and
 * 3 to build the digests and monthly figures, version 5 to pack them into months
 * (src/db/monthLogs.ts) before version 6 deletes them.
 */

const RECORD_TABLES = ['sessions', 'checkIns'] as const;

/** One pair's records as the per-record tables hold them, by date, then id (the index's order). */
async function readPairFromRecordTables(source: TableSource, pairId: string): Promise<LoggedRecords> {
  const range = (table: (typeof RECORD_TABLES)[number]) =>
    source.table<Session | CheckIn, string>(table).where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey], true, true).toArray();
  const [sessions, checkIns] = await Promise.all([range('sessions'), range('checkIns')]);
  return { sessions: sessions as Session[], checkIns: checkIns as CheckIn[] };
}

/** What versions 2 and 3 wrote on upgrade: these pairs' digests (and monthly figures) from the per-record tables. */
export async function refreshFromRecordTables(
  source: TableSource,
  pairIds: Iterable<string>,
  { digestsOnly = false, today = localToday() }: { digestsOnly?: boolean; today?: string } = {},
): Promise<void> {
  const derived = await Promise.all(
    [...new Set(pairIds)].map(async (pairId) => {
      const [pair, records] = await Promise.all([source.table<Pair, string>('pairs').get(pairId), readPairFromRecordTables(source, pairId)]);
      return pairDerivedFrom(pairId, pair, records.sessions, records.checkIns, today);
    }),
  );
  await writePairDerived(source, derived, { digestsOnly });
}

/**
 * Version 5's upgrade: every session and check-in packed into its pair's month. One pair at a time,
 * so that a large program is never held in memory whole; the pairs come from the index's keys, so
 * that a record whose pair is missing is packed too.
 */
export async function packRecordTables(source: TableSource): Promise<void> {
  const pairIds = new Set<string>();
  for (const table of RECORD_TABLES) {
    const keys = (await source.table(table).orderBy('[pairId+date]').keys()) as unknown as [string, string][];
    for (const [pairId] of keys) pairIds.add(pairId);
  }
  for (const pairId of pairIds) {
    const records = await readPairFromRecordTables(source, pairId);
    await writeDraft(source, new MonthLogDraft().put('sessions', records.sessions).put('checkIns', records.checkIns));
  }
}
