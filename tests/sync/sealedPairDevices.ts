import './browserStandIns';
import { expect } from 'vitest';
import { keepContentKeys } from '../../src/data/keyring';
import { saveSyncAccount } from '../../src/data/syncAccount';
import { readSyncedRecords } from '../../src/data/syncedRecords';
import { openDatabase, type MentorlogDatabase } from '../../src/db/database';
import type { Person } from '../../src/domain/person';
import type { SyncAccount } from '../../src/domain/syncAccount';
import { aPair, aPerson } from '../../src/test/builders';
import type { PulledProblem } from '../../src/sync/checkPulledDocument';
import { pullDatabase, pushDatabase, signIn, type CouchConnection } from '../../src/sync/couchClient';
import { syncDatabasesOf } from '../../src/sync/deviceSync';
import { dexieSync } from '../../src/sync/dexieSyncStore';
import { pairKeysForInvitation } from '../../src/sync/pairKeys';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { registerThisDevice } from '../../src/sync/registerDevices';
import { admin } from './couch';
import { cookieFetch } from './cookieFetch';

/*
 * A sealed pair's devices through the stand-in, for the tests of removing a device and of
 * re-matching: real devices' keyrings and records (Dexie over fake-indexeddb), each signed in with
 * its own cookie, synced a round at a time.
 */

let count = 0;

export interface Device {
  name: string;
  database: MentorlogDatabase;
  connection: CouchConnection;
  account: SyncAccount;
  /** One round: every database pushed, then pulled, as the account's direction allows. */
  round(): Promise<PulledProblem[]>;
  /** The session as this device holds it, or null. */
  holdsSession(id: string): Promise<unknown>;
}

export async function aDevice(name: string, person: Person, password: string, account: SyncAccount): Promise<Device> {
  const database = openDatabase(`sealed-pair-${name}-${++count}`);
  const connection = { serverUrl: admin.url, fetch: cookieFetch() };
  const signedIn = await signIn(connection, person.id, password);
  if (!signedIn.ok) throw new Error(signedIn.message);
  const sync = dexieSync(database, account);
  return {
    name,
    database,
    connection,
    account,
    async round() {
      const problems: PulledProblem[] = [];
      for (const entry of syncDatabasesOf(account)) {
        if (entry.push)
          problems.push(...(await pushDatabase(connection, entry.name, sync.store, sync.records)).problems);
        if (entry.pull)
          problems.push(...(await pullDatabase(connection, entry.name, sync.store, sync.records)).problems);
      }
      return problems;
    },
    async holdsSession(id) {
      const [found] = await readSyncedRecords(database, [{ type: 'session', id }]);
      return found?.record ?? null;
    },
  };
}

export async function roundsWithout(problems: string, ...devices: Device[]): Promise<void> {
  for (const device of devices) expect(await device.round(), `${device.name}: ${problems}`).toEqual([]);
}

/**
 * A sealed pair on the server with its people's accounts; the coordinator's device (C), which
 * made the pair's keys, and the partners' devices named in `devices`, each given the keys as an
 * invitation's box would, and every one of them registered in the pair's device list. The
 * coordinator's device also holds `others` (people it may re-match the pair with).
 */
export async function aSealedPair(
  devices: { mentor: readonly string[]; mentee: readonly string[] },
  others: Person[] = [],
) {
  const mentor = aPerson({ name: 'Maya Mentor' });
  const mentee = aPerson({ name: 'Sam Mentee' });
  const coordinator = aPerson({ name: 'Cora Coordinator' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: '2025-01-06' });
  await provisionDirectory(admin);
  await provisionPair(admin, pair, { sealed: true });
  const passwords = new Map<string, string>();
  for (const [person, isCoordinator] of [
    [mentor, false],
    [mentee, false],
    [coordinator, true],
  ] as const) {
    const password = `one-time-${crypto.randomUUID()}`;
    passwords.set(person.id, password);
    await provisionPerson(admin, { personId: person.id, coordinator: isCoordinator, pairIds: [pair.id] }, password);
  }
  const since = new Date().toISOString();
  const accountOf = (person: Person, role: SyncAccount['role']): SyncAccount => ({
    serverUrl: admin.url,
    personId: person.id,
    role,
    pairIds: [pair.id],
    since,
  });
  // What marks local changes pending: this process's one localStorage.
  saveSyncAccount(accountOf(mentor, 'partner'));
  const device = (name: string, person: Person, role: SyncAccount['role']) =>
    aDevice(name, person, passwords.get(person.id) ?? '', accountOf(person, role));

  const c = await device('C', coordinator, 'coordinator');
  const { bytes } = await pairKeysForInvitation(pair.id, c.database);
  expect(await registerThisDevice(c.connection, pair.id, 'coordinator', coordinator.id, c.database)).toBe('registered');
  const partners = new Map<string, Device>();
  for (const [person, names] of [
    [mentor, devices.mentor],
    [mentee, devices.mentee],
  ] as const) {
    for (const name of names) {
      const partner = await device(name, person, 'partner');
      // As the invitation's box gives them (invitationKeys.test.ts takes one through the stand-in).
      await keepContentKeys(bytes, partner.database);
      await partner.database.people.bulkPut([mentor, mentee]);
      await partner.database.pairs.put(pair);
      const registered = await registerThisDevice(partner.connection, pair.id, 'partner', person.id, partner.database);
      expect(registered).toBe('registered');
      partners.set(name, partner);
    }
  }
  await c.database.people.bulkPut([mentor, mentee, ...others]);
  await c.database.pairs.put(pair);
  const partner = (name: string): Device => {
    const found = partners.get(name);
    if (!found) throw new Error(`No device ${name} was set up.`);
    return found;
  };
  return { pair, mentor, mentee, coordinator, passwords, accountOf, device, c, partner };
}
