import type { CheckIn } from '../domain/checkIn';
import { localToday, monthOf } from '../domain/dates';
import type { Pair } from '../domain/pair';
import {
  buildPairDigest,
  digestSessionsFrom,
  lastSessionOf,
  type PairDigest,
  type PairLastSession,
} from '../domain/pairDigest';
import { buildPairMonths, pairMonthsFrom, type PairMonths } from '../domain/pairMonths';
import type { Session } from '../domain/session';
import { thresholds } from '../domain/thresholds';
import {
  MONTH_LOGS,
  MonthLogDraft,
  byDateThenId,
  holdsRecordId,
  applyMonthChanges,
  readPairLogs,
  readPairRecords,
  recordsDatedFrom,
  recordsInMonths,
  writeDraft,
  type LoggedRecords,
  type LoggedTable,
  type MonthLog,
  type MonthLogKey,
} from './monthLogs';
import type { TableSource } from './tableSource';

/*
 * Digests and monthly figures are derived data the database keeps beside the records, like an
 * index: they are written with the records (and by the upgrades that brought them in), never by
 * hand, and never exported.
 */

/** What is derived from one pair's records. `months` is missing when the pair record is. */
export interface PairDerived {
  digest: PairDigest;
  months: PairMonths | undefined;
}

/**
 * Rewrites the digests and monthly figures of these pairs from their records. Call it inside the
 * same read-write transaction as the write that changed the pairs' sessions or check-ins (with the
 * pairs, monthLogs, pairDigests and pairMonths tables in scope), so that neither ever disagrees
 * with the records.
 */
export async function refreshPairDigests(
  source: TableSource,
  pairIds: Iterable<string>,
  today: string = localToday(),
): Promise<void> {
  await writePairDerived(
    source,
    await Promise.all([...new Set(pairIds)].map((pairId) => readPairDerived(source, pairId, today))),
  );
}

/** The tables derived from the records, in the order the schema brought them in. */
export const DERIVED_TABLES = ['pairDigests', 'pairMonths', 'pairLastSessions'] as const;
export type DerivedTable = (typeof DERIVED_TABLES)[number];

/**
 * Writes pairs' digests, their monthly figures and their last session dates; an upgrade of a
 * version before one of those tables existed names the tables it has in `tables`.
 */
export async function writePairDerived(
  source: TableSource,
  derived: readonly PairDerived[],
  { tables = DERIVED_TABLES }: { tables?: readonly DerivedTable[] } = {},
): Promise<void> {
  if (derived.length === 0) return;
  // The puts go out together: one round trip of the transaction, not three.
  await Promise.all([
    source.table<PairDigest, string>('pairDigests').bulkPut(derived.map(({ digest }) => digest)),
    tables.includes('pairMonths')
      ? source
          .table<PairMonths, string>('pairMonths')
          .bulkPut(derived.flatMap(({ months }) => (months ? [months] : [])))
      : undefined,
    tables.includes('pairLastSessions')
      ? source
          .table<PairLastSession, string>('pairLastSessions')
          .bulkPut(derived.map(({ digest }) => lastSessionOf(digest)))
      : undefined,
  ]);
}

/**
 * Adds a session or check-in that must be new (refusing one whose id the device holds anywhere) and rewrites
 * its pair's digest and monthly figures: what adding it to its month and then `refreshPairDigests`
 * did, in two round trips of the transaction instead of five. The pair's months in the digests' reach are read
 * once, and serve the check, the write and the figures; a record dated before the reach reads its
 * own month beside them, and a pair with too little in reach reads all its months, as
 * `refreshPairDigests` would. Call it inside a read-write transaction over the pair write tables.
 */
export async function addPairRecord<T extends LoggedTable>(
  source: TableSource,
  table: T,
  record: LoggedRecords[T][number],
  today: string = localToday(),
): Promise<void> {
  const { pairId } = record;
  const from = reachFrom(today);
  const month = monthOf(record.date);
  const beforeReach = month < monthOf(from);
  const [pair, inReach, olderMonth, idHeld] = await Promise.all([
    source.table<Pair, string>('pairs').get(pairId),
    readPairLogs(source, pairId, monthOf(from)),
    beforeReach ? source.table<MonthLog, MonthLogKey>(MONTH_LOGS).get([pairId, month]) : undefined,
    // Ids are unique across the device: held in this month, another month or another pair's.
    holdsRecordId(source, record.id),
  ]);
  if (idHeld) throw new Error(`A record with id ${record.id} is already stored.`);
  const held = beforeReach ? olderMonth : inReach.find((log) => log.month === month);
  const draft = new MonthLogDraft(held ? [held] : []).put(table, [record] as LoggedRecords[T]);
  const changes = draft.changed();
  // A month before the reach, once added to the months in reach, has its records filtered out here.
  const reached = recordsDatedFrom(recordsInMonths(applyMonthChanges(inReach, changes)), from);
  const records = reachHoldsEnough(reached)
    ? reached
    : recordsInMonths(applyMonthChanges(await readPairLogs(source, pairId), changes));
  await Promise.all([
    writeDraft(source, draft),
    writePairDerived(source, [pairDerivedFrom(pairId, pair, records.sessions, records.checkIns, today)]),
  ]);
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
  const byPair = new Map<string, { sessions: Session[]; checkIns: CheckIn[] }>(
    wanted.map((pairId) => [pairId, { sessions: [], checkIns: [] }]),
  );
  for (const session of records.sessions) byPair.get(session.pairId)?.sessions.push(session);
  for (const checkIn of records.checkIns) byPair.get(checkIn.pairId)?.checkIns.push(checkIn);
  await writePairDerived(
    source,
    [...byPair].map(([pairId, own]) => pairDerivedFrom(pairId, pairs.get(pairId), own.sessions, own.checkIns, today)),
  );
}

const live = (record: { deletedAt: string | null }) => record.deletedAt === null;
// The digest's rule; for the program's viewer it is the same as scoresSharedWithProgram.
const sharedWithProgram = (checkIn: CheckIn) => live(checkIn) && checkIn.visibility === 'program';

/** The earliest date a digest or the monthly figures look at. */
function reachFrom(today: string): string {
  const monthsFrom = pairMonthsFrom(today);
  const digestFrom = digestSessionsFrom(today);
  return monthsFrom < digestFrom ? monthsFrom : digestFrom;
}

/**
 * A pair's digest and monthly figures from its stored months. The months reach further back than
 * the digest's sessions, so the months from there serve both; only a pair with no live session in
 * that time, or too few check-ins of a side, needs the rest of its history for its last session or
 * its latest check-ins.
 */
async function readPairDerived(source: TableSource, pairId: string, today: string): Promise<PairDerived> {
  const from = reachFrom(today);
  const [pair, inReach] = await Promise.all([
    source.table<Pair, string>('pairs').get(pairId),
    readPairRecords(source, pairId, from),
  ]);
  const records = reachHoldsEnough(inReach) ? inReach : await readPairRecords(source, pairId);
  return pairDerivedFrom(pairId, pair, records.sessions, records.checkIns, today);
}

/**
 * A pair's digest and monthly figures from its sessions and check-ins, given in any order: every
 * one of them, or at least every one from `reachFrom(today)` on when those hold a live session and
 * enough check-ins of each side.
 */
export function pairDerivedFrom(
  pairId: string,
  pair: Pair | undefined,
  sessions: readonly Session[],
  checkIns: readonly CheckIn[],
  today: string,
): PairDerived {
  const from = reachFrom(today);
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
      // Newest first; check-ins of one date by id, so that the digest is the same however read.
      sharedCheckIns: checkIns.filter(sharedWithProgram).sort(byDateThenId).reverse(),
    }),
    months: pair
      ? buildPairMonths({
          pair,
          writtenOn: today,
          sessions: sessionsInReach,
          checkIns: checkIns.filter((checkIn) => checkIn.date >= from).sort(byDateThenId),
        })
      : undefined,
  };
}

/**
 * Whether a pair's records from `reachFrom(today)` on are all a digest and its figures need: a live
 * session, and enough shared check-ins of each side. Every record before is older than these, so
 * then the rest cannot count.
 */
function reachHoldsEnough(inReach: LoggedRecords): boolean {
  return inReach.sessions.some(live) && enoughOfEachSide(inReach.checkIns.filter(sharedWithProgram));
}

function enoughOfEachSide(checkIns: readonly CheckIn[]): boolean {
  const wanted = thresholds.TREND_WINDOW;
  return (
    checkIns.filter((checkIn) => checkIn.side === 'mentor').length >= wanted &&
    checkIns.filter((checkIn) => checkIn.side === 'mentee').length >= wanted
  );
}
