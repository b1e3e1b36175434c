import { afterEach, describe, expect, it, vi } from 'vitest';
import { importBackup } from '../data/importBackup';
import { setActionItemDone, logSession } from '../data/sessions';
import { saveSyncAccount } from '../data/syncAccount';
import { db } from '../db/database';
import type { SyncAccount } from '../domain/syncAccount';
import { aFile } from '../test/backupFiles';
import { aPairWithPeople } from '../test/backupImports';
import { aCheckIn, aSession } from '../test/builders';
import { seedRecords, storedSession } from '../test/seedRecords';
import { applyPulled } from './applyPulled';
import { dexieSync } from './dexieSyncStore';
import { compareVersions } from './mergeRecords';
import { pairDatabaseName, sharedDatabaseName } from './serverRules';

const hour = 60 * 60 * 1000;
const day = 24 * hour;

afterEach(() => {
  vi.useRealTimers();
});

async function aSyncingPartner() {
  const { mentor, mentee, pair } = aPairWithPeople();
  await seedRecords({ people: [mentor, mentee], pairs: [pair] });
  const account: SyncAccount = {
    serverUrl: '/couch',
    personId: mentor.id,
    role: 'partner',
    pairIds: [pair.id],
    since: '2026-03-01T10:00:00.000Z',
  };
  saveSyncAccount(account);
  const sync = dexieSync(db, account);
  await sync.refreshPartners();
  return {
    mentor,
    mentee,
    pair,
    account,
    sync,
    pairDb: pairDatabaseName(pair.id),
    sharedDb: sharedDatabaseName(pair.id),
  };
}

describe('the engine’s store over the device’s database', () => {
  it('lets an edit made after seeing the partner’s later version win, though this device’s clock is a day behind', async () => {
    const { mentor, pair, sync } = await aSyncingPartner();
    const item = {
      id: crypto.randomUUID(),
      text: 'Draft the plan',
      owner: 'mentee' as const,
      dueDate: null,
      done: false,
    };
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, actionItems: [item] });
    await seedRecords({ sessions: [session] });
    const partnerTime = Date.parse('2026-06-01T12:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'], now: partnerTime - day + 60_000 });
    const partners = { ...session, notes: 'The mentee’s notes', updatedAt: new Date(partnerTime).toISOString() };

    await applyPulled(sync.records, [{ type: 'session', record: partners }], { kind: 'pair', pairId: pair.id });
    await setActionItemDone(session, item.id, true);

    const edited = await storedSession(session.id);
    expect(edited).toMatchObject({ notes: 'The mentee’s notes', actionItems: [{ ...item, done: true }] });
    expect(compareVersions(edited ?? session, partners)).toBeGreaterThan(0);
    expect((await db.syncPending.get(`session:${session.id}`))?.updatedAt).toBe(edited?.updatedAt);
  });

  it('gives each database the changes that go to it, until each has them', async () => {
    const { mentor, pair, sync, pairDb, sharedDb } = await aSyncingPartner();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });
    await logSession(session);
    const ids = async (database: string) => (await sync.store.pending(database)).map((entry) => entry.record.id);

    expect(await ids(pairDb)).toEqual([session.id]);
    await sync.store.pushed(pairDb, [{ type: 'session', record: session }]);
    expect(await ids(pairDb)).toEqual([]);
    expect(await ids(sharedDb)).toEqual([session.id]);
    await sync.store.pushed(sharedDb, [{ type: 'session', record: session }]);
    expect(await db.syncPending.count()).toBe(0);
  });

  it('sends a partner’s person record to the pair’s database only, and drops what this person may not write', async () => {
    const { mentor, mentee, pair, account, sync, pairDb, sharedDb } = await aSyncingPartner();
    const menteesCheckIn = aCheckIn({ pairId: pair.id, raterId: mentee.id, side: 'mentee' });
    // A pair file from the partner, imported on this device: it marks what it writes.
    await importBackup(
      JSON.stringify(aFile({ people: [mentor, mentee], pairs: [pair], sessions: [], checkIns: [menteesCheckIn] })),
      () => undefined,
      db,
      account,
    );
    await db.syncPending.put({
      docId: `person:${mentor.id}`,
      type: 'person',
      recordId: mentor.id,
      pairId: null,
      author: null,
      updatedAt: mentor.updatedAt,
      reached: [],
    });

    expect((await sync.store.pending(pairDb)).map((entry) => entry.type)).toEqual(['person']);
    expect(await sync.store.pending(sharedDb)).toEqual([]);
    expect(await db.syncPending.get(`checkIn:${menteesCheckIn.id}`)).toBeUndefined();
  });

  it('drops the mark of a change a pulled version replaced: there is nothing of this device’s to send', async () => {
    const { mentor, pair, sync, pairDb } = await aSyncingPartner();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });
    await logSession(session);
    await db.syncPending.update(`session:${session.id}`, { updatedAt: '2020-01-01T00:00:00.000Z' });

    expect(await sync.store.pending(pairDb)).toEqual([]);
    expect(await db.syncPending.count()).toBe(0);
  });

  it('writes pulls that arrive together and reports each one’s outcome to its own caller', async () => {
    const { pair, sync } = await aSyncingPartner();
    const held = aSession({ pairId: pair.id });
    await seedRecords({ sessions: [held] });
    const fresh = aSession({ pairId: pair.id });
    const clash = aCheckIn({ id: held.id, pairId: pair.id });
    const take = (_local: unknown, pulled: Parameters<typeof sync.records.write>[0][number]) => pulled;

    const [first, second] = await Promise.all([
      sync.records.write([{ type: 'session', record: fresh }], take),
      sync.records.write([{ type: 'checkIn', record: clash }], take),
    ]);

    expect(first).toEqual({ applied: 1, setAside: [] });
    expect(second).toEqual({ applied: 0, setAside: [{ docId: `checkIn:${held.id}`, message: expect.any(String) }] });
    expect(await storedSession(fresh.id)).toEqual(fresh);
  });
});

describe('checkpoints', () => {
  it('start from the one the device stored, and are kept as the engine moves them on', async () => {
    const { account } = await aSyncingPartner();
    const name = pairDatabaseName(account.pairIds[0] ?? '');
    await db.syncCheckpoints.put({ database: name, sequence: '12' });
    const { store } = dexieSync(db, account);

    expect(await store.checkpoint(name)).toBe('12');
    await store.setCheckpoint(name, '15');
    expect(await store.checkpoint(name)).toBe('15');
    expect(await db.syncCheckpoints.get(name)).toEqual({ database: name, sequence: '15' });
    expect(await store.checkpoint(sharedDatabaseName(account.pairIds[0] ?? ''))).toBeNull();
  });
});
