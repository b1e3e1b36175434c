import './browserStandIns';
import { afterAll, describe, expect, it } from 'vitest';
import { newLinkSecret } from '../../src/crypto/keyBoxes';
import { readKeyring } from '../../src/data/keyring';
import { readPendingMarks } from '../../src/data/syncBookkeeping';
import { saveSyncAccount } from '../../src/data/syncAccount';
import { readSyncedRecords } from '../../src/data/syncedRecords';
import { openDatabase } from '../../src/db/database';
import type { SyncAccount } from '../../src/domain/syncAccount';
import { aPair, aPerson } from '../../src/test/builders';
import {
  coordinatorKeysToShare,
  keepCoordinatorKeys,
  putCoordinatorBoxes,
  takeCoordinatorKeys,
} from '../../src/sync/coordinatorKeys';
import { pairKeysForInvitation } from '../../src/sync/pairKeys';
import { holdsProgramKey, sealDirectory } from '../../src/sync/programKey';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { seedPairDatabase } from '../../src/sync/seedPair';
import { DIRECTORY_DATABASE } from '../../src/sync/serverRules';
import { admin, couch, refusedStatuses } from './couch';
import { signedIn, syncingDevices, waitFor } from './syncingDevices';

// The program's directory sealed with the program key: from a coordinator's first connection, and
// in place over a directory that held its pairs and people readable. Read as the server's admin,
// no database holds a person's name or a pair's goals.

const syncing = syncingDevices();
let count = 0;
const asAdmin = { name: admin.name, password: admin.password };

// The directory is one database for every file of this suite: what this file sealed is taken out
// and the readable rule put back, so that the next files' coordinators (without the key) read it.
afterAll(async () => {
  const all = await couch('GET', `${DIRECTORY_DATABASE}/_all_docs?include_docs=true`, { as: asAdmin });
  const rows = (all.body.rows ?? []) as { doc?: { _id: string; _rev: string; sealed?: unknown } }[];
  const sealed = rows.flatMap((row) =>
    row.doc?.sealed ? [{ _id: row.doc._id, _rev: row.doc._rev, _deleted: true }] : [],
  );
  await couch('POST', `${DIRECTORY_DATABASE}/_bulk_docs`, { as: asAdmin, body: { docs: sealed } });
  await provisionDirectory(admin);
});

/** Every document of every database, live ones and what `_changes` keeps of deleted ones, as the admin reads them. */
async function wholeServerText(): Promise<string> {
  const names = (await couch('GET', '_all_dbs', { as: asAdmin })).body as unknown as string[];
  const parts: unknown[] = [];
  for (const name of names) {
    const path = encodeURIComponent(name);
    parts.push((await couch('GET', `${path}/_all_docs?include_docs=true`, { as: asAdmin })).body);
    parts.push((await couch('GET', `${path}/_changes?include_docs=true&style=all_docs`, { as: asAdmin })).body);
  }
  return JSON.stringify(parts);
}

async function directoryDoc(id: string): Promise<Record<string, unknown> | null> {
  const answer = await couch('GET', `${DIRECTORY_DATABASE}/${encodeURIComponent(id)}`, { as: asAdmin });
  return answer.status === 200 ? answer.body : null;
}

/** A coordinator with their own password, a pair whose goals and people's names are canaries, on the coordinator's first device. */
async function aProgram() {
  const canary = `Canary-${crypto.randomUUID().slice(0, 8)}`;
  const coordinator = aPerson({ name: `${canary} Cora` });
  const mentor = aPerson({ name: `${canary} Maya` });
  const mentee = aPerson({ name: `${canary} Sam` });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id, goals: `${canary} goals: speak up at meetings` });
  const password = `coras own ${crypto.randomUUID()}`;
  await provisionPerson(admin, { personId: coordinator.id, coordinator: true }, password);
  const first = openDatabase(`directory-first-${++count}`);
  await first.people.bulkAdd([coordinator, mentor, mentee]);
  await first.pairs.add(pair);
  const account: SyncAccount = {
    serverUrl: admin.url,
    personId: coordinator.id,
    role: 'coordinator',
    pairIds: [pair.id],
    since: new Date().toISOString(),
  };
  const ids = [`pair:${pair.id}`, ...[coordinator, mentor, mentee].map((person) => `person:${person.id}`)];
  const allSealed = async () => {
    const docs = await Promise.all(ids.map(directoryDoc));
    return docs.every((doc) => doc !== null && doc.sealed !== undefined && doc.content === undefined);
  };
  return { canary, coordinator, mentor, mentee, pair, password, first, account, ids, allSealed };
}

describe('the program’s directory, sealed', () => {
  it('is sealed from the coordinator’s first connection: after inviting a pair, no database holds a name or the goals', async () => {
    const program = await aProgram();
    const { pair, mentor, mentee, first, account, canary } = program;
    // As connecting does, before the account is saved: the sync's start marks what goes to the directory.
    await sealDirectory(admin, first, null);
    expect(await holdsProgramKey(first)).toBe(true);
    // Invited: the pair's databases seeded with the pair and its people, sealed with the pair's key.
    const keys = await pairKeysForInvitation(pair.id, first);
    await provisionPair(admin, pair, { sealed: true });
    await seedPairDatabase(admin, { pair, mentor, mentee }, keys.pairKeys);
    syncing(account, await signedIn(program.coordinator, program.password), first);
    await waitFor(program.allSealed, 'the pair and its people to reach the directory, sealed');

    const everything = await wholeServerText();
    expect(everything).toContain(pair.id);
    expect(everything).not.toContain(canary);
    // A readable pair is refused now, even from the coordinator.
    const readable = { _id: `pair:${pair.id}`, meta: { type: 'pair' }, content: { ...pair } };
    const refused = await couch('PUT', `${DIRECTORY_DATABASE}/pair:${crypto.randomUUID()}`, {
      as: { name: program.coordinator.id, password: program.password },
      body: { ...readable, _id: undefined },
    });
    expect(refusedStatuses).toContain(refused.status);
    expect(JSON.stringify(refused.body)).toMatch(/end-to-end encrypted/);
  });

  it('is sealed in place over readable copies, every pair and person sent again, and another coordinator device opens it', async () => {
    const program = await aProgram();
    const { pair, first, account, canary, ids } = program;
    await provisionDirectory(admin);
    // The device's account, as connecting saves it: stopping the sync keeps its bookkeeping then.
    saveSyncAccount(account);
    const connection = await signedIn(program.coordinator, program.password);
    // The directory as it was before sealing: the pair and its people readable there.
    const sync = syncing(account, connection, first);
    await waitFor(async () => (await directoryDoc(`pair:${pair.id}`))?.content !== undefined, 'the readable pair');
    await waitFor(async () => (await readPendingMarks(first)).length === 0, 'every readable copy to be sent');
    expect(JSON.stringify(await Promise.all(ids.map(directoryDoc)))).toContain(canary);
    await sync.stop();
    const readableRev = String((await directoryDoc(`pair:${pair.id}`))?._rev);
    // Its revs lost too (as after syncing was stopped and connected again): each sealed copy
    // conflicts with the readable one, and replaces it.
    await first.syncRevs.clear();

    await sealDirectory(admin, first, account);
    // Every pair and person is marked to go again; the status counts them down as they go.
    expect((await readPendingMarks(first)).map((mark) => mark.docId)).toEqual(expect.arrayContaining(ids));
    syncing(account, connection, first);
    await waitFor(program.allSealed, 'the readable copies to be sealed again');
    await waitFor(async () => (await readPendingMarks(first)).length === 0, 'every mark to be sent');
    const live = JSON.stringify(await Promise.all(ids.map(directoryDoc)));
    expect(live).not.toContain(canary);
    // The server keeps an old revision's body until the database is compacted (CouchDB and the
    // stand-in alike): the readable pair is gone from the server only then.
    const oldRevision = () => couch('GET', `${DIRECTORY_DATABASE}/pair:${pair.id}?rev=${readableRev}`, { as: asAdmin });
    expect(JSON.stringify((await oldRevision()).body)).toContain(canary);
    expect((await couch('POST', `${DIRECTORY_DATABASE}/_compact`, { as: asAdmin, body: {} })).status).toBe(202);
    await waitFor(async () => (await oldRevision()).status === 404, 'compaction to drop the readable revision');
    expect(await wholeServerText()).not.toContain(canary);
    // Sealing again keeps the one key.
    await sealDirectory(admin, first, account);
    expect((await readKeyring([DIRECTORY_DATABASE], first)).length).toBe(1);

    // The coordinator's other device, let in by this one, takes the program key and opens the directory.
    const secret = newLinkSecret();
    const shared = await coordinatorKeysToShare(program.coordinator.id, account.pairIds, first);
    expect(shared.keys.map((key) => key.database)).toContain(DIRECTORY_DATABASE);
    await putCoordinatorBoxes(connection, program.coordinator.id, secret, shared);
    const second = openDatabase(`directory-second-${count}`);
    const secondConnection = await signedIn(program.coordinator, program.password);
    await takeCoordinatorKeys(secondConnection, program.coordinator.id, secret, (taken) =>
      keepCoordinatorKeys(taken, second),
    );
    syncing(account, secondConnection, second);
    await waitFor(async () => (await second.pairs.get(pair.id)) !== undefined, 'the pair to reach the second device');
    expect(await second.pairs.get(pair.id)).toEqual(pair);
    const people = await readSyncedRecords(second, [{ type: 'person', id: program.mentee.id }]);
    expect(people[0]?.record).toEqual(program.mentee);
  });
});
