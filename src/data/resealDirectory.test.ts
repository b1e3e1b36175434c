import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { aPair, aPerson } from '../test/builders';
import { resealDirectoryIfDue, resealDirectoryLater } from './resealDirectory';

const coordinator: Pick<SyncAccount, 'role' | 'pairIds'> = { role: 'coordinator', pairIds: [] };

beforeEach(async () => {
  await resetDatabase();
});

async function aDeviceWithPairs(count: number) {
  const people = Array.from({ length: count * 2 }, () => aPerson());
  const pairs = Array.from({ length: count }, (_, index) =>
    aPair({ mentorId: people[index * 2]?.id ?? '', menteeId: people[index * 2 + 1]?.id ?? '' }),
  );
  await db.people.bulkAdd(people);
  await db.pairs.bulkAdd(pairs);
  return { people, pairs };
}

describe('sealing the directory in place', () => {
  it('marks every pair and person on the coordinator’s device to go again, once, in batches', async () => {
    const { people, pairs } = await aDeviceWithPairs(600);
    await resealDirectoryLater(db);
    expect(await resealDirectoryIfDue(coordinator, true, db)).toBe(1800);
    const marks = await db.syncPending.toArray();
    expect(new Set(marks.map((mark) => mark.docId))).toEqual(
      new Set([...pairs.map((pair) => `pair:${pair.id}`), ...people.map((person) => `person:${person.id}`)]),
    );
    expect(marks.every((mark) => mark.reached.length === 0)).toBe(true);
    // Done: the next start marks nothing again.
    await db.syncPending.clear();
    expect(await resealDirectoryIfDue(coordinator, true, db)).toBe(0);
  });

  it('waits while the program key is not on the device, and marks nothing on a partner’s device or when not due', async () => {
    await aDeviceWithPairs(2);
    expect(await resealDirectoryIfDue(coordinator, true, db)).toBe(0);
    await resealDirectoryLater(db);
    expect(await resealDirectoryIfDue(coordinator, false, db)).toBe(0);
    expect(await resealDirectoryIfDue({ role: 'partner', pairIds: [] }, true, db)).toBe(0);
    expect(await db.syncPending.count()).toBe(0);
    // Still due: the key came later.
    expect(await resealDirectoryIfDue(coordinator, true, db)).toBe(6);
  });
});
