import { beforeAll, describe, expect, it } from 'vitest';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { DIRECTORY_DATABASE, pairDatabaseName, sharedDatabaseName } from '../../src/sync/serverRules';
import { aServerDoc, aServerPair } from '../../src/test/serverDocs';
import { admin, couch, refusedStatuses, server, type Credentials } from './couch';

// The server's access rules (members and validate_doc_update) against a real server, with raw
// HTTP as any client could send it: a member's device is not trusted to hold back.
const fixture = aServerPair();
const { pair, mentor, mentee } = fixture;
const coordinatorId = crypto.randomUUID();
const outsiderId = crypto.randomUUID();
const password = (id: string) => `one-time-${id.slice(0, 8)}`;
const asMentor: Credentials = { name: mentor.id, password: password(mentor.id) };
const asMentee: Credentials = { name: mentee.id, password: password(mentee.id) };
const asCoordinator: Credentials = { name: coordinatorId, password: password(coordinatorId) };
const asOutsider: Credentials = { name: outsiderId, password: password(outsiderId) };
const pairDb = pairDatabaseName(pair.id);
const sharedDb = sharedDatabaseName(pair.id);

/** A document as sent: a record, or something made up to test a refusal. */
interface SentDoc {
  _id: string;
  _rev?: unknown;
  meta?: unknown;
  content?: unknown;
}

async function put(database: string, doc: SentDoc, as: Credentials) {
  return couch('PUT', `${database}/${encodeURIComponent(doc._id)}`, { as, body: doc });
}

beforeAll(async () => {
  await provisionDirectory(admin);
  await provisionPair(admin, pair);
  await provisionPerson(admin, { personId: mentor.id, coordinator: false }, asMentor.password);
  await provisionPerson(admin, { personId: mentee.id, coordinator: false }, asMentee.password);
  await provisionPerson(admin, { personId: coordinatorId, coordinator: true }, asCoordinator.password);
  await provisionPerson(admin, { personId: outsiderId, coordinator: false }, asOutsider.password);
});

describe('who may read', () => {
  it('refuses a person outside the pair its databases', async () => {
    for (const database of [pairDb, sharedDb, DIRECTORY_DATABASE]) {
      const answer = await couch('GET', `${database}/_all_docs`, { as: asOutsider });
      expect(refusedStatuses, `${database}: ${answer.status}`).toContain(answer.status);
    }
  });

  it('refuses anyone not signed in', async () => {
    const answer = await couch('GET', `${pairDb}/_changes?since=0`);
    expect(refusedStatuses).toContain(answer.status);
  });

  it('lets the coordinator read the shared database and the directory, but not the pair database', async () => {
    expect((await couch('GET', `${sharedDb}/_all_docs`, { as: asCoordinator })).status).toBe(200);
    expect((await couch('GET', `${DIRECTORY_DATABASE}/_all_docs`, { as: asCoordinator })).status).toBe(200);
    expect(refusedStatuses).toContain((await couch('GET', `${pairDb}/_all_docs`, { as: asCoordinator })).status);
  });

  it('lets the partners read both of their pair’s databases, and not the directory', async () => {
    for (const as of [asMentor, asMentee]) {
      expect((await couch('GET', `${pairDb}/_changes?since=0`, { as })).status).toBe(200);
      expect((await couch('GET', `${sharedDb}/_changes?since=0`, { as })).status).toBe(200);
      expect(refusedStatuses).toContain((await couch('GET', `${DIRECTORY_DATABASE}/_all_docs`, { as })).status);
    }
  });
});

describe('what members may write', () => {
  it('takes what the partners may share: the pair, their people, sessions and their own check-ins', async () => {
    const writes = [
      await put(pairDb, aServerDoc('pair', pair), asMentor),
      await put(pairDb, aServerDoc('person', mentor), asMentor),
      await put(pairDb, aServerDoc('person', mentee), asMentee),
      await put(pairDb, aServerDoc('session', fixture.session({ notes: 'We talked about goals.' })), asMentor),
      await put(pairDb, aServerDoc('checkIn', fixture.checkIn(), { visibility: 'program' }), asMentee),
      await put(sharedDb, aServerDoc('checkIn', fixture.checkIn(), { visibility: 'program' }), asMentee),
      await put(sharedDb, aServerDoc('session', fixture.session(), { visibility: 'program' }), asMentor),
      await put(
        sharedDb,
        aServerDoc('session', fixture.session({ notesVisibility: 'program', notes: 'Shared with Cora.' }), {
          visibility: 'program',
        }),
        asMentor,
      ),
      await put(sharedDb, aServerDoc('pair', pair, { visibility: 'program' }), asCoordinator),
      await put(DIRECTORY_DATABASE, aServerDoc('pair', pair, { visibility: 'program' }), asCoordinator),
    ];
    expect(writes.map((answer) => answer.status)).toEqual(writes.map(() => 201));
  });

  it('lets the partner read what was written, with a newer revision replacing an older one', async () => {
    const doc = aServerDoc('session', fixture.session());
    const first = await put(pairDb, doc, asMentor);
    const edited = await put(
      pairDb,
      { ...doc, _rev: first.body.rev, content: { ...doc.content, notes: 'Edited' } },
      asMentee,
    );
    expect(edited.status).toBe(201);
    const read = await couch('GET', `${pairDb}/${encodeURIComponent(doc._id)}`, { as: asMentee });
    expect(read.body.content).toMatchObject({ notes: 'Edited' });
    const stale = await put(pairDb, { ...doc, _rev: first.body.rev }, asMentor);
    expect(stale.status).toBe(409);
  });
});

describe('what the server refuses', () => {
  // Each refusal carries the sentence of validate_doc_update as its reason.
  async function expectRefused(database: string, doc: SentDoc, as: Credentials, sentence: RegExp) {
    const answer = await put(database, doc, as);
    expect(refusedStatuses, JSON.stringify(answer.body)).toContain(answer.status);
    expect(answer.body).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(sentence) });
  }

  it('refuses a check-in written under the partner’s name', async () => {
    await expectRefused(pairDb, aServerDoc('checkIn', fixture.checkIn()), asMentor, /person who gave it/);
  });

  it('refuses a private record, and a check-in’s private words', async () => {
    await expectRefused(
      pairDb,
      aServerDoc('session', fixture.session(), { visibility: 'private' }),
      asMentor,
      /Private records/,
    );
    const privateWords = fixture.checkIn({ notesVisibility: 'private', reflection: 'Only for me' });
    await expectRefused(pairDb, aServerDoc('checkIn', privateWords), asMentee, /Private words/);
  });

  it('refuses in the shared database what was not shared with the program', async () => {
    const pairOnly = fixture.checkIn({ visibility: 'pair', notesVisibility: 'pair' });
    await expectRefused(
      sharedDb,
      aServerDoc('checkIn', pairOnly, { visibility: 'program' }),
      asMentee,
      /scores were shared with the program/,
    );
    await expectRefused(
      sharedDb,
      aServerDoc('session', fixture.session()),
      asMentor,
      /Only what was shared with the program/,
    );
  });

  it('refuses session words where their author did not share them, and a partner changing who sees them', async () => {
    await expectRefused(
      pairDb,
      aServerDoc('session', fixture.session({ notesVisibility: 'private', notes: 'Only for me' })),
      asMentor,
      /Private words never leave/,
    );
    await expectRefused(
      sharedDb,
      aServerDoc('session', fixture.session({ notesVisibility: 'pair', topics: ['Between us'] }), {
        visibility: 'program',
      }),
      asMentor,
      /Session words not shared with the program/,
    );
    const doc = aServerDoc('session', fixture.session({ notesVisibility: 'pair', notes: 'Between us' }));
    const written = await put(pairDb, doc, asMentor);
    const widened = { ...doc, _rev: written.body.rev, content: { ...doc.content, notesVisibility: 'program' } };
    await expectRefused(pairDb, widened, asMentee, /Only the person who logged a session/);
    expect((await put(pairDb, widened, asMentor)).status).toBe(201);
  });

  it('refuses an unknown type, a document without meta, a record of another pair and a huge document', async () => {
    const doc = aServerDoc('session', fixture.session());
    await expectRefused(
      pairDb,
      { ...doc, _id: `note:${doc.content.id}`, meta: { ...doc.meta, type: 'note' } },
      asMentor,
      /type "note"/,
    );
    await expectRefused(pairDb, { _id: doc._id, content: doc.content }, asMentor, /needs meta and content/);
    const other = aServerPair();
    await expectRefused(
      pairDb,
      aServerDoc('session', fixture.session({ pairId: other.pair.id })),
      asMentor,
      /another pair/,
    );
    await expectRefused(
      pairDb,
      aServerDoc('session', fixture.session({ notes: 'x'.repeat(70_000) })),
      asMentor,
      /too large/,
    );
  });

  it('refuses a partner deleting the other’s check-in, and lets its author remove it', async () => {
    const doc = aServerDoc('checkIn', fixture.checkIn(), { visibility: 'program' });
    const written = await put(sharedDb, doc, asMentee);
    const path = `${sharedDb}/${encodeURIComponent(doc._id)}?rev=${String(written.body.rev)}`;
    expect(refusedStatuses).toContain((await couch('DELETE', path, { as: asMentor })).status);
    const removed = await couch('DELETE', path, { as: asMentee });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
  });

  it('refuses a member changing who may read the pair’s database', async () => {
    const answer = await couch('PUT', `${pairDb}/_security`, {
      as: asMentor,
      body: { members: { names: [mentor.id, outsiderId], roles: [] } },
    });
    expect(refusedStatuses).toContain(answer.status);
  });
});

describe('signing in', () => {
  it('opens a cookie session with the one-time password, which reads the pair’s database', async () => {
    const session = await couch('POST', '_session', { body: { name: mentee.id, password: asMentee.password } });
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^AuthSession=/);
    expect((await couch('GET', `${pairDb}/_all_docs`, { cookie })).status).toBe(200);
  });

  it('refuses a wrong password', async () => {
    const session = await couch('POST', '_session', { body: { name: mentee.id, password: 'not-the-password' } });
    expect(session.status).toBe(401);
  });

  it.runIf(!server.standIn)(
    'lets a user read their own account, which changing their password needs (CouchDB only: the stand-in answers 500/400)',
    async () => {
      const answer = await couch('GET', `_users/${encodeURIComponent(`org.couchdb.user:${mentee.id}`)}`, {
        as: asMentee,
      });
      expect(answer.status).toBe(200);
    },
  );
});
