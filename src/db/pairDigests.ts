import { Dexie, type Table } from 'dexie';
import type { CheckIn } from '../domain/checkin';
import { compareCodeUnits } from '../domain/compareText';
import { localToday } from '../domain/dates';
import type { Pair } from '../domain/pair';
import { buildPairDigest, digestSessionsFrom, type PairDigest } from '../domain/pairDigest';
import { buildPairMonths, pairMonthsFrom, type PairMonths } from '../domain/pairMonths';
import type { Session } from '../domain/session';
import { thresholds } from '../domain/thresholds';

/*
 * Digests and monthly figures are derived data the database keeps beside the records, like an
 * index: they are written with the records (and by the upgrades that brought them in), never by
 * hand, and never exported.
 */

/** The database, or an upgrade transaction: anything that hands out tables by name. */
export interface TableSource {
  table<T, K>(name: string): Table<T, K>;
}

/** What is derived from one pair's records. `months` is missing when the pair record is. */
export interface PairDerived {
  digest: PairDigest;
  months: PairMonths | undefined;
}

/**
 * Rewrites the digests and monthly figures of these pairs from their records. Call it inside the
 * same read-write transaction as the write that changed the pairs' sessions or check-ins (with the
 * pairs, sessions, checkIns, pairDigests and pairMonths tables in scope), so that neither ever
 * disagrees with the records.
 */
export async function refreshPairDigests(source: TableSource, pairIds: Iterable<string>, today: string = localToday()): Promise<void> {
  const derived = await readEach(source, pairIds, today);
  if (derived.length === 0) return;
  await source.table<PairDigest, string>('pairDigests').bulkPut(derived.map(({ digest }) => digest));
  await source.table<PairMonths, string>('pairMonths').bulkPut(derived.flatMap(({ months }) => (months ? [months] : [])));
}

/**
 * Rewrites the digests and monthly figures of these pairs from records the caller already holds,
 * without reading them back: for a write after which `records` holds every session and check-in
 * these pairs have (a restore onto a device that had none). Pairs missing from `records.pairs` are
 * read. Call it inside the write's transaction, as `refreshPairDigests`; it writes what that would.
 */
export async function refreshPairDigestsFrom(
  source: TableSource,
  pairIds: Iterable<string>,
  records: { pairs: readonly Pair[]; sessions: readonly Session[]; checkIns: readonly CheckIn[] },
  today: string = localToday(),
): Promise<void> {
  const wanted = [...new Set(pairIds)];
  if (wanted.length === 0) return;
  const pairs = new Map(records.pairs.map((pair) => [pair.id, pair]));
  const unread = wanted.filter((pairId) => !pairs.has(pairId));
  for (const pair of await source.table<Pair, string>('pairs').bulkGet(unread)) if (pair) pairs.set(pair.id, pair);
  const byPair = new Map<string, { sessions: Session[]; checkIns: CheckIn[] }>(wanted.map((pairId) => [pairId, { sessions: [], checkIns: [] }]));
  for (const session of records.sessions) byPair.get(session.pairId)?.sessions.push(session);
  for (const checkIn of records.checkIns) byPair.get(checkIn.pairId)?.checkIns.push(checkIn);
  const derived = [...byPair].map(([pairId, own]) => pairDerivedFrom(pairId, pairs.get(pairId), own.sessions, own.checkIns, today));
  await source.table<PairDigest, string>('pairDigests').bulkPut(derived.map(({ digest }) => digest));
  await source.table<PairMonths, string>('pairMonths').bulkPut(derived.flatMap(({ months }) => (months ? [months] : [])));
}

/**
 * Rewrites only the digests: what the version-2 upgrade did when it shipped. That upgrade runs with
 * version 2's tables, before pairMonths exists; version 3's upgrade writes the rest.
 */
export async function refreshDigestsOnly(source: TableSource, pairIds: Iterable<string>, today: string = localToday()): Promise<void> {
  const derived = await readEach(source, pairIds, today);
  if (derived.length === 0) return;
  await source.table<PairDigest, string>('pairDigests').bulkPut(derived.map(({ digest }) => digest));
}

function readEach(source: TableSource, pairIds: Iterable<string>, today: string): Promise<PairDerived[]> {
  return Promise.all([...new Set(pairIds)].map((pairId) => readPairDerived(source, pairId, today)));
}

const live = (record: { deletedAt: string | null }) => record.deletedAt === null;
// The digest's rule; for the program's viewer it is the same as scoresSharedWithProgram.
const sharedWithProgram = (checkIn: CheckIn) => live(checkIn) && checkIn.visibility === 'program';

/**
 * A pair's digest and monthly figures, read through the [pairId+date] index. The months reach
 * further back than the digest's sessions, so one read of each table from there serves both; only
 * a pair quiet for that long needs another look for its last session or its latest check-ins.
 */
async function readPairDerived(source: TableSource, pairId: string, today: string): Promise<PairDerived> {
  const sessionsTable = source.table<Session, string>('sessions');
  const checkInsTable = source.table<CheckIn, string>('checkIns');
  const monthsFrom = pairMonthsFrom(today);
  const digestFrom = digestSessionsFrom(today);
  const from = monthsFrom < digestFrom ? monthsFrom : digestFrom;
  const [pair, sessions, checkIns] = await Promise.all([
    source.table<Pair, string>('pairs').get(pairId),
    sessionsTable.where('[pairId+date]').between([pairId, from], [pairId, Dexie.maxKey], true, true).toArray(),
    checkInsTable.where('[pairId+date]').between([pairId, from], [pairId, Dexie.maxKey], true, true).toArray(),
  ]);
  const liveSessions = sessions.filter(live);
  // In date order through the index and reaching to the last date, so the last is the latest of all.
  const lastSessionDate = liveSessions.at(-1)?.date ?? (await latestLiveSession(sessionsTable, pairId))?.date ?? null;
  // Newest first, as latestSharedCheckIns reads them, so that two check-ins of the same moment keep
  // one order in the digest whichever way they were read.
  const sharedInReach = checkIns.filter(sharedWithProgram).reverse();
  // Every check-in before `from` is older than these, so when they are enough the rest cannot count.
  const sharedCheckIns = enoughOfEachSide(sharedInReach) ? sharedInReach : await latestSharedCheckIns(checkInsTable, pairId);
  return {
    digest: buildPairDigest({ pairId, writtenOn: today, lastSessionDate, sessions: liveSessions, sharedCheckIns }),
    months: pair ? buildPairMonths({ pair, writtenOn: today, sessions, checkIns }) : undefined,
  };
}

/** The order of the [pairId+date] index within one pair: by date, then by id. */
function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return compareCodeUnits(a.date, b.date) || compareCodeUnits(a.id, b.id);
}

/**
 * A pair's digest and monthly figures from every one of its sessions and check-ins, given in any
 * order: what `readPairDerived` reads through the index, handed to the builders in the order it
 * reads them in.
 */
function pairDerivedFrom(pairId: string, pair: Pair | undefined, sessions: readonly Session[], checkIns: readonly CheckIn[], today: string): PairDerived {
  const monthsFrom = pairMonthsFrom(today);
  const digestFrom = digestSessionsFrom(today);
  const from = monthsFrom < digestFrom ? monthsFrom : digestFrom;
  const sessionsInReach = sessions.filter((session) => session.date >= from).sort(byDateThenId);
  let lastSessionDate: string | null = null;
  for (const session of sessions) {
    if (live(session) && (lastSessionDate === null || session.date > lastSessionDate)) lastSessionDate = session.date;
  }
  return {
    digest: buildPairDigest({
      pairId,
      writtenOn: today,
      lastSessionDate,
      sessions: sessionsInReach.filter(live),
      // Newest first, as latestSharedCheckIns reads them.
      sharedCheckIns: checkIns.filter(sharedWithProgram).sort(byDateThenId).reverse(),
    }),
    months: pair
      ? buildPairMonths({ pair, writtenOn: today, sessions: sessionsInReach, checkIns: checkIns.filter((checkIn) => checkIn.date >= from).sort(byDateThenId) })
      : undefined,
  };
}

function latestLiveSession(sessions: Table<Session, string>, pairId: string): Promise<Session | undefined> {
  return sessions.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).reverse().filter(live).first();
}

function enoughOfEachSide(checkIns: readonly CheckIn[]): boolean {
  const wanted = thresholds.TREND_WINDOW;
  return (
    checkIns.filter((checkIn) => checkIn.side === 'mentor').length >= wanted && checkIns.filter((checkIn) => checkIn.side === 'mentee').length >= wanted
  );
}

/**
 * The pair's latest check-ins shared with the program, newest first, at least TREND_WINDOW of each
 * side where there are that many. Reads a page of the newest first; only a pair where one side has
 * fallen silent needs the rest of its check-ins read.
 */
async function latestSharedCheckIns(checkIns: Table<CheckIn, string>, pairId: string): Promise<CheckIn[]> {
  const page = thresholds.TREND_WINDOW * 8;
  const newestFirst = () => checkIns.where('[pairId+date]').between([pairId, Dexie.minKey], [pairId, Dexie.maxKey]).reverse();
  // Only scores shared with the program reach the digest: it feeds the coordinator's views.
  const shared = (records: CheckIn[]) => records.filter(sharedWithProgram);
  const newest = await newestFirst().limit(page).toArray();
  if (newest.length < page || enoughOfEachSide(shared(newest))) return shared(newest);
  return shared(await newestFirst().toArray());
}
