import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pairListReader } from '../data/pairs';
import { aPair, aPerson, aSession } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { db } from './database';
import { beginFirstRead, FIRST_READ_DATABASE, FIRST_READ_VERSION } from './firstRead';
import { DATABASE_NAME, schemaVersions } from './schema';

afterEach(() => {
  globalThis.mentorlogFirstRead = undefined;
});

async function aProgram() {
  const ana = aPerson({ name: 'Ana Ruiz' });
  const kim = aPerson({ name: 'Kim Park' });
  const pair = aPair({ mentorId: ana.id, menteeId: kim.id });
  await seedRecords({
    people: [ana, kim],
    pairs: [pair],
    sessions: [aSession({ pairId: pair.id, date: '2026-03-02' })],
  });
  return { ana, kim, pair };
}

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

/** Lets messages between contexts (BroadcastChannel) arrive. */
const messagesDelivered = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the first read, begun before the app loads', () => {
  it('reads the database the app opens, at the version the app leaves it', async () => {
    await db.open();
    expect(FIRST_READ_DATABASE).toBe(DATABASE_NAME);
    expect(db.backendDB().version).toBe(FIRST_READ_VERSION);
    expect(FIRST_READ_VERSION).toBe((schemaVersions.at(-1)?.version ?? 0) * 10);
  });

  it('gives every pair, person and last session date as the app would read them', async () => {
    const { pair } = await aProgram();
    const records = await beginFirstRead().take();
    expect(records).toBeDefined();
    expect(byId(records?.pairs ?? [])).toEqual(byId(await db.pairs.toArray()));
    expect(byId(records?.people ?? [])).toEqual(byId(await db.people.toArray()));
    expect(records?.lastSessions).toEqual([{ pairId: pair.id, lastSessionDate: '2026-03-02' }]);
  });

  it('gives them once', async () => {
    await aProgram();
    const firstRead = beginFirstRead();
    expect(await firstRead.take()).toBeDefined();
    expect(await firstRead.take()).toBeUndefined();
  });

  it('gives nothing after a write anywhere while the records wait, so that the app reads for itself', async () => {
    const { ana } = await aProgram();
    const firstRead = beginFirstRead();
    // Another tab's write reaches this one as Dexie's message; so does one of Dexie's own here.
    await db.people.update(ana.id, { name: 'Ana Ruiz-Soto' });
    await messagesDelivered();
    expect(await firstRead.take()).toBeUndefined();
  });

  it('neither creates a database on a first visit nor reads one', async () => {
    const empty = new IDBFactory();
    expect(await beginFirstRead(empty).take()).toBeUndefined();
    expect(await empty.databases()).toEqual([]);
  });

  it('leaves a database of an earlier version to the app, without standing in the way of its upgrade', async () => {
    const device = new IDBFactory();
    const earlier = new Dexie(DATABASE_NAME, { indexedDB: device, IDBKeyRange });
    for (const { version, stores, upgrade } of schemaVersions.slice(0, -1)) {
      const declared = earlier.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    await earlier.open();
    earlier.close();

    const firstRead = beginFirstRead(device);
    const current = new Dexie(DATABASE_NAME, { indexedDB: device, IDBKeyRange });
    for (const { version, stores, upgrade } of schemaVersions) {
      const declared = current.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    await current.open();
    expect(current.backendDB().version).toBe(FIRST_READ_VERSION);
    // Whatever it had read came from before the upgrade: none of it is given.
    expect(await firstRead.take()).toBeUndefined();
    current.close();
  });
});

describe('the pairs list at start', () => {
  it('is built from the first read when there is one, and from its own read after', async () => {
    await aProgram();
    const firstRead = beginFirstRead();
    const take = vi.spyOn(firstRead, 'take');
    globalThis.mentorlogFirstRead = firstRead;

    const fromFirstRead = await pairListReader.readAll();
    expect(take).toHaveBeenCalledOnce();
    expect(globalThis.mentorlogFirstRead).toBeUndefined();
    const fromDatabase = await pairListReader.readAll();
    expect(fromFirstRead).toEqual(fromDatabase);
    expect([...fromFirstRead.values()].map((row) => [row.mentor?.name, row.mentee?.name, row.lastSessionDate])).toEqual(
      [['Ana Ruiz', 'Kim Park', '2026-03-02']],
    );
  });

  it('is read from the database when the first read has nothing to give', async () => {
    await aProgram();
    globalThis.mentorlogFirstRead = { take: () => Promise.resolve(undefined) };
    expect([...(await pairListReader.readAll()).values()].map((row) => row.mentor?.name)).toEqual(['Ana Ruiz']);
  });
});
