import { Dexie, type Table } from 'dexie';
import type { CheckIn } from '../domain/checkin';
import { localToday } from '../domain/dates';
import { buildPairDigest, digestSessionsFrom, type PairDigest } from '../domain/pairDigest';
import type { Session } from '../domain/session';
import { thresholds } from '../domain/thresholds';

/*
 * Digests are derived data the database keeps beside the records, like an index: they are written
 * with the records (and by the version-2 upgrade), never by hand, and never exported.
 */

/** The database, or an upgrade transaction: anything that hands out tables by name. */
export interface TableSource {
  table<T, K>(name: string): Table<T, K>;
}

/**
 * Rewrites the digests of these pairs from their records. Call it inside the same read-write
 * transaction as the write that changed the pairs' sessions or check-ins (with the sessions,
 * checkIns and pairDigests tables in scope), so that a digest never disagrees with the records.
 */
export async function refreshPairDigests(source: TableSource, pairIds: Iterable<string>, today: string = localToday()): Promise<void> {
  const ids = [...new Set(pairIds)];
  if (ids.length === 0) return;
  const digests = await Promise.all(ids.map((pairId) => readPairDigest(source, pairId, today)));
  await source.table<PairDigest, string>('pairDigests').bulkPut(digests);
}

export async function readPairDigest(source: TableSource, pairId: string, today: string): Promise<PairDigest> {
  const sessions = source.table<Session, string>('sessions');
  const live = (record: { deletedAt: string | null }) => record.deletedAt === null;
  const [recent, latest, sharedCheckIns] = await Promise.all([
    sessions
      .where('[pairId+date]')
      .between([pairId, digestSessionsFrom(today)], [pairId, Dexie.maxKey], true, true)
      .filter(live)
      .toArray(),
    sessions.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).reverse().filter(live).first(),
    latestSharedCheckIns(source.table<CheckIn, string>('checkIns'), pairId),
  ]);
  return buildPairDigest({ pairId, writtenOn: today, lastSessionDate: latest?.date ?? null, sessions: recent, sharedCheckIns });
}

/**
 * The pair's latest check-ins shared with the program, at least TREND_WINDOW of each side where
 * there are that many. Reads a page of the newest first; only a pair where one side has fallen
 * silent needs the rest of its check-ins read.
 */
async function latestSharedCheckIns(checkIns: Table<CheckIn, string>, pairId: string): Promise<CheckIn[]> {
  const wanted = thresholds.TREND_WINDOW;
  const page = wanted * 8;
  const range = checkIns.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]);
  const shared = (records: CheckIn[]) => records.filter((checkIn) => checkIn.deletedAt === null && checkIn.visibility === 'program');
  const newest = await range.clone().reverse().limit(page).toArray();
  const enough = (records: CheckIn[]) =>
    records.filter((checkIn) => checkIn.side === 'mentor').length >= wanted && records.filter((checkIn) => checkIn.side === 'mentee').length >= wanted;
  // Only scores shared with the program reach the digest: it feeds the coordinator's views.
  if (newest.length < page || enough(shared(newest))) return shared(newest);
  return shared(await range.toArray());
}
