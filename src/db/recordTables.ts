import { Dexie } from 'dexie';
import type { CheckIn } from '../domain/checkIn';
import { localToday } from '../domain/dates';
import type { Pair } from '../domain/pair';
import type { Session } from '../domain/session';
import { MonthLogDraft, writeDraft, type LoggedRecords } from './monthLogs';
import { pairDerivedFrom, writePairDerived, type DerivedTable } from './pairDigests';
import type { TableSource } from './tableSource';
import { reportUpgradeProgress } from './upgradeProgress';

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
    source
      .table<Session | CheckIn, string>(table)
      .where('[pairId+date]')
      .between([pairId, Dexie.minKey], [pairId, Dexie.maxKey], true, true)
      .toArray();
  const [sessions, checkIns] = await Promise.all([range('sessions'), range('checkIns')]);
  return { sessions: sessions as Session[], checkIns: checkIns as CheckIn[] };
}

/**
 * What versions 2 and 3 wrote on upgrade: these pairs' digests (and, from version 3, monthly figures)
 * from the per-record tables, into the derived `tables` their version has.
 */
export async function refreshFromRecordTables(
  source: TableSource,
  pairIds: Iterable<string>,
  { tables, today = localToday() }: { tables: readonly DerivedTable[]; today?: string },
): Promise<void> {
  const derived = await Promise.all(
    [...new Set(pairIds)].map(async (pairId) => {
      const [pair, records] = await Promise.all([
        source.table<Pair, string>('pairs').get(pairId),
        readPairFromRecordTables(source, pairId),
      ]);
      return pairDerivedFrom(pairId, pair, records.sessions, records.checkIns, today);
    }),
  );
  await writePairDerived(source, derived, { tables });
}

/** Pairs packed side by side in version 5's upgrade: enough to keep the database busy, few enough to hold. */
const PACK_BATCH = 50;

/**
 * Packs these pairs' records into months, a batch of pairs at a time, telling `onBatch` how many
 * pairs are done; returns how many records it packed.
 */
async function packPairs(
  source: TableSource,
  pairIds: readonly string[],
  onBatch: (pairsDone: number) => void,
): Promise<number> {
  let packed = 0;
  for (let start = 0; start < pairIds.length; start += PACK_BATCH) {
    // The batch's reads are asked for together rather than one after another.
    const batch = await Promise.all(
      pairIds.slice(start, start + PACK_BATCH).map((pairId) => readPairFromRecordTables(source, pairId)),
    );
    const draft = new MonthLogDraft();
    for (const records of batch) {
      draft.put('sessions', records.sessions).put('checkIns', records.checkIns);
      packed += records.sessions.length + records.checkIns.length;
    }
    await writeDraft(source, draft);
    onBatch(Math.min(start + PACK_BATCH, pairIds.length));
  }
  return packed;
}

/**
 * Version 5's upgrade: every session and check-in packed into its pair's month, a batch of pairs at
 * a time, so that a large program is never held in memory whole. Reports its progress by pairs
 * (src/db/upgradeProgress.ts).
 */
export async function packRecordTables(source: TableSource): Promise<void> {
  const pairIds = (await source.table<Pair, string>('pairs').toCollection().primaryKeys()) as string[];
  const packed = await packPairs(source, pairIds, (done) => reportUpgradeProgress({ done, total: pairIds.length }));
  const held = (await Promise.all(RECORD_TABLES.map((table) => source.table(table).count()))).reduce(
    (sum, count) => sum + count,
    0,
  );
  if (packed < held) {
    // Records whose pair is not on the device (the app writes none, but a database is the user's):
    // their pairs are found through the index's keys, slower, and only when they exist.
    const known = new Set(pairIds);
    const missing = new Set<string>();
    for (const table of RECORD_TABLES) {
      const keys = (await source.table(table).orderBy('[pairId+date]').keys()) as unknown as [string, string][];
      for (const [pairId] of keys) if (!known.has(pairId)) missing.add(pairId);
    }
    await packPairs(source, [...missing], () => undefined);
  }
}
