import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson, aSession } from '../../src/test/builders';
import { pullDatabase, pushDatabase, signIn } from '../../src/sync/couchClient';
import { createMemoryDevice, type MemoryDevice } from '../../src/sync/memorySyncStore';
import { startSync, type SyncStatus } from '../../src/sync/startSync';
import { docId, type SyncRecord } from '../../src/sync/syncDocument';
import { databaseName } from '../../src/sync/serverRules';
import { until } from './couch';
import { PouchServer } from './pouchServer';

const mentor = aPerson({ name: 'Maya' });
const mentee = aPerson({ name: 'Sam' });
const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
const pairDb = databaseName({ kind: 'pair', pairId: pair.id });
const sharedDb = databaseName({ kind: 'shared', pairId: pair.id });

/** One sync round of a device with a database: push what is pending, then read what changed. */
async function syncOnce(server: PouchServer, device: MemoryDevice, database = pairDb) {
  const connection = { serverUrl: server.url };
  const push = await pushDatabase(connection, database, device.store, device.records);
  const pull = await pullDatabase(connection, database, device.store, device.records);
  return [...push.problems, ...pull.problems];
}

const recordsOf = (device: MemoryDevice) => Object.fromEntries([...device.all].sort(([a], [b]) => a.localeCompare(b)));

describe('syncing through a CouchDB-compatible server', () => {
  let server: PouchServer;

  beforeAll(async () => {
    server = await PouchServer.start();
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function freshPair() {
    const pairRecord = aPair({ mentorId: mentor.id, menteeId: mentee.id });
    const database = databaseName({ kind: 'pair', pairId: pairRecord.id });
    await server.admin('PUT', database);
    return { pairRecord, database };
  }

  it('lets two devices push and pull through one database and end with the same records', async () => {
    const { pairRecord, database } = await freshPair();
    const maya = createMemoryDevice();
    const sam = createMemoryDevice();
    for (const entry of [
      { type: 'person', record: mentor },
      { type: 'person', record: mentee },
      { type: 'pair', record: pairRecord },
      {
        type: 'session',
        record: aSession({ pairId: pairRecord.id, notes: 'Talked about the new role.', loggedById: mentor.id }),
      },
    ] satisfies SyncRecord[]) {
      maya.edit(entry, [database]);
    }
    sam.edit(
      {
        type: 'checkIn',
        record: aCheckIn({
          pairId: pairRecord.id,
          raterId: mentee.id,
          notesVisibility: 'pair',
          reflection: 'Going well.',
        }),
      },
      [database],
    );

    expect(await syncOnce(server, maya, database)).toEqual([]);
    expect(await syncOnce(server, sam, database)).toEqual([]);
    expect(await syncOnce(server, maya, database)).toEqual([]);

    expect(maya.all.size).toBe(5);
    expect(recordsOf(sam)).toEqual(recordsOf(maya));
  });

  it('settles an edit made on both devices by the merge rule: the later stamp wins everywhere', async () => {
    const { pairRecord, database } = await freshPair();
    let clock = Date.parse('2026-04-01T10:00:00.000Z');
    const maya = createMemoryDevice(() => clock);
    const sam = createMemoryDevice(() => clock);
    const session = maya.edit({ type: 'session', record: aSession({ pairId: pairRecord.id, notes: 'first' }) }, [
      database,
    ]);
    await syncOnce(server, maya, database);
    await syncOnce(server, sam, database);

    clock += 1000;
    const mayas = maya.edit({ ...session, record: { ...session.record, notes: 'Maya’s edit' } } as SyncRecord, [
      database,
    ]);
    clock += 1000;
    const sams = sam.edit({ ...session, record: { ...session.record, notes: 'Sam’s later edit' } } as SyncRecord, [
      database,
    ]);
    expect(sams.record.updatedAt > mayas.record.updatedAt).toBe(true);

    // Maya's push lands first; Sam's then conflicts, reads Maya's, wins the merge and goes again.
    await syncOnce(server, maya, database);
    await syncOnce(server, sam, database);
    await syncOnce(server, maya, database);

    const id = docId('session', session.record.id);
    expect(maya.all.get(id)).toEqual(sams);
    expect(sam.all.get(id)).toEqual(sams);
    const onServer = (await server.admin('GET', `${database}/${encodeURIComponent(id)}`)) as { content: unknown };
    expect(onServer.content).toEqual(sams.record);
  });

  it('gives way when the version already on the server is later than the one pushed', async () => {
    const { pairRecord, database } = await freshPair();
    let clock = Date.parse('2026-04-01T10:00:00.000Z');
    const maya = createMemoryDevice(() => clock);
    const sam = createMemoryDevice(() => clock);
    const session = maya.edit({ type: 'session', record: aSession({ pairId: pairRecord.id }) }, [database]);
    await syncOnce(server, maya, database);
    await syncOnce(server, sam, database);
    clock += 1000;
    const older = maya.edit({ ...session, record: { ...session.record, notes: 'older' } } as SyncRecord, [database]);
    clock += 1000;
    const later = sam.edit({ ...session, record: { ...session.record, notes: 'later' } } as SyncRecord, [database]);
    await syncOnce(server, sam, database);
    await syncOnce(server, maya, database);
    expect(maya.all.get(docId('session', older.record.id))).toEqual(later);
    expect(await maya.store.pending(database)).toEqual([]);
  });

  it('sets aside a hostile doc put on the server by hand, reports where and why, and applies the rest', async () => {
    const { pairRecord, database } = await freshPair();
    const maya = createMemoryDevice();
    const sam = createMemoryDevice();
    maya.edit({ type: 'pair', record: pairRecord }, [database]);
    await syncOnce(server, maya, database);
    const hostile = aCheckIn({ pairId: pairRecord.id, raterId: mentee.id, notesVisibility: 'pair' });
    await server.admin('PUT', `${database}/checkIn:${hostile.id}`, {
      meta: {
        type: 'checkIn',
        pairId: pairRecord.id,
        author: mentee.id,
        visibility: 'pair',
        updated: hostile.updatedAt,
        deleted: false,
      },
      content: { ...hostile, scores: { trust: 9 } },
    });

    const problems = await syncOnce(server, sam, database);
    expect(problems).toEqual([
      {
        database,
        docId: `checkIn:${hostile.id}`,
        field: 'content.scores.trust',
        message: 'Scores go from 1 to 5 (found 9).',
      },
    ]);
    expect(sam.all.has(`checkIn:${hostile.id}`)).toBe(false);
    expect(sam.all.get(`pair:${pairRecord.id}`)?.record).toEqual(maya.all.get(`pair:${pairRecord.id}`)?.record);
  });

  it('deletes a check-in from the shared database once its scores are no longer shared with the program', async () => {
    await server.admin('PUT', pairDb);
    await server.admin('PUT', sharedDb);
    const sam = createMemoryDevice();
    const coordinator = createMemoryDevice();
    const checkIn = sam.edit(
      { type: 'checkIn', record: aCheckIn({ pairId: pair.id, raterId: mentee.id, visibility: 'program' }) },
      [pairDb, sharedDb],
    );
    await syncOnce(server, sam, sharedDb);
    await syncOnce(server, coordinator, sharedDb);
    expect(coordinator.all.has(docId('checkIn', checkIn.record.id))).toBe(true);

    sam.edit({ ...checkIn, record: { ...checkIn.record, visibility: 'pair' } } as SyncRecord, [pairDb, sharedDb]);
    await syncOnce(server, sam, sharedDb);
    await syncOnce(server, coordinator, sharedDb);
    expect(coordinator.all.has(docId('checkIn', checkIn.record.id))).toBe(false);
    expect(sam.all.get(docId('checkIn', checkIn.record.id))?.record).toMatchObject({ visibility: 'pair' });
  });

  it('writes the checkpoint when the database has moved on, and not again when nothing changed', async () => {
    const { pairRecord, database } = await freshPair();
    const maya = createMemoryDevice();
    maya.edit({ type: 'pair', record: pairRecord }, [database]);
    await syncOnce(server, maya, database);
    const written: string[] = [];
    const store = {
      ...maya.store,
      setCheckpoint: async (name: string, sequence: string) => {
        written.push(sequence);
        await maya.store.setCheckpoint(name, sequence);
      },
    };
    const connection = { serverUrl: server.url };

    await pullDatabase(connection, database, store, maya.records);
    expect(written).toEqual([]);

    const sam = createMemoryDevice();
    sam.edit({ type: 'session', record: aSession({ pairId: pairRecord.id, loggedById: mentor.id }) }, [database]);
    await pushDatabase(connection, database, sam.store, sam.records);
    await pullDatabase(connection, database, store, maya.records);
    expect(written).toHaveLength(1);
    expect(await maya.store.checkpoint(database)).toBe(written[0]);
  });

  it('keeps the revs of the docs of a database it pushes to, and none of one it only reads', async () => {
    const { pairRecord } = await freshPair();
    const shared = databaseName({ kind: 'shared', pairId: pairRecord.id });
    await server.admin('PUT', shared);
    const sam = createMemoryDevice();
    const checkIn = sam.edit(
      { type: 'checkIn', record: aCheckIn({ pairId: pairRecord.id, raterId: mentee.id, visibility: 'program' }) },
      [shared],
    );
    const id = docId('checkIn', checkIn.record.id);
    await syncOnce(server, sam, shared);
    const coordinator = createMemoryDevice();
    const reading = startSync({
      serverUrl: server.url,
      databases: [{ name: shared, push: false, pull: true, live: 'cycle' }],
      store: coordinator.store,
      records: coordinator.records,
    });
    await until(() => reading.status().state === 'up-to-date', 'the coordinator up to date');
    await reading.stop();

    expect(coordinator.all.get(id)?.record).toEqual(checkIn.record);
    expect(await coordinator.store.revs(shared, [id])).toEqual(new Map());
    expect((await sam.store.revs(shared, [id])).get(id)).toMatch(/^1-/);
  });
});

describe('a server that stops in the middle of syncing', () => {
  it('is retried with back-off, and once restarted nothing is lost', async () => {
    const server = await PouchServer.start({ inMemory: false });
    try {
      await server.admin('PUT', pairDb);
      const maya = createMemoryDevice();
      const sam = createMemoryDevice();
      const statuses: SyncStatus[] = [];
      const databases = [{ name: pairDb, push: true, pull: true }];
      const mayaSync = startSync({
        serverUrl: server.url,
        databases,
        store: maya.store,
        records: maya.records,
        random: () => 0,
        onStatus: (s) => statuses.push(s),
      });
      const samSync = startSync({
        serverUrl: server.url,
        databases,
        store: sam.store,
        records: sam.records,
        random: () => 0,
      });

      maya.edit({ type: 'pair', record: pair }, [pairDb]);
      mayaSync.pushNow();
      await until(() => sam.all.size === 1, 'the first record to reach Sam');

      await server.stop();
      const sessions = [1, 2, 3].map((n) =>
        maya.edit({ type: 'session', record: aSession({ pairId: pair.id, notes: `offline ${n}` }) }, [pairDb]),
      );
      mayaSync.pushNow();
      await until(() => mayaSync.status().state === 'retrying', 'Maya to retry');
      expect(mayaSync.status().lastError).toMatch(/kept on this device/);

      await server.restart();
      await until(
        () => sessions.every((s) => sam.all.has(docId('session', s.record.id))),
        'the offline sessions to reach Sam',
        30_000,
      );
      await until(() => mayaSync.status().state === 'up-to-date', 'Maya to be up to date');
      expect(recordsOf(sam)).toEqual(recordsOf(maya));
      expect(await maya.store.pending(pairDb)).toEqual([]);
      expect(statuses.some((s) => s.retryInMs !== null && s.retryInMs >= 500 && s.retryInMs <= 1000)).toBe(true);
      await Promise.all([mayaSync.stop(), samSync.stop()]);
    } finally {
      await server.dispose();
    }
  });
});

describe('the session with the server', () => {
  let server: PouchServer;
  beforeAll(async () => {
    server = await PouchServer.start();
    await server.admin('PUT', '_config/admins/admin', 'admin-password');
    const asAdmin = { Authorization: `Basic ${btoa('admin:admin-password')}`, 'Content-Type': 'application/json' };
    await fetch(`${server.url}/${pairDb}`, { method: 'PUT', headers: asAdmin });
    await fetch(`${server.url}/${pairDb}/_security`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [mentee.id], roles: [] } }),
    });
    await fetch(`${server.url}/_users/org.couchdb.user:${mentee.id}`, {
      method: 'PUT',
      headers: asAdmin,
      body: JSON.stringify({ name: mentee.id, password: 'sams-password', roles: [], type: 'user' }),
    });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('signs in with a name and password, and says so plainly when they do not match', async () => {
    expect(await signIn({ serverUrl: server.url }, mentee.id, 'sams-password')).toMatchObject({
      ok: true,
      name: mentee.id,
    });
    expect(await signIn({ serverUrl: server.url }, mentee.id, 'wrong')).toMatchObject({
      ok: false,
      reason: 'wrong-name-or-password',
    });
    expect(await signIn({ serverUrl: 'http://127.0.0.1:9' }, mentee.id, 'x')).toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('turns a 401 into "signed out" on the status, not an exception, and stops', async () => {
    const device = createMemoryDevice();
    // Node's fetch keeps no cookies: this device has no session, as after the cookie expired.
    const sync = startSync({
      serverUrl: server.url,
      databases: [{ name: pairDb, push: true, pull: true }],
      store: device.store,
      records: device.records,
    });
    await until(() => sync.status().state === 'signed-out', 'the signed-out status');
    expect(sync.status().lastError).toMatch(/sign in again/);
    await sync.stop();
  });
});
