import { db } from '../db/database';
import { refreshPairDigests } from '../db/pairDigests';
import type { CheckIn } from '../domain/checkin';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';

/**
 * Writes test records the way the app's own writes do: in one transaction, with the digests and
 * monthly figures of their pairs rewritten (src/db/pairDigests.ts). Tests that put records straight
 * into a table would leave the dashboard, the pairs list and the program's months reading stale ones.
 */
export async function seedRecords(records: { people?: Person[]; pairs?: Pair[]; sessions?: Session[]; checkIns?: CheckIn[] }): Promise<void> {
  const { people = [], pairs = [], sessions = [], checkIns = [] } = records;
  await db.transaction('rw', [db.people, db.pairs, db.sessions, db.checkIns, db.pairDigests, db.pairMonths], async () => {
    await db.people.bulkPut(people);
    await db.pairs.bulkPut(pairs);
    await db.sessions.bulkPut(sessions);
    await db.checkIns.bulkPut(checkIns);
    await refreshPairDigests(db, [...pairs.map((pair) => pair.id), ...sessions.map((session) => session.pairId), ...checkIns.map((checkIn) => checkIn.pairId)]);
  });
}
