import type { MentorlogDatabase } from '../db/database';
import {
  holdsAnyRecord,
  monthsHoldingIds,
  readAllLogged,
  readPairLogs,
  recordsInMonths,
  type MonthLog,
  type MonthLogKey,
} from '../db/monthLogs';
import type { BackupRecords } from '../domain/backupRecords';
import { referencedOutsideFile } from '../domain/backupReferences';
import type { CheckIn } from '../domain/checkIn';
import type { DeviceCopies, IdHolder } from '../domain/importRules';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { RecordFields } from '../domain/record';
import type { Session } from '../domain/session';
import { WRITE_CHUNK } from './backupTables';

/** `bulkGet` in calls of WRITE_CHUNK keys: the records found, by id. */
async function recordsById<T extends RecordFields>(
  table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> },
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)];
  const byId = new Map<string, T>();
  const calls: Promise<void>[] = [];
  for (let start = 0; start < wanted.length; start += WRITE_CHUNK) {
    calls.push(
      table.bulkGet(wanted.slice(start, start + WRITE_CHUNK)).then((found) => {
        for (const record of found) if (record) byId.set(record.id, record);
      }),
    );
  }
  await Promise.all(calls);
  return byId;
}

export type DeviceRead = DeviceCopies & {
  people: Map<string, Person>;
  pairs: Map<string, Pair>;
  sessions: Map<string, Session>;
  checkIns: Map<string, CheckIn>;
  /** The months read, to write over. */
  months: MonthLog[];
  /** Whether all of a pair's months were read (all of them, on a device that holds none). */
  allMonthsKnown: (pairId: string) => boolean;
  /** Whether the device holds any session or check-in. */
  heldAny: boolean;
};

/**
 * What the device holds of what the file touches: the people and pairs the file holds or names;
 * every month of the pairs whose sessions and check-ins the file holds, and of the pairs it holds
 * that the device has too (a newer copy may move their start or delete them); and, for every id
 * of the file new to its own table, where the device holds it as anything else (ids are unique
 * across the device).
 */
export async function readDeviceCopies(database: MentorlogDatabase, records: BackupRecords): Promise<DeviceRead> {
  const outside = referencedOutsideFile(records);
  const [people, pairs, heldAny, peopleHeld, pairsHeld] = await Promise.all([
    recordsById(database.people, [...records.people.map((person) => person.id), ...outside.people]),
    recordsById(database.pairs, [...records.pairs.map((pair) => pair.id), ...outside.pairs]),
    // Restoring onto a new device: nothing to compare with, so no month is read.
    holdsAnyRecord(database),
    database.people.count(),
    database.pairs.count(),
  ]);
  const pairsRead = new Set([...records.sessions, ...records.checkIns].map((record) => record.pairId));
  for (const pair of records.pairs) if (pairs.has(pair.id)) pairsRead.add(pair.id);
  // Asked for together: one after another, a file of 1,000 pairs waited ~1,000 round trips.
  const months = heldAny
    ? (await Promise.all([...pairsRead].map((pairId) => readPairLogs(database, pairId)))).flat()
    : [];
  const { sessions, checkIns } = recordsInMonths(months);
  const device: DeviceRead = {
    people,
    pairs,
    sessions: new Map(sessions.map((session) => [session.id, session])),
    checkIns: new Map(checkIns.map((checkIn) => [checkIn.id, checkIn])),
    heldElsewhere: new Map(),
    months,
    allMonthsKnown: (pairId: string) => !heldAny || pairsRead.has(pairId),
    heldAny,
  };

  const newPeople = records.people.filter((person) => !people.has(person.id)).map((person) => person.id);
  const newPairs = records.pairs.filter((pair) => !pairs.has(pair.id)).map((pair) => pair.id);
  const newLogged = [...records.sessions, ...records.checkIns]
    .filter((record) => !device.sessions.has(record.id) && !device.checkIns.has(record.id))
    .map((record) => record.id);
  const heldElsewhere = device.heldElsewhere as Map<string, IdHolder>;
  const [asPairs, asPeople, inMonths] = await Promise.all([
    pairsHeld > 0 ? recordsById(database.pairs, [...newPeople, ...newLogged]) : new Map<string, Pair>(),
    peopleHeld > 0 ? recordsById(database.people, [...newPairs, ...newLogged]) : new Map<string, Person>(),
    heldAny ? monthsHoldingIds(database, [...newPeople, ...newPairs, ...newLogged]) : new Map<string, MonthLogKey>(),
  ]);
  for (const id of asPairs.keys()) heldElsewhere.set(id, { table: 'pairs' });
  for (const id of asPeople.keys()) heldElsewhere.set(id, { table: 'people' });
  if (inMonths.size > 0) {
    // Which kind of record holds each id: only the few months that hold one are read.
    const holding = await database.monthLogs.bulkGet([
      ...new Map([...inMonths.values()].map((key) => [key.join('|'), key])).values(),
    ]);
    for (const log of holding) {
      if (!log) continue;
      for (const table of ['sessions', 'checkIns'] as const) {
        for (const record of log[table])
          if (inMonths.has(record.id)) heldElsewhere.set(record.id, { table, pairId: log.pairId });
      }
    }
  }
  return device;
}

/**
 * When the file deletes people, what on the device still names them: the pairs, by index, and
 * every session and check-in (there is no index by person, and a file deletes a person rarely).
 */
export async function readWhatNamesDeletedPeople(
  database: MentorlogDatabase,
  people: readonly Person[],
  device: DeviceRead,
): Promise<void> {
  const deleted = people.filter((person) => person.deletedAt !== null).map((person) => person.id);
  if (deleted.length === 0) return;
  const [asMentor, asMentee, all] = await Promise.all([
    database.pairs.where('mentorId').anyOf(deleted).toArray(),
    database.pairs.where('menteeId').anyOf(deleted).toArray(),
    device.heldAny ? readAllLogged(database) : { sessions: [], checkIns: [] },
  ]);
  for (const pair of [...asMentor, ...asMentee]) if (!device.pairs.has(pair.id)) device.pairs.set(pair.id, pair);
  for (const session of all.sessions) if (!device.sessions.has(session.id)) device.sessions.set(session.id, session);
  for (const checkIn of all.checkIns) if (!device.checkIns.has(checkIn.id)) device.checkIns.set(checkIn.id, checkIn);
}
