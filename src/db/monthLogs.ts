import { Dexie } from 'dexie';
import type { CheckIn } from '../domain/checkIn';
import { compareCodeUnits } from '../domain/compareText';
import { monthOf } from '../domain/dates';
import type { Session } from '../domain/session';
import type { TableSource } from './tableSource';

/*
 * Sessions and check-ins are stored packed: one record per pair and calendar month holding that
 * month's sessions and check-ins (schema version 5). IndexedDB's cost in Chromium is per record
 * put, not per byte: a program of 216,000 sessions and check-ins took 27–29 s to put one record
 * each and 5–6 s packed into 38,000 months. Every read of a pair's records is a range of its
 * months, which is what the screens read anyway (a pair's history, its latest year).
 *
 * This module is the only one that knows the layout: everything else reads and writes sessions
 * and check-ins through it.
 */

/** One pair's sessions and check-ins of one calendar month, each list by date, then by id. */
export interface MonthLog {
  pairId: string;
  /** `YYYY-MM`. */
  month: string;
  sessions: Session[];
  checkIns: CheckIn[];
  /*
   * The lists' lengths, indexed together so that counting every record the device holds reads
   * keys only (one per month), not every month's records.
   */
  sessionCount: number;
  checkInCount: number;
  /*
   * The ids of the month's sessions and check-ins, indexed one entry each (schema version 8), so
   * that any write can tell in one lookup whether an id is already held, under any pair or month:
   * ids are unique across the device.
   */
  recordIds: string[];
}

export type MonthLogKey = [pairId: string, month: string];

/** What a pair (or the device) holds, each list by date, then by id, deleted records included. */
export interface LoggedRecords {
  sessions: Session[];
  checkIns: CheckIn[];
}

export type LoggedTable = keyof LoggedRecords;

/** Enough of a session or check-in to find the month it is stored in. */
export interface LoggedRef {
  id: string;
  pairId: string;
  date: string;
}

export const MONTH_LOGS = 'monthLogs';

const logsOf = (source: TableSource) => source.table<MonthLog, MonthLogKey>(MONTH_LOGS);

/** The order of a month's lists, and of everything read from logs: by date, then by id. */
export function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return compareCodeUnits(a.date, b.date) || compareCodeUnits(a.id, b.id);
}

/** Every month of one pair, from `fromMonth` on when given. */
function monthsOfPair(source: TableSource, pairId: string, fromMonth?: string) {
  return logsOf(source)
    .where(':id')
    .between([pairId, fromMonth ?? Dexie.minKey], [pairId, Dexie.maxKey], true, true);
}

/** Every session and check-in of these months, in their order. */
export function recordsInMonths(logs: readonly MonthLog[]): LoggedRecords {
  const records: LoggedRecords = { sessions: [], checkIns: [] };
  for (const log of logs) {
    for (const session of log.sessions) records.sessions.push(session);
    for (const checkIn of log.checkIns) records.checkIns.push(checkIn);
  }
  return records;
}

/**
 * One pair's sessions and check-ins, oldest first (by date, then id), deleted ones included; only
 * those dated `fromDate` or later when it is given.
 */
export async function readPairRecords(source: TableSource, pairId: string, fromDate?: string): Promise<LoggedRecords> {
  const records = recordsInMonths(
    await monthsOfPair(source, pairId, fromDate === undefined ? undefined : monthOf(fromDate)).toArray(),
  );
  return fromDate === undefined ? records : recordsDatedFrom(records, fromDate);
}

/** The sessions and check-ins dated `fromDate` or later. */
export function recordsDatedFrom(records: LoggedRecords, fromDate: string): LoggedRecords {
  return {
    sessions: records.sessions.filter((session) => session.date >= fromDate),
    checkIns: records.checkIns.filter((checkIn) => checkIn.date >= fromDate),
  };
}

/** Several pairs' records, as `readPairRecords` gives each; a pair with none is in the map, empty. */
export async function readRecordsOfPairs(
  source: TableSource,
  pairIds: Iterable<string>,
): Promise<Map<string, LoggedRecords>> {
  const wanted = [...new Set(pairIds)];
  const read = await Promise.all(wanted.map((pairId) => readPairRecords(source, pairId)));
  return new Map(wanted.map((pairId, index) => [pairId, read[index] ?? { sessions: [], checkIns: [] }]));
}

/** Every session and check-in on the device, deleted ones included, by pair, then date, then id. */
export async function readAllLogged(source: TableSource): Promise<LoggedRecords> {
  return recordsInMonths(await logsOf(source).toArray());
}

/** The months of pairs whose ids fall in [lower, upper) (null: unbounded), in key order. */
export function readLogsOfPairRange(
  source: TableSource,
  lower: string | null,
  upper: string | null,
): Promise<MonthLog[]> {
  const logs = logsOf(source);
  if (lower === null && upper === null) return logs.toArray();
  if (lower === null) return logs.where(':id').below([upper]).toArray();
  if (upper === null) return logs.where(':id').aboveOrEqual([lower]).toArray();
  return logs.where(':id').between([lower], [upper]).toArray();
}

/**
 * How many sessions and check-ins the device holds, deleted ones included, from the counts index
 * alone: each distinct pair of counts once, and how many months have it (a native count), rather
 * than every month's key (a cursor step each: ~2 s for 35,000 months).
 */
export async function countLogged(source: TableSource): Promise<{ sessions: number; checkIns: number }> {
  const byCounts = () => logsOf(source).where('[sessionCount+checkInCount]');
  const distinct = (await logsOf(source).orderBy('[sessionCount+checkInCount]').uniqueKeys()) as unknown as [
    number,
    number,
  ][];
  const months = await Promise.all(distinct.map((counts) => byCounts().equals(counts).count()));
  let sessions = 0;
  let checkIns = 0;
  for (const [index, [sessionCount, checkInCount]] of distinct.entries()) {
    sessions += sessionCount * (months[index] ?? 0);
    checkIns += checkInCount * (months[index] ?? 0);
  }
  return { sessions, checkIns };
}

/** Whether the device holds any session or check-in at all. */
export async function holdsAnyRecord(source: TableSource): Promise<boolean> {
  return (await logsOf(source).limit(1).count()) > 0;
}

/** One session or check-in of a pair by id, deleted or not; undefined when the pair has none such. */
export async function findPairRecord<T extends LoggedTable>(
  source: TableSource,
  table: T,
  pairId: string,
  id: string,
): Promise<LoggedRecords[T][number] | undefined> {
  const logs = await monthsOfPair(source, pairId).toArray();
  for (const log of logs) {
    const found = (log[table] as LoggedRecords[T]).find((record) => record.id === id);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing

const keyText = (pairId: string, month: string) => `${pairId}|${month}`;

/** A month being rewritten: its records by id, so that a month of many records changes in one step each. */
interface DraftMonth {
  pairId: string;
  month: string;
  sessions: Map<string, Session>;
  checkIns: Map<string, CheckIn>;
}

/**
 * Months being rewritten, gathered in memory: records go in (replacing the copy with the same id
 * in the same month) or come out, and `changed` gives the months to write back. Pure, so that the
 * import can plan its writes over months it has already read.
 */
export class MonthLogDraft {
  private readonly held = new Map<string, MonthLog>();
  private readonly touched = new Map<string, DraftMonth>();

  /** Starts from months as stored; a month not given here starts empty. */
  constructor(held: Iterable<MonthLog> = []) {
    for (const log of held) this.held.set(keyText(log.pairId, log.month), log);
  }

  private monthFor(pairId: string, month: string): DraftMonth {
    const key = keyText(pairId, month);
    let draft = this.touched.get(key);
    if (!draft) {
      // Copied on first change so that months handed in stay as they were read.
      const log = this.held.get(key);
      draft = {
        pairId,
        month,
        sessions: new Map(log?.sessions.map((session) => [session.id, session])),
        checkIns: new Map(log?.checkIns.map((checkIn) => [checkIn.id, checkIn])),
      };
      this.touched.set(key, draft);
    }
    return draft;
  }

  /** Puts records in their months, each replacing any record with its id in that month. */
  put<T extends LoggedTable>(table: T, records: readonly LoggedRecords[T][number][]): this {
    for (const record of records)
      (this.monthFor(record.pairId, monthOf(record.date))[table] as Map<string, LoggedRef>).set(record.id, record);
    return this;
  }

  /** Takes records out of the months they are stored in. */
  remove(table: LoggedTable, refs: readonly LoggedRef[]): this {
    for (const ref of refs) this.monthFor(ref.pairId, monthOf(ref.date))[table].delete(ref.id);
    return this;
  }

  /** Months with records to write, and the keys of months left empty, to delete. */
  changed(): { put: MonthLog[]; emptied: MonthLogKey[] } {
    const put: MonthLog[] = [];
    const emptied: MonthLogKey[] = [];
    for (const { pairId, month, sessions, checkIns } of this.touched.values()) {
      if (sessions.size + checkIns.size === 0) emptied.push([pairId, month]);
      else {
        const lists = {
          sessions: [...sessions.values()].sort(byDateThenId),
          checkIns: [...checkIns.values()].sort(byDateThenId),
        };
        put.push({
          pairId,
          month,
          ...lists,
          sessionCount: sessions.size,
          checkInCount: checkIns.size,
          recordIds: recordIdsOf(lists),
        });
      }
    }
    return { put, emptied };
  }
}

/**
 * Months as they stand once a draft's changes are written over `held`: every held month, changed
 * ones in their new form, emptied ones gone, new ones added.
 */
export function applyMonthChanges(
  held: readonly MonthLog[],
  changes: { put: readonly MonthLog[]; emptied: readonly MonthLogKey[] },
): MonthLog[] {
  const months = new Map(held.map((log) => [keyText(log.pairId, log.month), log]));
  for (const log of changes.put) months.set(keyText(log.pairId, log.month), log);
  for (const [pairId, month] of changes.emptied) months.delete(keyText(pairId, month));
  return [...months.values()];
}

/** Writes a draft's changed months (call inside a read-write transaction over monthLogs). */
export async function writeDraft(source: TableSource, draft: MonthLogDraft): Promise<void> {
  const { put, emptied } = draft.changed();
  // Sent together: one round trip of the transaction.
  await Promise.all([
    put.length > 0 ? logsOf(source).bulkPut(put) : undefined,
    emptied.length > 0 ? logsOf(source).bulkDelete(emptied) : undefined,
  ]);
}

/** The stored months these records belong in. */
async function heldMonths(source: TableSource, refs: readonly LoggedRef[]): Promise<MonthLog[]> {
  const keys = new Map<string, MonthLogKey>();
  for (const ref of refs) keys.set(keyText(ref.pairId, monthOf(ref.date)), [ref.pairId, monthOf(ref.date)]);
  const found = await logsOf(source).bulkGet([...keys.values()]);
  return found.flatMap((log) => (log ? [log] : []));
}

/**
 * Adds or replaces sessions and check-ins, each in the month of its date (a record's date never
 * changes in the app; the import, which can move one, plans over a `MonthLogDraft` itself).
 */
export async function putRecords(source: TableSource, records: Partial<LoggedRecords>): Promise<void> {
  const { sessions = [], checkIns = [] } = records;
  if (sessions.length + checkIns.length === 0) return;
  const draft = new MonthLogDraft(await heldMonths(source, [...sessions, ...checkIns]));
  await writeDraft(source, draft.put('sessions', sessions).put('checkIns', checkIns));
}

/**
 * Rewrites stored records through `change`, which gets each as stored and returns its new version
 * (or the same object to leave it). Returns the records as they were before, in the order of `refs`;
 * a ref to nothing stored gives undefined and changes nothing.
 */
export async function changeRecords<T extends LoggedTable>(
  source: TableSource,
  table: T,
  refs: readonly LoggedRef[],
  change: (record: LoggedRecords[T][number]) => LoggedRecords[T][number],
): Promise<(LoggedRecords[T][number] | undefined)[]> {
  const held = await heldMonths(source, refs);
  const byId = new Map<string, LoggedRecords[T][number]>();
  for (const log of held) for (const record of log[table] as LoggedRecords[T]) byId.set(record.id, record);
  const before = refs.map((ref) => byId.get(ref.id));
  const changed = before.flatMap((record) => {
    if (!record) return [];
    const next = change(record);
    return next === record ? [] : [next];
  });
  if (changed.length > 0) await writeDraft(source, new MonthLogDraft(held).put(table, changed as LoggedRecords[T]));
  return before;
}

/** The ids a month holds, sessions' and check-ins', as `recordIds` keeps them. */
export function recordIdsOf(log: Pick<MonthLog, 'sessions' | 'checkIns'>): string[] {
  return [...log.sessions.map((session) => session.id), ...log.checkIns.map((checkIn) => checkIn.id)];
}

/** Ids looked up at once: each by itself, this many requests in flight at most. */
const ID_LOOKUP_CHUNK = 5000;

/**
 * Where the device holds any of these ids as a session or check-in: id → the key of its month
 * (pair and month), from the index of ids alone, without reading a month. Ids it does not hold are
 * not in the map. Each id is a request of its own, sent together: a cursor walking the index from
 * one id to the next (`anyOf`) is one round trip per id, and in Chromium each jump also steps over
 * every entry in between, so that 2,000 ids took ~25 s against size M's 213,000 and a sync's
 * first pull slowed as the device filled; 2,000 lookups sent together take ~0.2 s.
 */
export async function monthsHoldingIds(source: TableSource, ids: Iterable<string>): Promise<Map<string, MonthLogKey>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, MonthLogKey>();
  for (let start = 0; start < wanted.length; start += ID_LOOKUP_CHUNK) {
    const chunk = wanted.slice(start, start + ID_LOOKUP_CHUNK);
    const keys = await Promise.all(chunk.map((id) => logsOf(source).where('recordIds').equals(id).primaryKeys()));
    for (const [index, id] of chunk.entries()) {
      const key = keys[index]?.[0];
      if (key) found.set(id, key);
    }
  }
  return found;
}

/**
 * `monthsHoldingIds` for a batch of ids (a few thousand at most): one lookup per id, all sent at
 * once. IndexedDB answers requests sent together without waiting between them, where the cursor
 * of `monthsHoldingIds` steps from one id to the next a round trip at a time: a sync writing a
 * page of 140 records waited ~150 ms on it in Chromium.
 */
export async function monthsHoldingEach(source: TableSource, ids: Iterable<string>): Promise<Map<string, MonthLogKey>> {
  const found = new Map<string, MonthLogKey>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const [key] = (await logsOf(source).where('recordIds').equals(id).primaryKeys()) as MonthLogKey[];
      if (key) found.set(id, key);
    }),
  );
  return found;
}

/** Whether the device holds this id as a session or check-in, in any pair and month. */
export async function holdsRecordId(source: TableSource, id: string): Promise<boolean> {
  return (await logsOf(source).where('recordIds').equals(id).limit(1).count()) > 0;
}

/** The date of a pair's earliest session or check-in, deleted ones included; null when it has none. */
export async function earliestRecordDate(source: TableSource, pairId: string): Promise<string | null> {
  const first = await monthsOfPair(source, pairId).first();
  const dates = [first?.sessions[0]?.date, first?.checkIns[0]?.date]
    .filter((date): date is string => date !== undefined)
    .sort();
  return dates[0] ?? null;
}

/** Every stored month of one pair, oldest first; from `fromMonth` (`YYYY-MM`) on when given. */
export function readPairLogs(source: TableSource, pairId: string, fromMonth?: string): Promise<MonthLog[]> {
  return monthsOfPair(source, pairId, fromMonth).toArray();
}
