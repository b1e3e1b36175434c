import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { aServerDoc, aServerPair, type ServerDoc } from '../test/serverDocs';
import { refusal, setUp } from '../test/validateDocUpdate';
import {
  COORDINATOR_ROLE,
  DIRECTORY_DATABASE,
  designDocument,
  pairDatabaseName,
  pairSecurity,
  sharedDatabaseName,
  sharedSecurity,
  directorySecurity,
  validateDocUpdateSource,
  type SecurityObject,
} from './serverRules';

describe('database names and members', () => {
  it('names a pair’s two databases after its id, in CouchDB’s lower-case form', () => {
    const pairId = '0b3c2a9e-3f1d-4c5e-9a7b-1c2d3e4f5a6b';
    expect(pairDatabaseName(pairId)).toBe(`mentorlog-pair-${pairId}`);
    expect(sharedDatabaseName(pairId)).toBe(`mentorlog-shared-${pairId}`);
    expect(DIRECTORY_DATABASE).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
  });

  it('refuses a pair id that is not a lower-case UUID rather than name some other database', () => {
    expect(() => pairDatabaseName('ABC')).toThrow(/lower-case UUID/);
    expect(() => pairDatabaseName('x/../_users')).toThrow();
  });

  it('lets only the partners read the pair database, and the coordinator too only the shared one', () => {
    const { pair } = aServerPair();
    expect(pairSecurity(pair).members).toEqual({ names: [pair.mentorId, pair.menteeId], roles: [] });
    expect(sharedSecurity(pair).members).toEqual({ names: [pair.mentorId, pair.menteeId], roles: [COORDINATOR_ROLE] });
    expect(directorySecurity().members).toEqual({ names: [], roles: [COORDINATOR_ROLE] });
  });
});

describe('validate_doc_update', () => {
  it('is ES5, which every CouchDB 3 JavaScript engine runs', () => {
    const { pair } = aServerPair();
    for (const database of [{ kind: 'directory' }, { kind: 'pair', pairId: pair.id }] as const) {
      const source = validateDocUpdateSource(database, pair);
      expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
    }
    for (const database of [
      { kind: 'pair', pairId: pair.id },
      { kind: 'shared', pairId: pair.id },
    ] as const) {
      const sealed = validateDocUpdateSource(database, pair, { sealed: true });
      expect(() => parse(`(${sealed})`, { ecmaVersion: 5 })).not.toThrow();
    }
  });

  it('writes the pair’s id into the design document of its databases', () => {
    const { pair } = aServerPair();
    expect(designDocument({ kind: 'shared', pairId: pair.id }, pair)).toMatchObject({
      _id: '_design/mentorlog',
      language: 'javascript',
    });
    expect(designDocument({ kind: 'pair', pairId: pair.id }, pair).validate_doc_update).toContain(
      JSON.stringify(pair.id),
    );
  });

  it('knows the partners from its own source, since the stand-in’s _bulk_docs passes it no members', () => {
    const { pair, mentor, mentee, pairDb, sharedDb, asMentor, asMentee } = setUp();
    const noMembers: SecurityObject = { admins: { names: [], roles: [] }, members: { names: [], roles: [] } };
    expect(refusal(pairDb, aServerDoc('pair', pair), asMentor, noMembers)).toBeNull();
    expect(refusal(pairDb, aServerDoc('person', mentee), asMentor, noMembers)).toBeNull();
    expect(refusal(sharedDb, aServerDoc('person', mentor, { visibility: 'program' }), asMentee, noMembers)).toBeNull();
    const stranger = aServerPair().mentor;
    expect(refusal(pairDb, aServerDoc('person', stranger), asMentor, noMembers)).toMatch(/partners' own records/);
  });

  it('needs a pair’s partners to write its rules', () => {
    expect(() => validateDocUpdateSource({ kind: 'pair', pairId: aServerPair().pair.id }, null)).toThrow(/partners/);
  });

  it('lets partners write their pair, their people, sessions and their own check-ins', () => {
    const { pair, mentor, mentee, session, checkIn, pairDb, asMentor, asMentee, pairSec } = setUp();
    expect(refusal(pairDb, aServerDoc('pair', pair), asMentor, pairSec)).toBeNull();
    expect(refusal(pairDb, aServerDoc('person', mentor), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aServerDoc('person', mentee), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aServerDoc('session', session({ notes: 'We talked.' })), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aServerDoc('checkIn', checkIn(), { visibility: 'program' }), asMentee, pairSec)).toBeNull();
  });

  it('lets through a check-in whose private parts were stripped for the partner', () => {
    const { checkIn, pairDb, asMentee, pairSec } = setUp();
    const scoresOnly = checkIn({ notesVisibility: 'private', comments: {}, reflection: '' });
    const wordsOnly = checkIn({ visibility: 'private', scores: {}, reflection: 'Shared words' });
    expect(refusal(pairDb, aServerDoc('checkIn', scoresOnly), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aServerDoc('checkIn', wordsOnly), asMentee, pairSec)).toBeNull();
  });

  it('refuses a check-in written under the partner’s name', () => {
    const { checkIn, pairDb, asMentor, pairSec } = setUp();
    expect(refusal(pairDb, aServerDoc('checkIn', checkIn()), asMentor, pairSec)).toMatch(/person who gave it/);
  });

  it('refuses a check-in whose meta names its writer but whose rater is the partner', () => {
    const { checkIn, pairDb, asMentor, mentor, pairSec } = setUp();
    expect(refusal(pairDb, aServerDoc('checkIn', checkIn(), { author: mentor.id }), asMentor, pairSec)).toMatch(
      /person who gave it/,
    );
  });

  it('refuses a partner taking over the other’s check-in by writing their own over it', () => {
    const { checkIn, pairDb, asMentor, mentor, pairSec } = setUp();
    const original = aServerDoc('checkIn', checkIn());
    const takeover = aServerDoc('checkIn', {
      ...checkIn(),
      id: original.content.id,
      raterId: mentor.id,
      side: 'mentor',
    });
    expect(refusal(pairDb, takeover, asMentor, pairSec, original)).toMatch(/changed by the person who gave it/);
  });

  it('refuses private records and private parts of a check-in', () => {
    const { checkIn, session, pairDb, asMentee, pairSec } = setUp();
    const privateMeta = aServerDoc('session', session(), { visibility: 'private' });
    const allPrivate = aServerDoc(
      'checkIn',
      checkIn({ visibility: 'private', notesVisibility: 'private', scores: {}, comments: {}, reflection: '' }),
    );
    const privateScores = aServerDoc('checkIn', checkIn({ visibility: 'private' }));
    const privateWords = aServerDoc('checkIn', checkIn({ notesVisibility: 'private', reflection: 'Only for me' }));
    const privateComment = aServerDoc(
      'checkIn',
      checkIn({ notesVisibility: 'private', comments: { trust: 'Only for me' } }),
    );
    expect(refusal(pairDb, privateMeta, asMentee, pairSec)).toMatch(/Private records never leave/);
    expect(refusal(pairDb, allPrivate, asMentee, pairSec)).toMatch(/Private records never leave/);
    expect(refusal(pairDb, privateScores, asMentee, pairSec)).toMatch(/Private scores/);
    expect(refusal(pairDb, privateWords, asMentee, pairSec)).toMatch(/Private words/);
    expect(refusal(pairDb, privateComment, asMentee, pairSec)).toMatch(/Private words/);
  });

  it('refuses in the shared database what was not shared with the program', () => {
    const { checkIn, session, sharedDb, asMentee, sharedSec } = setUp();
    const pairOnly = aServerDoc('checkIn', checkIn({ visibility: 'pair' }), { visibility: 'program' });
    const metaPair = aServerDoc('checkIn', checkIn(), { visibility: 'pair' });
    const pairWords = aServerDoc('checkIn', checkIn({ notesVisibility: 'pair', reflection: 'For my mentor' }), {
      visibility: 'program',
    });
    const notes = aServerDoc('session', session({ notes: 'Between us' }), { visibility: 'program' });
    expect(refusal(sharedDb, pairOnly, asMentee, sharedSec)).toMatch(/scores were shared with the program/);
    expect(refusal(sharedDb, metaPair, asMentee, sharedSec)).toMatch(/Only what was shared with the program/);
    expect(refusal(sharedDb, pairWords, asMentee, sharedSec)).toMatch(/Words not shared/);
    expect(refusal(sharedDb, notes, asMentee, sharedSec)).toMatch(/Session words not shared with the program/);
  });

  it('lets the program’s view of the pair into the shared database', () => {
    const { pair, checkIn, session, sharedDb, asMentee, asCoordinator, sharedSec } = setUp();
    const scoresOnly = checkIn({ notesVisibility: 'pair', comments: {}, reflection: '' });
    expect(
      refusal(sharedDb, aServerDoc('checkIn', scoresOnly, { visibility: 'program' }), asMentee, sharedSec),
    ).toBeNull();
    expect(
      refusal(sharedDb, aServerDoc('session', session(), { visibility: 'program' }), asMentee, sharedSec),
    ).toBeNull();
    expect(refusal(sharedDb, aServerDoc('pair', pair, { visibility: 'program' }), asCoordinator, sharedSec)).toBeNull();
  });

  it('refuses an unknown type, a document without meta or content, and a wrong document id', () => {
    const { session, pairDb, asMentee, pairSec } = setUp();
    const doc = aServerDoc('session', session());
    expect(
      refusal(
        pairDb,
        { ...doc, _id: `note:${doc.content.id}`, meta: { ...doc.meta, type: 'note' } },
        asMentee,
        pairSec,
      ),
    ).toMatch(/type "note"/);
    expect(refusal(pairDb, { _id: doc._id, content: doc.content }, asMentee, pairSec)).toMatch(
      /needs meta and content/,
    );
    expect(refusal(pairDb, { _id: doc._id, meta: doc.meta }, asMentee, pairSec)).toMatch(/needs meta and content/);
    expect(refusal(pairDb, { ...doc, _id: 'session:someone-else' }, asMentee, pairSec)).toMatch(/document id/);
  });

  it('refuses a record of another pair, by its meta or by its content', () => {
    const { session, pairDb, asMentee, pairSec } = setUp();
    const other = aServerPair();
    const otherSession = aServerDoc('session', session({ pairId: other.pair.id }));
    const lyingMeta = aServerDoc('session', session({ pairId: other.pair.id }), {
      pairId: aServerDoc('session', session()).meta.pairId,
    });
    expect(refusal(pairDb, otherSession, asMentee, pairSec)).toMatch(/another pair/);
    expect(refusal(pairDb, lyingMeta, asMentee, pairSec)).toMatch(/another pair/);
    expect(refusal(pairDb, aServerDoc('pair', other.pair), asMentee, pairSec)).toMatch(/another pair/);
    expect(refusal(pairDb, aServerDoc('person', other.mentor), asMentee, pairSec)).toMatch(/two partners/);
  });

  it('refuses a pair record that swaps a partner for someone else', () => {
    const { pair, pairDb, asMentee, pairSec } = setUp();
    expect(refusal(pairDb, aServerDoc('pair', { ...pair, mentorId: crypto.randomUUID() }), asMentee, pairSec)).toMatch(
      /cannot be changed/,
    );
  });

  it('refuses a document over 64 KiB, even from an admin', () => {
    const { session, pairDb, asMentee, asAdmin, pairSec } = setUp();
    const huge = aServerDoc('session', session({ notes: 'x'.repeat(65 * 1024) }));
    expect(refusal(pairDb, huge, asMentee, pairSec)).toMatch(/too large/);
    expect(refusal(pairDb, huge, asAdmin, pairSec)).toMatch(/too large/);
  });

  it('lets an admin seed any well-shaped record, but not one without meta', () => {
    const { checkIn, pairDb, asAdmin, pairSec } = setUp();
    const doc = aServerDoc('checkIn', checkIn());
    expect(refusal(pairDb, doc, asAdmin, pairSec)).toBeNull();
    expect(refusal(pairDb, { _id: doc._id, content: doc.content }, asAdmin, pairSec)).toMatch(/needs meta and content/);
  });

  it('keeps sessions and check-ins out of the directory, and takes pairs and people there', () => {
    const { pair, mentor, session, directory, asCoordinator } = setUp();
    const sec = directorySecurity();
    expect(refusal(directory, aServerDoc('session', session(), { visibility: 'program' }), asCoordinator, sec)).toMatch(
      /does not keep records/,
    );
    expect(refusal(directory, aServerDoc('pair', pair, { visibility: 'program' }), asCoordinator, sec)).toBeNull();
    expect(refusal(directory, aServerDoc('person', mentor, { visibility: 'program' }), asCoordinator, sec)).toBeNull();
  });

  it('lets only its author delete a check-in, and a deletion carry no content', () => {
    const { checkIn, pairDb, asMentor, asMentee, pairSec } = setUp();
    const stored: ServerDoc = { ...aServerDoc('checkIn', checkIn()), _rev: '1-a' };
    const deletion = { _id: stored._id, _rev: '1-a', _deleted: true };
    expect(refusal(pairDb, deletion, asMentor, pairSec, stored)).toMatch(/Only the person who wrote a check-in/);
    expect(refusal(pairDb, deletion, asMentee, pairSec, stored)).toBeNull();
    expect(refusal(pairDb, { ...deletion, content: { reflection: 'smuggled' } }, asMentee, pairSec, stored)).toMatch(
      /carries no content/,
    );
    // The stand-in's DELETE validates the stored body marked deleted, and passes with it.
    expect(refusal(pairDb, { ...stored, _deleted: true }, asMentee, pairSec, stored)).toBeNull();
  });
});
