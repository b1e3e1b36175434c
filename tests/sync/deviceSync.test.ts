import './browserStandIns';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCheckIn } from '../../src/data/checkIns';
import { logSession } from '../../src/data/sessions';
import { saveSyncAccount } from '../../src/data/syncAccount';
import { readSyncedRecords } from '../../src/data/syncedRecords';
import { db, openDatabase, pairWriteTables, type MentorlogDatabase } from '../../src/db/database';
import { putRecords } from '../../src/db/monthLogs';
import { refreshPairDigests } from '../../src/db/pairDigests';
import { localToday } from '../../src/domain/dates';
import type { Person } from '../../src/domain/person';
import type { SyncAccount } from '../../src/domain/syncAccount';
import type { SyncStatusView } from '../../src/state/syncStatusStore';
import { aCheckIn, aPair, aPerson, aSession } from '../../src/test/builders';
import { rebuildPairDerived } from '../../src/test/rebuildPairDerived';
import { signIn } from '../../src/sync/couchClient';
import { startDeviceSync, type DeviceSync } from '../../src/sync/deviceSync';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { admin, everythingStored, until } from './couch';
import { cookieFetch } from './cookieFetch';

// Real devices' sync: the engine over each device's own Dexie database (fake-indexeddb here), its
// records written by the app's own write paths, through the program's server. Each device is a
// database of its own; the mentor's is the app's `db`, as the write paths use by default.

interface Device {
  database: MentorlogDatabase;
  sync: DeviceSync;
  statuses: SyncStatusView[];
}

const running: Device[] = [];
let databaseCount = 0;

afterEach(async () => {
  await Promise.all(running.splice(0).map((device) => device.sync.stop()));
});

async function signedIn(person: Person, coordinator: boolean, pairIds: string[] = []): Promise<typeof fetch> {
  const password = `one-time-${crypto.randomUUID()}`;
  // As an invitation does: a partner's pair roles let their device signal its changes.
  await provisionPerson(admin, { personId: person.id, coordinator, pairIds }, password);
  const fetch = cookieFetch();
  const result = await signIn({ serverUrl: admin.url, fetch }, person.id, password);
  if (!result.ok) throw new Error(result.message);
  return fetch;
}

async function aDevice(
  account: SyncAccount,
  fetch: typeof globalThis.fetch,
  database: MentorlogDatabase,
): Promise<Device> {
  const statuses: SyncStatusView[] = [];
  const device: Device = {
    database,
    statuses,
    sync: startDeviceSync(account, {
      database,
      fetch,
      onStatus: (status) => statuses.push(status),
      cycleMinMs: 100,
      // Three devices in one process: each syncs, as each would in its own browser.
      oneTab: false,
    }),
  };
  running.push(device);
  return device;
}

/** The pair as it was kept on a device before the program had a server. */
async function keep(
  database: MentorlogDatabase,
  records: Parameters<typeof putRecords>[1] & { people: Person[]; pairs: ReturnType<typeof aPair>[] },
) {
  await database.transaction('rw', [database.people, ...pairWriteTables(database)], async () => {
    await database.people.bulkPut(records.people);
    await database.pairs.bulkPut(records.pairs);
    await putRecords(database, records);
    await refreshPairDigests(
      database,
      records.pairs.map((pair) => pair.id),
    );
  });
}

const lastStatus = (device: Device) => device.statuses.at(-1);

async function holds(device: Device, type: 'session' | 'checkIn', id: string) {
  const [found] = await readSyncedRecords(device.database, [{ type, id }]);
  return found?.record ?? null;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000) {
  let ok = false;
  const deadline = Date.now() + ms;
  while (!ok && Date.now() < deadline) {
    ok = await check();
    if (!ok) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!ok) throw new Error(`Timed out waiting for ${what}.`);
}

async function expectDerivedFresh(database: MentorlogDatabase, pairId: string) {
  const rebuilt = await rebuildPairDerived(database, pairId, localToday());
  expect(await database.pairDigests.get(pairId)).toEqual(rebuilt.digest);
  expect(await database.pairMonths.get(pairId)).toEqual(rebuilt.months);
}

describe('devices syncing their own databases through the program’s server', () => {
  it('join a kept pair with its history, take a saved session to the partner, and keep a private check-in off the server', async () => {
    const mentor = aPerson({ name: 'Maya Mentor' });
    const mentee = aPerson({ name: 'Sam Mentee' });
    const coordinator = aPerson({ name: 'Cora Coordinator' });
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: '2025-01-06' });
    await provisionDirectory(admin);
    await provisionPair(admin, pair);
    const today = localToday();
    const history = aSession({
      pairId: pair.id,
      loggedById: mentor.id,
      date: '2025-02-03',
      notes: 'Kept before the server',
    });
    const mentorDb = db;
    await db.delete({ disableAutoOpen: false });
    const menteeDb = openDatabase(`mentee-device-${++databaseCount}`);
    const coordinatorDb = openDatabase(`coordinator-device-${databaseCount}`);
    await keep(mentorDb, { people: [mentor, mentee], pairs: [pair], sessions: [history] });
    await keep(coordinatorDb, { people: [mentor, mentee], pairs: [pair] });
    const since = new Date().toISOString();
    const partnerAccount = (person: Person): SyncAccount => ({
      serverUrl: admin.url,
      personId: person.id,
      role: 'partner',
      pairIds: [pair.id],
      since,
    });
    // The account this process's localStorage holds: what marks local changes (both partners' alike).
    saveSyncAccount(partnerAccount(mentor));

    const mentorsDevice = await aDevice(partnerAccount(mentor), await signedIn(mentor, false, [pair.id]), mentorDb);
    const menteesDevice = await aDevice(partnerAccount(mentee), await signedIn(mentee, false, [pair.id]), menteeDb);
    const coordinatorsDevice = await aDevice(
      { ...partnerAccount(coordinator), role: 'coordinator' },
      await signedIn(coordinator, true),
      coordinatorDb,
    );

    await waitFor(
      async () => (await holds(menteesDevice, 'session', history.id)) !== null,
      'the history to reach the mentee',
    );
    expect(await menteeDb.pairs.get(pair.id)).toEqual(pair);
    expect((await menteeDb.people.bulkGet([mentor.id, mentee.id])).map((person) => person?.name)).toEqual([
      'Maya Mentor',
      'Sam Mentee',
    ]);

    const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: today, notes: 'Talked about the offer.' });
    await logSession(session);
    await waitFor(
      async () => (await holds(menteesDevice, 'session', session.id)) !== null,
      'the session to reach the mentee',
      5_000,
    );
    expect(await holds(menteesDevice, 'session', session.id)).toEqual(session);
    expect((await menteeDb.pairLastSessions.get(pair.id))?.lastSessionDate).toBe(today);
    await expectDerivedFresh(menteeDb, pair.id);

    const secret = `Thinking of leaving ${crypto.randomUUID()}`;
    const privateOne = aCheckIn({
      pairId: pair.id,
      raterId: mentee.id,
      side: 'mentee',
      date: today,
      visibility: 'private',
      notesVisibility: 'private',
      reflection: secret,
    });
    const shared = aCheckIn({
      pairId: pair.id,
      raterId: mentee.id,
      side: 'mentee',
      date: today,
      visibility: 'program',
    });
    await saveCheckIn(privateOne, menteeDb);
    await saveCheckIn(shared, menteeDb);
    await waitFor(
      async () => (await holds(mentorsDevice, 'checkIn', shared.id)) !== null,
      'the check-in to reach the mentor',
      5_000,
    );
    await waitFor(
      async () => (await holds(coordinatorsDevice, 'checkIn', shared.id)) !== null,
      'the check-in to reach the coordinator',
      5_000,
    );
    await expectDerivedFresh(coordinatorDb, pair.id);
    expect((await coordinatorDb.pairDigests.get(pair.id))?.checkIns).toEqual(
      (await menteeDb.pairDigests.get(pair.id))?.checkIns,
    );
    expect(await holds(coordinatorsDevice, 'session', session.id)).toMatchObject({ notes: '' });

    await until(
      () =>
        [mentorsDevice, menteesDevice].every(
          (device) => lastStatus(device)?.phase === 'up-to-date' && lastStatus(device)?.waiting === 0,
        ),
      'both partners to be up to date with nothing waiting',
    );
    expect(await holds(mentorsDevice, 'checkIn', privateOne.id)).toBeNull();
    expect(await holds(menteesDevice, 'checkIn', privateOne.id)).toMatchObject({ reflection: secret });
    expect((await everythingStored()).filter((body) => body.includes(secret))).toEqual([]);
    for (const device of running) expect(lastStatus(device)?.problems).toEqual([]);
  });
});
