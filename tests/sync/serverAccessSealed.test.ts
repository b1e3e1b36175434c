import { beforeAll, describe, expect, it } from 'vitest';
import { boxForSecret, newLinkSecret, openSecretBox, secretBoxName, type SecretBox } from '../../src/crypto/keyBoxes';
import { importContentKey, newContentKeyBytes } from '../../src/crypto/sealing';
import { toBase64Url } from '../../src/crypto/bytes';
import type { SyncRecord } from '../../src/domain/syncedRecord';
import { provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { sealDocument } from '../../src/sync/sealedDocument';
import { DESIGN_DOC_ID, pairDatabaseName, sharedDatabaseName, type ProgramDatabase } from '../../src/sync/serverRules';
import { toSyncDocument } from '../../src/sync/syncDocument';
import { aKeyBox, aSealedDoc, aServerDoc, aServerPair } from '../../src/test/serverDocs';
import { admin, couch, refusedStatuses, type Credentials } from './couch';

// A pair's sealed databases against a real server, with raw HTTP as any client could send it: the
// server reads only the metadata, and refuses whatever a member's device should not have sent.
const fixture = aServerPair();
const { pair, mentor, mentee } = fixture;
const outsiderId = crypto.randomUUID();
const password = (id: string) => `one-time-${id.slice(0, 8)}`;
const asMentor: Credentials = { name: mentor.id, password: password(mentor.id) };
const asMentee: Credentials = { name: mentee.id, password: password(mentee.id) };
const asOutsider: Credentials = { name: outsiderId, password: password(outsiderId) };
const asAdmin: Credentials = { name: admin.name, password: admin.password };
const pairDb = pairDatabaseName(pair.id);
const sharedDb = sharedDatabaseName(pair.id);
const pairDestination: ProgramDatabase = { kind: 'pair', pairId: pair.id };
const sharedDestination: ProgramDatabase = { kind: 'shared', pairId: pair.id };
let pairKey: CryptoKey;

/** A document as sent: a sealed record or key box, or something made up to test a refusal. */
interface SentDoc {
  _id: string;
  _rev?: unknown;
  meta?: unknown;
  sealed?: unknown;
  content?: unknown;
  box?: unknown;
}

async function put(database: string, doc: SentDoc, as: Credentials) {
  return couch('PUT', `${database}/${encodeURIComponent(doc._id)}`, { as, body: doc });
}

/** The record as a partner's device sends it: stripped for its destination, then sealed. */
async function sealed(entry: SyncRecord, destination: ProgramDatabase) {
  const doc = toSyncDocument(entry, destination);
  if (!doc) throw new Error(`${entry.type} does not go to ${destination.kind}`);
  return sealDocument(doc, pairKey, 1);
}

async function expectRefused(database: string, doc: SentDoc, as: Credentials, sentence: RegExp) {
  const answer = await put(database, doc, as);
  expect(refusedStatuses, JSON.stringify(answer.body)).toContain(answer.status);
  expect(answer.body).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(sentence) });
}

beforeAll(async () => {
  pairKey = await importContentKey(newContentKeyBytes());
  await provisionPair(admin, pair, { sealed: true });
  await provisionPerson(admin, { personId: mentor.id, coordinator: false }, asMentor.password);
  await provisionPerson(admin, { personId: mentee.id, coordinator: false }, asMentee.password);
  await provisionPerson(admin, { personId: outsiderId, coordinator: false }, asOutsider.password);
});

describe('a sealed pair’s databases', () => {
  it('carry the sealed write rule', async () => {
    for (const database of [pairDb, sharedDb]) {
      const design = await couch('GET', `${database}/${DESIGN_DOC_ID}`, { as: asAdmin });
      expect(design.body.validate_doc_update).toContain('var SEALED = true;');
    }
  });

  it('take a partner’s sealed session and check-in, and hold none of their words', async () => {
    const record = fixture.session({ notesVisibility: 'program', notes: 'Canary 7c41: we planned the term.' });
    const checkIn = fixture.checkIn({ reflection: 'Canary 7c41: a good month.' });
    const writes = [
      await put(pairDb, await sealed({ type: 'session', record }, pairDestination), asMentor),
      await put(pairDb, await sealed({ type: 'checkIn', record: checkIn }, pairDestination), asMentee),
      await put(sharedDb, await sealed({ type: 'session', record }, sharedDestination), asMentor),
      await put(sharedDb, await sealed({ type: 'checkIn', record: checkIn }, sharedDestination), asMentee),
    ];
    expect(writes.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    const read = await couch('GET', `${pairDb}/_all_docs?include_docs=true`, { as: asMentee });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(`session:${record.id}`);
    expect(JSON.stringify(read.body)).not.toContain('Canary 7c41');
  });

  it('refuse a record in readable form', async () => {
    const plain = aServerDoc('session', fixture.session({ notes: 'Readable words' }));
    await expectRefused(pairDb, plain, asMentor, /end-to-end encrypted/);
    const plainProgram = aServerDoc('checkIn', fixture.checkIn(), { visibility: 'program' });
    await expectRefused(sharedDb, plainProgram, asMentee, /end-to-end encrypted/);
  });

  it('refuse a check-in under the partner’s name', async () => {
    const checkIn = await sealed({ type: 'checkIn', record: fixture.checkIn() }, pairDestination);
    await expectRefused(pairDb, checkIn, asMentor, /person who gave it/);
  });

  it('refuse in the shared database a check-in whose scores were not shared with the program', async () => {
    const pairOnly = aSealedDoc('checkIn', fixture.checkIn({ visibility: 'pair' }), { visibility: 'program' });
    await expectRefused(sharedDb, pairOnly, asMentee, /scores were shared with the program/);
  });

  it('refuse a person outside the pair reading them', async () => {
    for (const database of [pairDb, sharedDb]) {
      const answer = await couch('GET', `${database}/_all_docs`, { as: asOutsider });
      expect(refusedStatuses, `${database}: ${answer.status}`).toContain(answer.status);
    }
  });
});

describe('an invitation’s key box', () => {
  it('is written by the admin, read and then removed by the invited partner', async () => {
    const secret = newLinkSecret();
    const id = `keyBox:invitation-${await secretBoxName(secret)}`;
    const keyBytes = toBase64Url(newContentKeyBytes());
    const box = await boxForSecret(secret, { pairKey: keyBytes, generation: 1 }, id);
    const written = await put(pairDb, { ...aKeyBox(pair.id), _id: id, box }, asAdmin);
    expect(written.status, JSON.stringify(written.body)).toBe(201);

    const path = `${pairDb}/${encodeURIComponent(id)}`;
    expect(refusedStatuses).toContain((await couch('GET', path, { as: asOutsider })).status);
    const read = await couch('GET', path, { as: asMentee });
    expect(read.status).toBe(200);
    expect(await openSecretBox(secret, read.body.box as SecretBox, id)).toEqual({ pairKey: keyBytes, generation: 1 });

    const swapped = { ...read.body, _id: id, box: aKeyBox(pair.id).box };
    await expectRefused(pairDb, swapped, asMentor, /key box cannot be changed/);
    const removed = await couch('DELETE', `${path}?rev=${String(read.body._rev)}`, { as: asMentee });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((await couch('GET', path, { as: asMentee })).status).toBe(404);
  });
});

describe('sealing a pair provisioned before', () => {
  it('replaces its rule, and its partners reseal what it holds in place', async () => {
    const earlier = aServerPair();
    const credentials = (id: string): Credentials => ({ name: id, password: password(id) });
    const asEarlierMentor = credentials(earlier.mentor.id);
    await provisionPair(admin, earlier.pair);
    await provisionPerson(admin, { personId: earlier.mentor.id, coordinator: false }, asEarlierMentor.password);
    const database = pairDatabaseName(earlier.pair.id);
    const record = earlier.session({ notes: 'Written before sealing' });
    const plain = aServerDoc('session', record);
    const first = await put(database, plain, asEarlierMentor);
    expect(first.status).toBe(201);

    await provisionPair(admin, earlier.pair, { sealed: true });
    await expectRefused(database, { ...plain, _rev: first.body.rev }, asEarlierMentor, /end-to-end encrypted/);
    const doc = toSyncDocument({ type: 'session', record }, { kind: 'pair', pairId: earlier.pair.id });
    const resealed = await sealDocument(doc!, pairKey, 1);
    const answer = await put(database, { ...resealed, _rev: first.body.rev }, asEarlierMentor);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const stored = await couch('GET', `${database}/${encodeURIComponent(plain._id)}`, { as: asEarlierMentor });
    expect(stored.body).not.toHaveProperty('content');
    expect(stored.body).toMatchObject({ sealed: { v: 1 } });
  });
});
