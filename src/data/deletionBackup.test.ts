import { afterEach, describe, expect, it } from 'vitest';
import { db, openDatabase, pairWriteTables, type MentorlogDatabase } from '../db/database';
import { monthsHoldingIds } from '../db/monthLogs';
import { addPairRecord } from '../db/pairDigests';
import { monthOf } from '../domain/dates';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords, storedCheckIn, storedSession } from '../test/seedRecords';
import { backupToJson, exportDevice } from './exportBackup';
import { importBackup } from './importBackup';
import { deletePair, deleteSession } from './deletion';

const others: MentorlogDatabase[] = [];
afterEach(async () => {
  for (const other of others.splice(0)) await other.delete();
});

async function aPairWithRecords() {
  const alex = aPerson({ name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  await db.people.bulkAdd([alex, sam]);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  const session = aSession({ pairId: pair.id, loggedById: alex.id });
  await seedRecords({ sessions: [session] });
  const checkIn = aCheckIn({ pairId: pair.id, raterId: sam.id });
  await seedRecords({ checkIns: [checkIn] });
  return { pair, session, checkIn };
}

async function backupOf(database: MentorlogDatabase): Promise<string> {
  return backupToJson(await exportDevice(database));
}

// Records made by the builders carry a fixed 2026-01-01 timestamp; deletions are stamped now.
describe('deletions and backups', () => {
  it('a deleted pair stays deleted when an older backup, made before the deletion, is imported again', async () => {
    const { pair, session, checkIn } = await aPairWithRecords();
    const before = await backupOf(db);
    await deletePair(pair.id);

    const result = await importBackup(before);

    expect(result.ok).toBe(true);
    expect((await db.pairs.get(pair.id))?.deletedAt).not.toBeNull();
    expect((await storedSession(session.id))?.deletedAt).not.toBeNull();
    expect((await storedCheckIn(checkIn.id))?.deletedAt).not.toBeNull();
  });

  it('a deletion travels to another device through a backup', async () => {
    const { pair, session } = await aPairWithRecords();
    const other = openDatabase('mentorlog-other-device');
    others.push(other);
    expect((await importBackup(await backupOf(db), undefined, other)).ok).toBe(true);
    expect((await other.pairs.get(pair.id))?.deletedAt).toBeNull();

    await deletePair(pair.id);
    expect((await importBackup(await backupOf(db), undefined, other)).ok).toBe(true);

    expect((await other.pairs.get(pair.id))?.deletedAt).not.toBeNull();
    expect((await storedSession(session.id, other))?.deletedAt).not.toBeNull();
  });

  it('an undone deletion wins over the deleted copy on another device', async () => {
    const { session } = await aPairWithRecords();
    const undo = await deleteSession(session);
    const other = openDatabase('mentorlog-other-device');
    others.push(other);
    expect((await importBackup(await backupOf(db), undefined, other)).ok).toBe(true);
    expect((await storedSession(session.id, other))?.deletedAt).not.toBeNull();

    await undo();
    expect((await importBackup(await backupOf(db), undefined, other)).ok).toBe(true);

    expect((await storedSession(session.id, other))?.deletedAt).toBeNull();
  });

  it('a deletion and its undo keep every id once, indexed where it is, and the backup restores', async () => {
    const { pair, session, checkIn } = await aPairWithRecords();
    const undoPair = (await deletePair(pair.id)).undo;
    await undoPair();
    const undoSession = await deleteSession(session);
    await undoSession();

    const held = await monthsHoldingIds(db, [session.id, checkIn.id]);
    expect([...held.values()]).toEqual([
      [pair.id, monthOf(session.date)],
      [pair.id, monthOf(checkIn.date)],
    ]);
    await expect(
      db.transaction('rw', pairWriteTables(db), () =>
        addPairRecord(db, 'sessions', { ...session, date: '2026-02-10' }),
      ),
    ).rejects.toThrow('is already stored');
    const other = openDatabase('mentorlog-other-device');
    others.push(other);
    expect((await importBackup(await backupOf(db), undefined, other)).ok).toBe(true);
  });
});
