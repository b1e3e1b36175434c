import './browserStandIns';
import { describe, expect, it } from 'vitest';
import { newLinkSecret } from '../../src/crypto/keyBoxes';
import { keepContentKeys, newestGeneration } from '../../src/data/keyring';
import { logSession } from '../../src/data/sessions';
import { localToday } from '../../src/domain/dates';
import type { Pair } from '../../src/domain/pair';
import type { Person } from '../../src/domain/person';
import { sessionForProgram } from '../../src/domain/session';
import { aPerson, aSession } from '../../src/test/builders';
import { dexieSync } from '../../src/sync/dexieSyncStore';
import { takeInvitationKeys } from '../../src/sync/invitationKeys';
import { pairKeysForInvitation } from '../../src/sync/pairKeys';
import { provisionPerson, userDocumentId } from '../../src/sync/provisionProgram';
import { rematchSteps } from '../../src/sync/rematchSteps';
import { putInvitationBoxes } from '../../src/sync/seedPair';
import { pairDatabaseName, sharedDatabaseName } from '../../src/sync/serverRules';
import { openPulled } from '../../src/sync/docCipher';
import { admin, couch, refusedStatuses } from './couch';
import { aDevice, aSealedPair, roundsWithout, type Device } from './sealedPairDevices';

// Re-matching a sealed pair through the stand-in: the mentor (A) stays, the mentee (B) leaves and
// C takes their place. Real devices' keyrings and records (Dexie over fake-indexeddb), each signed
// in with its own cookie, as in keyRotation.test.ts; the coordinator's device finishes the change
// as the server's admin.

const asAdmin = { name: admin.name, password: admin.password };

async function aSealedPairToRematch() {
  const next = aPerson({ name: 'Noor Newcomer' });
  const sealed = await aSealedPair({ mentor: ['A'], mentee: ['B'] }, [next]);
  return { ...sealed, next, a: sealed.partner('A'), b: sealed.partner('B') };
}

async function finish(c: Device, pair: Pair, mentor: Person, mentee: Person, coordinator: Person, failAt?: number) {
  const steps = rematchSteps({ admin, pair, mentor, mentee, coordinatorId: coordinator.id, named: [] }, c.database);
  for (const [index, step] of steps.entries()) {
    if (index === failAt) return;
    await step.run();
  }
}

describe('finishing a re-matching on the server', () => {
  it('shuts the leaving partner out of what is written after, and lets the new one read the whole pair', async () => {
    const { pair, mentor, mentee, next, coordinator, passwords, a, b, c, accountOf } = await aSealedPairToRematch();
    const before = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday(), notesVisibility: 'program' });
    await logSession(before, a.database);
    await roundsWithout('before the re-matching', a, b, c);
    expect(await b.holdsSession(before.id)).toEqual(before);

    // The coordinator re-matches the mentee; the first try stops half way (after the keys' step).
    const rematched = { ...pair, menteeId: next.id, updatedAt: new Date().toISOString() };
    await c.database.pairs.put(rematched);
    await finish(c, rematched, mentor, next, coordinator, 2);
    await finish(c, rematched, mentor, next, coordinator);
    // Done again: still one new generation, not a second.
    await finish(c, rematched, mentor, next, coordinator);
    expect(await newestGeneration(pairDatabaseName(pair.id), c.database)).toBe(2);

    // The server: B is no member, has no role of the pair, and their device is marked removed.
    const security = await couch('GET', `${pairDatabaseName(pair.id)}/_security`, { as: asAdmin });
    expect(security.body.members).toMatchObject({ names: [mentor.id, next.id] });
    const account = await couch('GET', `_users/${encodeURIComponent(userDocumentId(mentee.id))}`, { as: asAdmin });
    expect(account.body.roles).toEqual([]);
    // Their account itself is kept (with its password), for any other pair they are in.
    const session = await couch('POST', '_session', {
      body: { name: mentee.id, password: passwords.get(mentee.id) ?? '' },
    });
    expect(session.status).toBe(200);
    const devices = (await couch('GET', `${pairDatabaseName(pair.id)}/_all_docs?include_docs=true`, { as: asAdmin }))
      .body.rows as { doc: { _id: string; meta: { author: string }; device?: { removedAt?: string } } }[];
    const bDevice = devices.find((row) => row.doc._id.startsWith('device:') && row.doc.meta.author === mentee.id);
    expect(bDevice?.doc.device?.removedAt).toEqual(expect.any(String));

    // B's device: refused by the server.
    for (const database of [pairDatabaseName(pair.id), sharedDatabaseName(pair.id)]) {
      const read = await couch('GET', `${database}/_all_docs`, {
        as: { name: mentee.id, password: passwords.get(mentee.id) ?? '' },
      });
      expect(refusedStatuses).toContain(read.status);
    }
    await expect(b.round()).rejects.toThrow();

    // A takes the new generation and writes with it; the coordinator still reads the shared database.
    await roundsWithout('taking the new keys', a);
    expect(await newestGeneration(pairDatabaseName(pair.id), a.database)).toBe(2);
    expect((await a.database.pairs.get(pair.id))?.menteeId).toBe(next.id);
    const after = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday(), notesVisibility: 'program' });
    await logSession(after, a.database);
    await roundsWithout('after the re-matching', a, c);
    const stored = await couch('GET', `${pairDatabaseName(pair.id)}/${encodeURIComponent(`session:${after.id}`)}`, {
      as: asAdmin,
    });
    expect((stored.body.meta as { keyGeneration?: unknown }).keyGeneration).toBe(2);
    expect(await c.holdsSession(after.id)).toEqual(sessionForProgram(after));

    // Had B fetched it anyway, its keys do not open it; what it synced before stays readable to it.
    const bKeys = await dexieSync(b.database, b.account).store.keys(pairDatabaseName(pair.id));
    expect(bKeys?.byGeneration.has(2)).toBe(false);
    const opened = await openPulled(stored.body, pairDatabaseName(pair.id), bKeys);
    expect(opened.ok).toBe(false);
    expect(await b.holdsSession(before.id)).toEqual(before);
    expect(await b.holdsSession(after.id)).toBeNull();

    // C, invited afterwards with every generation, reads the pair's history and its new writes.
    const password = `one-time-${crypto.randomUUID()}`;
    await provisionPerson(admin, { personId: next.id, coordinator: false, pairIds: [pair.id] }, password);
    const secret = newLinkSecret();
    const { bytes } = await pairKeysForInvitation(pair.id, c.database);
    await putInvitationBoxes(admin, pair.id, [secret], bytes);
    passwords.set(next.id, password);
    const newcomer = await aDevice('C-new', next, password, accountOf(next, 'partner'));
    await keepContentKeys(await takeInvitationKeys(newcomer.connection, pair.id, secret), newcomer.database);
    await roundsWithout('on the new partner’s device', newcomer);
    expect(await newcomer.holdsSession(before.id)).toEqual(before);
    expect(await newcomer.holdsSession(after.id)).toEqual(after);
  });
});
