import { Dexie } from 'dexie';
import { countLogged, monthsHoldingEach, type MonthLog, type MonthLogKey } from '../db/monthLogs';
import type { TableSource } from '../db/tableSource';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { SyncRecord } from '../domain/syncedRecord';

/*
 * What the device holds under a batch of ids, of any kind (ids are unique across the device), for
 * the sync's reads and writes. Each read asks for many keys in one request where it can: a request
 * per key costs far more in Chromium (~0.2 ms each, most of a first sync's time).
 */

/**
 * Every session and check-in id on the device, as one sync run knows them: on a device that held
 * none (or few) when the run began, the ids it wrote itself. While the device's count of sessions
 * and check-ins equals the ledger's, no one else has added one (the app never removes one: a
 * deletion keeps the record), so an id the ledger lacks is held nowhere and needs no lookup. Once
 * the counts differ, the ledger is no longer used.
 */
export class LoggedIdLedger {
  private readonly pairOf = new Map<string, string>();
  private trusted = true;

  /** A ledger of the device's ids, if it holds few enough to read whole (none on a new device). */
  static async read(source: TableSource, most = 5000): Promise<LoggedIdLedger | null> {
    const counts = await countLogged(source);
    if (counts.sessions + counts.checkIns > most) return null;
    const ledger = new LoggedIdLedger();
    for (const log of await source.table<MonthLog, MonthLogKey>('monthLogs').toArray())
      for (const id of log.recordIds) ledger.pairOf.set(id, log.pairId);
    return ledger;
  }

  /** Whether the ledger still holds every id on the device (call inside the write's transaction). */
  async stillWhole(source: TableSource): Promise<boolean> {
    if (!this.trusted) return false;
    const { sessions, checkIns } = await countLogged(source);
    this.trusted = sessions + checkIns === this.pairOf.size;
    return this.trusted;
  }

  has(id: string): boolean {
    return this.pairOf.has(id);
  }

  added(records: readonly { id: string; pairId: string }[]): void {
    for (const record of records) this.pairOf.set(record.id, record.pairId);
  }

  removed(ids: readonly string[]): void {
    for (const id of ids) this.pairOf.delete(id);
  }
}

export interface Held {
  /** What the device holds under each id, of whatever kind. */
  byId: Map<string, SyncRecord>;
  /** The months read: those holding the ids, and those the logged records would go to. */
  months: MonthLog[];
  /** Every month the device holds of the pairs named, by pair (keys only). */
  monthsOfPairs: Map<string, Set<string>>;
}

export const monthText = (key: readonly [string, string]) => key.join('|');

/**
 * What the device holds under these ids, as any kind of record (ids are unique across the device),
 * with the months read: those holding the ids and those of `extraMonths` that exist (where
 * sessions and check-ins being written go), and the keys of every month of `pairIds`. Each read
 * is one request for many keys where it can be: a request per key costs far more in Chromium.
 */
export async function readHeld(
  source: TableSource,
  ids: readonly string[],
  {
    extraMonths = [],
    pairIds = [],
    ledger = null,
  }: {
    extraMonths?: readonly MonthLogKey[];
    pairIds?: readonly string[];
    /** A ledger checked whole in this transaction: ids it lacks are not looked up. */
    ledger?: LoggedIdLedger | null;
  } = {},
): Promise<Held> {
  const wanted = [...new Set(ids)];
  const wantedSet = new Set(wanted);
  const logs = source.table<MonthLog, MonthLogKey>('monthLogs');
  const [personIds, pairKeys, monthKeys] = await Promise.all([
    source.table<Person, string>('people').toCollection().primaryKeys(),
    source.table<Pair, string>('pairs').toCollection().primaryKeys(),
    Promise.all(
      [...new Set(pairIds)].map(
        (pairId) =>
          logs
            .where(':id')
            .between([pairId, Dexie.minKey], [pairId, Dexie.maxKey], true, true)
            .primaryKeys() as Promise<MonthLogKey[]>,
      ),
    ),
  ]);
  const monthsOfPairs = new Map<string, Set<string>>([...new Set(pairIds)].map((pairId) => [pairId, new Set()]));
  for (const key of monthKeys.flat()) monthsOfPairs.get(key[0])?.add(monthText(key));
  const existing = new Map(
    extraMonths
      .filter((key) => monthsOfPairs.get(key[0])?.has(monthText(key)) ?? true)
      .map((key) => [monthText(key), key]),
  );
  const months = (await logs.bulkGet([...existing.values()])).filter((log): log is MonthLog => log !== undefined);
  const people = new Set(personIds.filter((id) => wantedSet.has(id)));
  const pairs = new Set(pairKeys.filter((id) => wantedSet.has(id)));
  const located = new Set(months.flatMap((log) => log.recordIds));
  const holding = await monthsHoldingEach(
    source,
    wanted.filter((id) => !located.has(id) && !people.has(id) && !pairs.has(id) && (ledger?.has(id) ?? true)),
  );
  const elsewhere = [...new Map([...holding.values()].map((key) => [monthText(key), key]))]
    .filter(([text]) => !existing.has(text))
    .map(([, key]) => key);
  const [heldPeople, heldPairs, otherMonths] = await Promise.all([
    source.table<Person, string>('people').bulkGet([...people]),
    source.table<Pair, string>('pairs').bulkGet([...pairs]),
    logs.bulkGet(elsewhere),
  ]);
  for (const log of otherMonths) if (log) months.push(log);
  const byId = new Map<string, SyncRecord>();
  for (const log of months) {
    for (const record of log.sessions) if (wantedSet.has(record.id)) byId.set(record.id, { type: 'session', record });
    for (const record of log.checkIns) if (wantedSet.has(record.id)) byId.set(record.id, { type: 'checkIn', record });
  }
  for (const record of heldPairs) if (record) byId.set(record.id, { type: 'pair', record });
  for (const record of heldPeople) if (record) byId.set(record.id, { type: 'person', record });
  return { byId, months, monthsOfPairs };
}
