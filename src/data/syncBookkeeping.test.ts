import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { SyncPendingMark } from '../db/syncTables';
import { aSession } from '../test/builders';
import { seedRecords, storedRecords } from '../test/seedRecords';
import { stopSyncingOnThisDevice } from './stopSyncing';
import { readSyncAccount, saveSyncAccount } from './syncAccount';
import {
  claimSyncBookkeeping,
  dropPendingMarks,
  readCheckpoint,
  readRevs,
  recordReached,
  writeCheckpoint,
  writeRevs,
} from './syncBookkeeping';

const aMark = (overrides: Partial<SyncPendingMark> = {}): SyncPendingMark => ({
  docId: `session:${crypto.randomUUID()}`,
  type: 'session',
  recordId: crypto.randomUUID(),
  pairId: crypto.randomUUID(),
  author: null,
  updatedAt: '2026-03-01T10:00:00.000Z',
  reached: [],
  ...overrides,
});

describe('the sync’s bookkeeping', () => {
  it('keeps a checkpoint per database, as the opaque text the server gave', async () => {
    await writeCheckpoint(db, 'mentorlog-program', '12-g1AAAABbeJzLYWBgYMpgTmHgz8tPSTV0MDQy');
    await writeCheckpoint(db, 'mentorlog-pair-x', '3');

    expect(await readCheckpoint(db, 'mentorlog-program')).toBe('12-g1AAAABbeJzLYWBgYMpgTmHgz8tPSTV0MDQy');
    expect(await readCheckpoint(db, 'mentorlog-pair-x')).toBe('3');
    expect(await readCheckpoint(db, 'mentorlog-pair-y')).toBeNull();
  });

  it('keeps the last rev of each doc per database, and forgets one the database no longer holds', async () => {
    await writeRevs(db, 'a', [
      { docId: 'session:1', rev: '1-x' },
      { docId: 'session:2', rev: '2-y' },
    ]);
    await writeRevs(db, 'b', [{ docId: 'session:1', rev: '5-z' }]);
    await writeRevs(db, 'a', [{ docId: 'session:2', rev: null }]);

    expect(await readRevs(db, 'a', ['session:1', 'session:2', 'session:3'])).toEqual(new Map([['session:1', '1-x']]));
    expect(await readRevs(db, 'b', ['session:1'])).toEqual(new Map([['session:1', '5-z']]));
  });

  it('keeps a mark until its version reached every database it goes to', async () => {
    const mark = aMark();
    await db.syncPending.put(mark);
    const both = () => ['pair-db', 'shared-db'];

    await recordReached(db, 'pair-db', [mark], both);
    expect(await db.syncPending.get(mark.docId)).toMatchObject({ reached: ['pair-db'] });
    await recordReached(db, 'shared-db', [mark], both);
    expect(await db.syncPending.get(mark.docId)).toBeUndefined();
  });

  it('keeps the mark of a version changed while the earlier one was being pushed', async () => {
    const mark = aMark({ updatedAt: '2026-03-01T10:00:05.000Z' });
    await db.syncPending.put(mark);

    await recordReached(db, 'pair-db', [{ ...mark, updatedAt: '2026-03-01T10:00:00.000Z' }], () => ['pair-db']);
    await dropPendingMarks(db, [{ docId: mark.docId, updatedAt: '2026-03-01T10:00:00.000Z' }]);

    expect(await db.syncPending.get(mark.docId)).toEqual(mark);
  });

  it('is cleared when the device syncs as someone else or with another server, not when it first connects', async () => {
    const mark = aMark();
    await db.syncPending.put(mark);
    await claimSyncBookkeeping(db, 'server A, person 1');
    expect(await db.syncPending.count()).toBe(1);
    await writeCheckpoint(db, 'mentorlog-program', '9');
    await claimSyncBookkeeping(db, 'server A, person 1');
    expect(await readCheckpoint(db, 'mentorlog-program')).toBe('9');

    await claimSyncBookkeeping(db, 'server B, person 1');

    expect(await db.syncPending.count()).toBe(0);
    expect(await readCheckpoint(db, 'mentorlog-program')).toBeNull();
  });

  it('goes with "Stop syncing on this device", and every record stays', async () => {
    const session = aSession();
    await seedRecords({ sessions: [session] });
    saveSyncAccount({
      serverUrl: '/couch',
      personId: crypto.randomUUID(),
      role: 'partner',
      pairIds: [session.pairId],
      since: '2026-03-01T10:00:00.000Z',
    });
    await db.syncPending.put(aMark());
    await writeCheckpoint(db, 'mentorlog-program', '9');
    await writeRevs(db, 'mentorlog-program', [{ docId: 'pair:1', rev: '1-a' }]);
    await claimSyncBookkeeping(db, 'owner');

    await stopSyncingOnThisDevice();

    expect(readSyncAccount()).toBeNull();
    for (const table of [db.syncPending, db.syncCheckpoints, db.syncRevs, db.syncMeta])
      expect(await table.count(), table.name).toBe(0);
    expect((await storedRecords()).sessions).toEqual([session]);
  });
});
