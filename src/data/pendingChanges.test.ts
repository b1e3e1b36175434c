import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { aCheckIn, aSession } from '../test/builders';
import { aProgram, aFile } from '../test/backupFiles';
import { aPairWithPeople } from '../test/backupImports';
import { failWritesTo, installFailingWrites, stopFailingWrites, storageFull } from '../test/failingWrites';
import { seedRecords, storedSession } from '../test/seedRecords';
import { saveCheckIn } from './checkIns';
import { createPerson } from './createPerson';
import { deletePair, deleteSession } from './deletion';
import { importBackup } from './importBackup';
import { setPairStatus } from './savePair';
import { logSession, setActionItemDone } from './sessions';
import { saveSyncAccount } from './syncAccount';

const marks = async () => Object.fromEntries((await db.syncPending.toArray()).map((mark) => [mark.docId, mark]));

function connect(overrides: Partial<SyncAccount> & Pick<SyncAccount, 'pairIds' | 'personId'>): SyncAccount {
  const account: SyncAccount = {
    serverUrl: '/couch',
    role: 'partner',
    since: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
  saveSyncAccount(account);
  return account;
}

async function aKeptPair() {
  const { mentor, mentee, pair } = aPairWithPeople();
  await seedRecords({ people: [mentor, mentee], pairs: [pair] });
  return { mentor, mentee, pair };
}

beforeAll(() => {
  installFailingWrites();
});
afterEach(() => {
  stopFailingWrites();
});

describe('pending marks on a device without a server', () => {
  it('are never written: the app’s writes leave no pending table behind', async () => {
    const { mentor, pair } = await aKeptPair();
    await logSession(aSession({ pairId: pair.id, loggedById: mentor.id }));
    await saveCheckIn(aCheckIn({ pairId: pair.id, raterId: mentor.id, side: 'mentor' }));
    await createPerson('Robin Diaz');
    await setPairStatus(pair, 'paused', '2026-03-01');

    expect(await db.syncPending.count()).toBe(0);
  });
});

describe('pending marks on a device that syncs', () => {
  it('mark each change of the account’s pairs with the version changed', async () => {
    const { mentor, pair } = await aKeptPair();
    connect({ personId: mentor.id, pairIds: [pair.id] });
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, actionItems: [] });
    await logSession(session);
    const checkIn = aCheckIn({ pairId: pair.id, raterId: mentor.id, side: 'mentor', notesVisibility: 'pair' });
    await saveCheckIn(checkIn);
    const person = await createPerson('Robin Diaz');
    await setPairStatus(pair, 'paused', '2026-03-01');

    const marked = await marks();
    expect(marked[`session:${session.id}`]).toMatchObject({ pairId: pair.id, updatedAt: session.updatedAt });
    expect(marked[`checkIn:${checkIn.id}`]).toMatchObject({ author: mentor.id, reached: [] });
    expect(marked[`person:${person.id}`]).toMatchObject({ pairId: null, updatedAt: person.updatedAt });
    const paused = await db.pairs.get(pair.id);
    expect(marked[`pair:${pair.id}`]?.updatedAt).toBe(paused?.updatedAt);
  });

  it('mark a deletion with its own stamp, later than the version it deletes', async () => {
    const { mentor, pair } = await aKeptPair();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });
    await seedRecords({ sessions: [session] });
    connect({ personId: mentor.id, pairIds: [pair.id] });

    await deleteSession(session);

    const deleted = await storedSession(session.id);
    expect(deleted?.deletedAt).not.toBeNull();
    expect((await marks())[`session:${session.id}`]?.updatedAt).toBe(deleted?.updatedAt);
    expect(Date.parse(deleted?.updatedAt ?? '') > Date.parse(session.updatedAt)).toBe(true);
  });

  it('mark a pair’s deletion and every session and check-in it took with it', async () => {
    const { mentor, pair } = await aKeptPair();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });
    const checkIn = aCheckIn({ pairId: pair.id, raterId: mentor.id, side: 'mentor' });
    await seedRecords({ sessions: [session], checkIns: [checkIn] });
    connect({ personId: mentor.id, pairIds: [pair.id] });

    await deletePair(pair.id);

    expect(Object.keys(await marks()).sort()).toEqual(
      [`pair:${pair.id}`, `session:${session.id}`, `checkIn:${checkIn.id}`].sort(),
    );
  });

  it('leave out a wholly private check-in, which no database may hold, and records of other pairs', async () => {
    const { mentor, pair } = await aKeptPair();
    const other = await aKeptPair();
    connect({ personId: mentor.id, pairIds: [pair.id] });
    await saveCheckIn(
      aCheckIn({
        pairId: pair.id,
        raterId: mentor.id,
        side: 'mentor',
        visibility: 'private',
        notesVisibility: 'private',
      }),
    );
    await logSession(aSession({ pairId: other.pair.id, loggedById: other.mentor.id }));

    expect(await db.syncPending.count()).toBe(0);
  });

  it('mark a wholly private check-in once it reached a database: its copy there must be taken back', async () => {
    const { mentor, pair } = await aKeptPair();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, actionItems: [] });
    await seedRecords({ sessions: [session] });
    connect({ personId: mentor.id, pairIds: [pair.id] });
    const checkIn = aCheckIn({
      pairId: pair.id,
      raterId: mentor.id,
      side: 'mentor',
      visibility: 'private',
      notesVisibility: 'private',
    });
    await db.syncRevs.put({ database: `mentorlog-pair-${pair.id}`, docId: `checkIn:${checkIn.id}`, rev: '1-a' });
    await saveCheckIn(checkIn);

    expect((await marks())[`checkIn:${checkIn.id}`]).toBeDefined();
  });

  it('mark only pairs and people on a coordinator’s device, which sends only the directory', async () => {
    const { mentor, pair } = await aKeptPair();
    connect({ personId: mentor.id, pairIds: [pair.id], role: 'coordinator' });
    await logSession(aSession({ pairId: pair.id, loggedById: mentor.id }));
    await setPairStatus(pair, 'paused', '2026-03-01');

    expect(Object.keys(await marks())).toEqual([`pair:${pair.id}`]);
  });

  it('are written with the change or not at all', async () => {
    const { mentor, pair } = await aKeptPair();
    const session = aSession({
      pairId: pair.id,
      loggedById: mentor.id,
      actionItems: [{ id: crypto.randomUUID(), text: 'Read', owner: 'mentee', dueDate: null, done: false }],
    });
    await seedRecords({ sessions: [session] });
    connect({ personId: mentor.id, pairIds: [pair.id] });
    failWritesTo(['monthLogs'], storageFull);

    await expect(setActionItemDone(session, session.actionItems[0]?.id ?? '', true)).rejects.toThrow();
    await expect(logSession(aSession({ pairId: pair.id, loggedById: mentor.id }))).rejects.toThrow();

    stopFailingWrites();
    expect(await db.syncPending.count()).toBe(0);
  });

  it('mark what an import writes, when the page passes the account (the import’s worker has no localStorage)', async () => {
    const program = aProgram();
    const [pair] = program.pairs;
    const [mentor, mentee] = program.people;
    if (!pair || !mentor || !mentee) throw new Error('The program has no pair.');
    const file = JSON.stringify(aFile(program));

    const unmarked = await importBackup(file, () => undefined, db, null);
    expect(unmarked.ok).toBe(true);
    expect(await db.syncPending.count()).toBe(0);

    await db.delete({ disableAutoOpen: false });
    const account: SyncAccount = {
      role: 'partner',
      pairIds: [pair.id],
      personId: mentee.id,
      serverUrl: '/couch',
      since: '2026-03-01T10:00:00.000Z',
    };
    const marked = await importBackup(file, () => undefined, db, account);
    expect(marked.ok).toBe(true);
    expect(Object.keys(await marks()).sort()).toEqual(
      [
        `person:${mentor.id}`,
        `person:${mentee.id}`,
        `pair:${pair.id}`,
        ...program.sessions.map((session) => `session:${session.id}`),
        ...program.checkIns.map((checkIn) => `checkIn:${checkIn.id}`),
      ].sort(),
    );
  });
});
