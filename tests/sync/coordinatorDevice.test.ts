import './browserStandIns';
import { describe, expect, it } from 'vitest';
import { newLinkSecret, secretBoxName } from '../../src/crypto/keyBoxes';
import { saveCheckIn } from '../../src/data/checkIns';
import { keepContentKeys, newContentKey } from '../../src/data/keyring';
import { saveSyncAccount } from '../../src/data/syncAccount';
import { readSyncedRecords } from '../../src/data/syncedRecords';
import { openDatabase, type MentorlogDatabase } from '../../src/db/database';
import type { SyncAccount } from '../../src/domain/syncAccount';
import { aCheckIn, aPair, aPerson } from '../../src/test/builders';
import { coordinatorBoxDocuments } from '../../src/sync/coordinatorBoxes';
import {
  CoordinatorKeysError,
  coordinatorKeysToShare,
  keepCoordinatorKeys,
  putCoordinatorBoxes,
  takeCoordinatorKeys,
} from '../../src/sync/coordinatorKeys';
import { takeInvitationKeys } from '../../src/sync/invitationKeys';
import { holdsKeysFor, pairKeysForInvitation } from '../../src/sync/pairKeys';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { putInvitationBoxes, sealedWithOtherKeys, seedPairDatabase } from '../../src/sync/seedPair';
import {
  DESIGN_DOC_ID,
  DIRECTORY_DATABASE,
  pairDatabaseName,
  sharedDatabaseName,
  validateDocUpdateSource,
} from '../../src/sync/serverRules';
import { directoryKeyBoxBody } from '../../src/sync/serverRulesDirectory';
import { admin, couch, refusedStatuses } from './couch';
import { signedIn, syncingDevices, waitFor } from './syncingDevices';

// A coordinator's second device, let in by the first through boxes in the directory: the stand-in
// checks the boxes' rule and size, and the second device's first sync opens the pairs' records.

const syncing = syncingDevices();
let count = 0;
const asAdmin = { name: admin.name, password: admin.password };
const nothing = () => Promise.resolve();
const noKeys = { keys: [], pairIds: [], person: null };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'taken';
  } catch (error) {
    return error instanceof CoordinatorKeysError ? error.message : String(error);
  }
}

/** A coordinator with a password of their own, who has invited one sealed pair from their first device. */
async function aCoordinatorWhoInvited() {
  const coordinator = aPerson({ name: 'Cora Coordinator' });
  const mentor = aPerson({ name: 'Maya Mentor' });
  const mentee = aPerson({ name: 'Sam Mentee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  const password = `coras own ${crypto.randomUUID()}`;
  await provisionDirectory(admin);
  await provisionPerson(admin, { personId: coordinator.id, coordinator: true }, password);
  const first = openDatabase(`coordinator-first-${++count}`);
  await first.people.bulkAdd([coordinator, mentor, mentee]);
  await first.pairs.add(pair);
  const keys = await pairKeysForInvitation(pair.id, first);
  await provisionPair(admin, pair, { sealed: true });
  await seedPairDatabase(admin, { pair, mentor, mentee }, keys.pairKeys);
  const secret = newLinkSecret();
  await putInvitationBoxes(admin, pair.id, [secret], keys.bytes);
  const account: SyncAccount = {
    serverUrl: admin.url,
    personId: coordinator.id,
    role: 'coordinator',
    pairIds: [pair.id],
    since: new Date().toISOString(),
  };
  return { coordinator, mentor, mentee, pair, password, first, keys, secret, account };
}

describe('another device of the coordinator’s', () => {
  it('takes every key from the first device’s link, opens the pair’s shared records at its first sync, and invites with the same keys', async () => {
    const program = await aCoordinatorWhoInvited();
    const { coordinator, mentee, pair, first } = program;

    // The mentee joins with the invitation and shares a check-in with the program.
    const menteeCode = `one-time-${crypto.randomUUID()}`;
    await provisionPerson(admin, { personId: mentee.id, coordinator: false, pairIds: [pair.id] }, menteeCode);
    const menteeConnection = await signedIn(mentee, menteeCode);
    const menteeDb = openDatabase(`mentee-${count}`);
    await keepContentKeys(await takeInvitationKeys(menteeConnection, pair.id, program.secret), menteeDb);
    const menteeAccount: SyncAccount = { ...program.account, personId: mentee.id, role: 'partner' };
    // What this process's localStorage holds marks local changes: the mentee's writes.
    saveSyncAccount(menteeAccount);
    syncing(menteeAccount, menteeConnection, menteeDb);
    const checkIn = aCheckIn({
      pairId: pair.id,
      raterId: mentee.id,
      side: 'mentee',
      visibility: 'program',
      notesVisibility: 'program',
      scores: { trust: 2, 'non-judgment': 5 },
      reflection: 'Shared with the program',
    });
    await waitFor(async () => (await menteeDb.pairs.get(pair.id)) !== undefined, 'the pair to reach the mentee');
    await saveCheckIn(checkIn, menteeDb);

    // The first device syncs (the directory gets the pair) and makes the link.
    const firstConnection = await signedIn(coordinator, program.password);
    syncing(program.account, firstConnection, first);
    const held = async (database: MentorlogDatabase) =>
      (await readSyncedRecords(database, [{ type: 'checkIn', id: checkIn.id }]))[0]?.record ?? null;
    await waitFor(async () => (await held(first)) !== null, 'the check-in to reach the first device');
    const linkSecret = newLinkSecret();
    const shared = await coordinatorKeysToShare(coordinator.id, program.account.pairIds, first);
    expect(shared.keys).toHaveLength(2);
    expect(await putCoordinatorBoxes(firstConnection, coordinator.id, linkSecret, shared)).toBe(1);

    // The second device signs in with the coordinator's own password and takes the keys.
    const secondConnection = await signedIn(coordinator, program.password);
    const second = openDatabase(`coordinator-second-${count}`);
    // Before it takes the keys, inviting from the second device is refused (it would make new keys).
    expect(await holdsKeysFor(pair.id, second)).toBe(false);
    expect(await sealedWithOtherKeys(admin, pair.id)).toBe(true);
    // A device that fails to keep them can use the link again.
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const failing = takeCoordinatorKeys(secondConnection, coordinator.id, linkSecret, () => Promise.reject(full));
    await expect(failing).rejects.toBe(full);
    const taken = await takeCoordinatorKeys(secondConnection, coordinator.id, linkSecret, (opened) =>
      keepCoordinatorKeys(opened, second),
    );
    expect(taken).toEqual({ ...shared, person: coordinator });
    expect(await second.people.get(coordinator.id)).toEqual(coordinator);
    syncing({ ...program.account, pairIds: taken.pairIds }, secondConnection, second);
    await waitFor(async () => (await held(second)) !== null, 'the check-in to reach the second device');
    expect(await held(second)).toEqual(checkIn);
    await waitFor(async () => (await second.pairs.get(pair.id)) !== undefined, 'the pair to reach the second device');

    // Inviting again from the second device gives the partners the same keys.
    expect(await holdsKeysFor(pair.id, second)).toBe(true);
    expect((await pairKeysForInvitation(pair.id, second)).bytes).toEqual(program.keys.bytes);

    // One use: the boxes are gone.
    expect(await refusal(takeCoordinatorKeys(secondConnection, coordinator.id, linkSecret, nothing))).toMatch(
      /already used/,
    );
  });

  it('refuses an expired link, a link replaced by a newer one, and another secret, each with its sentence', async () => {
    const { coordinator, first, password, account } = await aCoordinatorWhoInvited();
    const connection = await signedIn(coordinator, password);
    const shared = await coordinatorKeysToShare(coordinator.id, account.pairIds, first);
    const old = newLinkSecret();
    await putCoordinatorBoxes(connection, coordinator.id, old, shared, () => Date.now() - 8 * 86_400_000);
    expect(await refusal(takeCoordinatorKeys(connection, coordinator.id, old, nothing))).toMatch(/has expired/);
    const newer = newLinkSecret();
    await putCoordinatorBoxes(connection, coordinator.id, newer, shared);
    expect(await refusal(takeCoordinatorKeys(connection, coordinator.id, old, nothing))).toMatch(
      /already used, a newer link/,
    );
    expect(await refusal(takeCoordinatorKeys(connection, coordinator.id, newLinkSecret(), nothing))).toMatch(
      /already used/,
    );
    expect((await takeCoordinatorKeys(connection, coordinator.id, newer, nothing)).keys).toEqual(shared.keys);
  });

  it('is let in only through boxes a coordinator wrote: a partner’s box in the directory is refused by the server', async () => {
    const { mentee, pair } = await aCoordinatorWhoInvited();
    const password = `one-time-${crypto.randomUUID()}`;
    await provisionPerson(admin, { personId: mentee.id, coordinator: false, pairIds: [pair.id] }, password);
    const secret = newLinkSecret();
    const [box] = await coordinatorBoxDocuments(await secretBoxName(secret), secret, noKeys, mentee.id, Date.now());
    const path = `${DIRECTORY_DATABASE}/${encodeURIComponent(box?._id ?? '')}`;
    const answer = await couch('PUT', path, { as: { name: mentee.id, password }, body: box });
    expect(refusedStatuses).toContain(answer.status);
    expect((await couch('GET', path, { as: asAdmin })).status).toBe(404);
  });

  it('carries a program of 1,000 pairs in boxes the server takes, every key whole', async () => {
    const { coordinator, password } = await aCoordinatorWhoInvited();
    const pairIds = Array.from({ length: 1_000 }, () => crypto.randomUUID());
    const keys = pairIds.flatMap((id) => [
      newContentKey(pairDatabaseName(id), 1),
      newContentKey(sharedDatabaseName(id), 1),
    ]);
    const connection = await signedIn(coordinator, password);
    const secret = newLinkSecret();
    const parts = await putCoordinatorBoxes(connection, coordinator.id, secret, { keys, pairIds, person: coordinator });
    expect(parts).toBeGreaterThan(1);
    const taken = await takeCoordinatorKeys(await signedIn(coordinator, password), coordinator.id, secret, nothing);
    expect(taken.keys).toEqual(keys);
    expect(taken.pairIds).toEqual(pairIds);
  });

  it('says the directory’s rules need the administrator when the server has the rules from before', async () => {
    const { coordinator, first, password, account } = await aCoordinatorWhoInvited();
    const path = `${DIRECTORY_DATABASE}/${encodeURIComponent(DESIGN_DOC_ID)}`;
    const current = await couch('GET', path, { as: asAdmin });
    const before = validateDocUpdateSource({ kind: 'directory' }, null).replace(directoryKeyBoxBody, '');
    const put = await couch('PUT', path, { as: asAdmin, body: { ...current.body, validate_doc_update: before } });
    expect(put.status).toBe(201);
    try {
      const connection = await signedIn(coordinator, password);
      const shared = await coordinatorKeysToShare(coordinator.id, account.pairIds, first);
      const failure = await putCoordinatorBoxes(connection, coordinator.id, newLinkSecret(), shared).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(CoordinatorKeysError);
      expect((failure as CoordinatorKeysError).outdatedRules).toBe(true);
      await provisionDirectory(admin);
      expect(await putCoordinatorBoxes(connection, coordinator.id, newLinkSecret(), shared)).toBe(1);
    } finally {
      await provisionDirectory(admin);
    }
  });
});
