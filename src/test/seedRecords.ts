import { db, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { putRecords, readAllLogged, type LoggedRecords } from '../db/monthLogs';
import { refreshPairDigests } from '../db/pairDigests';
import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';

/**
 * Writes test records the way the app's own writes do: in one transaction, with the digests and
 * monthly figures of their pairs rewritten (src/db/pairDigests.ts). Tests that put records straight
 * into a table would leave the dashboard, the pairs list and the program's months reading stale ones.
 */
export async function seedRecords(records: {
  people?: Person[];
  pairs?: Pair[];
  sessions?: Session[];
  checkIns?: CheckIn[];
}): Promise<void> {
  const { people = [], pairs = [], sessions = [], checkIns = [] } = records;
  await db.transaction('rw', [db.people, ...pairWriteTables(db)], async () => {
    await db.people.bulkPut(people);
    await db.pairs.bulkPut(pairs);
    await putRecords(db, { sessions, checkIns });
    await refreshPairDigests(db, [
      ...pairs.map((pair) => pair.id),
      ...sessions.map((session) => session.pairId),
      ...checkIns.map((checkIn) => checkIn.pairId),
    ]);
  });
}

/** Every session and check-in a database holds (the app's by default), deleted ones included, by pair, date and id. */
export function storedRecords(database: MentorlogDatabase = db): Promise<LoggedRecords> {
  return readAllLogged(database);
}

/** One stored session by id, deleted or not. */
export async function storedSession(id: string, database: MentorlogDatabase = db): Promise<Session | undefined> {
  return (await storedRecords(database)).sessions.find((session) => session.id === id);
}

/** One stored check-in by id, deleted or not. */
export async function storedCheckIn(id: string, database: MentorlogDatabase = db): Promise<CheckIn | undefined> {
  return (await storedRecords(database)).checkIns.find((checkIn) => checkIn.id === id);
}
