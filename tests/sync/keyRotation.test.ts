import './browserStandIns';
import { describe, expect, it } from 'vitest';
import { newLinkSecret } from '../../src/crypto/keyBoxes';
import { deviceKey, keepContentKeys, newestGeneration } from '../../src/data/keyring';
import { logSession } from '../../src/data/sessions';
import { localToday } from '../../src/domain/dates';
import { sessionForProgram } from '../../src/domain/session';
import { aSession } from '../../src/test/builders';
import { deviceDocument, deviceIdOf, readDevices, registerDevice } from '../../src/sync/deviceRegistry';
import { putDeviceBox, takeInvitationKeys } from '../../src/sync/invitationKeys';
import { deviceBoxId, removeDevice } from '../../src/sync/keyRotation';
import { pairKeysToShare } from '../../src/sync/pairKeys';
import { registerThisDevice } from '../../src/sync/registerDevices';
import { pairDatabaseName, sharedDatabaseName } from '../../src/sync/serverRules';
import { admin, couch } from './couch';
import { aSealedPair, roundsWithout } from './sealedPairDevices';

// Removing a device from a sealed pair, through the stand-in: real devices' keyrings and records
// (Dexie over fake-indexeddb), each signed in with its own cookie. The mentor has two devices (A,
// A2), the mentee one (B), the coordinator one (C); B removes A2.

async function aSealedPairWithDevices() {
  const sealed = await aSealedPair({ mentor: ['A', 'A2'], mentee: ['B'] });
  return { ...sealed, a: sealed.partner('A'), a2: sealed.partner('A2'), b: sealed.partner('B') };
}

describe('removing a device from a sealed pair', () => {
  it('gives the next keys to every other device, so that the removed one cannot read what is written after, and keeps what it had', async () => {
    const { pair, mentor, mentee, a, a2, b, c } = await aSealedPairWithDevices();
    const before = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday(), notesVisibility: 'program' });
    await logSession(before, a.database);
    await roundsWithout('before the removal', a, b, a2, c);
    for (const device of [b, a2]) expect(await device.holdsSession(before.id)).toEqual(before);
    expect(await c.holdsSession(before.id)).toEqual(sessionForProgram(before));

    const a2Id = await deviceIdOf((await deviceKey(a2.database)).publicKey);
    const removal = { pairId: pair.id, personId: mentee.id, deviceId: a2Id };
    expect(await removeDevice(b.connection, removal, b.database)).toEqual({ generation: 2, boxed: 2 });
    const registry = await readDevices(b.connection, pairDatabaseName(pair.id));
    expect(registry.find((device) => device.deviceId === a2Id)).toMatchObject({ removedBy: mentee.id });
    expect(registry.filter((device) => device.removedAt === null)).toHaveLength(2);

    // A takes its box with its next pull, and seals with the new generation from then on.
    await roundsWithout('taking the new keys', a);
    expect(await newestGeneration(pairDatabaseName(pair.id), a.database)).toBe(2);
    const after = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday(), notesVisibility: 'program' });
    await logSession(after, a.database);
    await roundsWithout('after the removal', a, b, c);
    const stored = await couch('GET', `${pairDatabaseName(pair.id)}/${encodeURIComponent(`session:${after.id}`)}`, {
      as: { name: admin.name, password: admin.password },
    });
    expect((stored.body.meta as { keyGeneration?: unknown }).keyGeneration).toBe(2);
    expect(await b.holdsSession(after.id)).toEqual(after);
    expect(await c.holdsSession(after.id)).toEqual(sessionForProgram(after));
    expect(await newestGeneration(sharedDatabaseName(pair.id), c.database)).toBe(2);
    // The pair's own key too, which the coordinator's device needs to invite again (the server keeps it out of that database).
    expect(await newestGeneration(pairDatabaseName(pair.id), c.database)).toBe(2);

    // The removed device: the new session set aside and said why; the old one still readable.
    const problems = await a2.round();
    expect(problems).toEqual([
      expect.objectContaining({
        docId: `session:${after.id}`,
        message: expect.stringMatching(
          /removed from the pair on \d{4}-\d{2}-\d{2}.*What it synced before stays readable/,
        ),
      }),
    ]);
    expect(await a2.holdsSession(after.id)).toBeNull();
    expect(await a2.holdsSession(before.id)).toEqual(before);
    expect(await newestGeneration(pairDatabaseName(pair.id), a2.database)).toBe(1);

    // Still signed in as the mentor, it cannot put itself back in the list the next keys go to.
    const own = await deviceKey(a2.database);
    const again = await deviceDocument(pair.id, 'pair', mentor.id, own.publicKey, 'Back again', Date.now());
    expect(await registerDevice(a2.connection, pairDatabaseName(pair.id), again)).toEqual({
      state: 'removed',
      removedAt: expect.any(String),
    });
    const path = `${pairDatabaseName(pair.id)}/${encodeURIComponent(again._id)}`;
    const held = await couch('GET', path, { as: { name: admin.name, password: admin.password } });
    const put = await (a2.connection.fetch ?? fetch)(`${admin.url}/${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...again, _rev: held.body._rev }),
    });
    expect(put.status).toBe(403);
  });

  it('lets a new device joined by a partner afterwards read the pair’s whole history', async () => {
    const { pair, mentor, mentee, a, a2, b, c, device } = await aSealedPairWithDevices();
    const first = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday() });
    await logSession(first, a.database);
    await roundsWithout('before the removal', a, b, a2, c);
    const a2Id = await deviceIdOf((await deviceKey(a2.database)).publicKey);
    await removeDevice(a.connection, { pairId: pair.id, personId: mentor.id, deviceId: a2Id }, a.database);
    const second = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday() });
    await logSession(second, a.database);
    await roundsWithout('after the removal', a, b);
    expect(await b.holdsSession(second.id)).toEqual(second);

    // The mentee's new phone, let in by the mentee's device: its link's box carries both generations.
    const keys = await pairKeysToShare(pair.id, b.database);
    expect(keys?.map((key) => key.generation).sort()).toEqual([1, 1, 2, 2]);
    const secret = newLinkSecret();
    await putDeviceBox(b.connection, mentee.id, pair.id, secret, keys ?? []);
    const phone = await device('B-phone', mentee, 'partner');
    await keepContentKeys(await takeInvitationKeys(phone.connection, pair.id, secret), phone.database);
    expect(await registerThisDevice(phone.connection, pair.id, 'partner', mentee.id, phone.database)).toBe(
      'registered',
    );
    await roundsWithout('on the new device', phone);
    expect(await phone.holdsSession(first.id)).toEqual(first);
    expect(await phone.holdsSession(second.id)).toEqual(second);
  });

  it('reads again what arrived before its keys did, once they come', async () => {
    const { pair, mentee, a, a2, b } = await aSealedPairWithDevices();
    const a2Id = await deviceIdOf((await deviceKey(a2.database)).publicKey);
    const removal = { pairId: pair.id, personId: mentee.id, deviceId: a2Id };
    await removeDevice(b.connection, removal, b.database);
    // A's box lost on the way, as when a removal fails half way.
    const asAdmin = { name: admin.name, password: admin.password };
    const aId = await deviceIdOf((await deviceKey(a.database)).publicKey);
    const boxPath = `${pairDatabaseName(pair.id)}/${encodeURIComponent(deviceBoxId(aId, 2))}`;
    const box = await couch('GET', boxPath, { as: asAdmin });
    expect((await couch('DELETE', `${boxPath}?rev=${String(box.body._rev)}`, { as: asAdmin })).status).toBe(200);

    const early = aSession({ pairId: pair.id, loggedById: mentee.id, date: localToday() });
    await logSession(early, b.database);
    await roundsWithout('sealing with the new keys', b);
    expect(await a.round()).toEqual([
      expect.objectContaining({
        docId: `session:${early.id}`,
        message: expect.stringMatching(/has not been given\. If a device was just removed/),
      }),
    ]);
    expect(await a.holdsSession(early.id)).toBeNull();

    // The removal done again: the device stays removed, and A is given its box.
    expect(await removeDevice(b.connection, removal, b.database)).toEqual({ generation: 2, boxed: 2 });
    await roundsWithout('taking the keys', a, a);
    expect(await a.holdsSession(early.id)).toEqual(early);
  });
});
