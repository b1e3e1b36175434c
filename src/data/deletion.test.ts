import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { aCheckIn, aPair, aSession } from '../test/builders';
import { seedRecords, storedCheckIn, storedSession } from '../test/seedRecords';
import { deleteCheckIn, deletePair, deleteSession } from './deletion';

const deletedAfter = (before: string) => (value: string | null) => value !== null && value >= before;

describe('deleting', () => {
  it('marks a session deleted, with a new updatedAt, and keeps its data', async () => {
    const session = aSession({ notes: 'Kept for undo' });
    await seedRecords({ sessions: [session] });
    const before = new Date().toISOString();

    await deleteSession(session);

    const stored = await storedSession(session.id);
    expect(stored).toMatchObject({ notes: 'Kept for undo' });
    expect(deletedAfter(before)(stored?.deletedAt ?? null)).toBe(true);
    expect(stored?.updatedAt).toBe(stored?.deletedAt);
  });

  it('undoes a session’s deletion with a newer updatedAt, so that a merge sees the restore as the latest change', async () => {
    const session = aSession();
    await seedRecords({ sessions: [session] });
    const undo = await deleteSession(session);
    const deleted = await storedSession(session.id);

    await undo();

    const restored = await storedSession(session.id);
    expect(restored?.deletedAt).toBeNull();
    expect(restored?.updatedAt && deleted?.updatedAt && restored.updatedAt >= deleted.updatedAt).toBe(true);
    expect({ ...restored, updatedAt: session.updatedAt }).toEqual(session);
  });

  it('refuses to delete what is already deleted', async () => {
    const checkIn = aCheckIn({ deletedAt: '2026-01-02T00:00:00.000Z' });
    await seedRecords({ checkIns: [checkIn] });
    await expect(deleteCheckIn(checkIn)).rejects.toThrow('That check-in was already deleted.');
    expect(await storedCheckIn(checkIn.id)).toEqual(checkIn);
  });

  it('deletes a pair with its sessions and check-ins, and the undo restores exactly those', async () => {
    const pair = aPair();
    const other = aPair();
    const sessions = [
      aSession({ pairId: pair.id, date: '2026-01-10' }),
      aSession({ pairId: pair.id, date: '2026-02-10' }),
    ];
    const deletedEarlier = aSession({ pairId: pair.id, deletedAt: '2026-01-20T00:00:00.000Z' });
    const checkIns = [aCheckIn({ pairId: pair.id }), aCheckIn({ pairId: pair.id, visibility: 'private' })];
    const othersSession = aSession({ pairId: other.id });
    await db.pairs.bulkAdd([pair, other]);
    await seedRecords({ sessions: [...sessions, deletedEarlier, othersSession] });
    await seedRecords({ checkIns });

    const deletion = await deletePair(pair.id);

    expect(deletion).toMatchObject({ sessions: 2, checkIns: 2 });
    expect((await db.pairs.get(pair.id))?.deletedAt).not.toBeNull();
    for (const session of sessions) expect((await storedSession(session.id))?.deletedAt).not.toBeNull();
    for (const checkIn of checkIns) expect((await storedCheckIn(checkIn.id))?.deletedAt).not.toBeNull();
    expect(await storedSession(othersSession.id)).toEqual(othersSession);
    expect(await db.pairs.get(other.id)).toEqual(other);

    await deletion.undo();

    expect((await db.pairs.get(pair.id))?.deletedAt).toBeNull();
    for (const session of sessions) expect((await storedSession(session.id))?.deletedAt).toBeNull();
    for (const checkIn of checkIns) expect((await storedCheckIn(checkIn.id))?.deletedAt).toBeNull();
    // Deleted on its own before the pair was: it stays deleted.
    expect(await storedSession(deletedEarlier.id)).toEqual(deletedEarlier);
  });

  it('does not bring back a record that changed after the deletion (a newer copy merged in from a backup)', async () => {
    const session = aSession();
    await seedRecords({ sessions: [session] });
    const undo = await deleteSession(session);
    const newer = { deletedAt: '2099-01-01T00:00:00.000Z', updatedAt: '2099-01-01T00:00:00.000Z' };
    await seedRecords({ sessions: [{ ...session, ...newer }] });

    await undo();

    expect(await storedSession(session.id)).toMatchObject(newer);
  });
});
