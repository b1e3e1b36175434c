import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../domain/checkIn';
import { aMadeUpSeal, aSealedDoc, aServerDoc, aServerPair } from '../test/serverDocs';
import { refusal, setUpSealed } from '../test/validateDocUpdate';
import { designDocument, validateDocUpdateSource, type ProgramDatabase } from './serverRules';

// The write rule of a pair's sealed databases: it reads only the metadata beside a sealed record.
describe('the sealed databases’ validate_doc_update', () => {
  it('is ES5, says it is sealed, and leaves an unsealed database’s rule as it was', () => {
    const { pair } = aServerPair();
    const databases: ProgramDatabase[] = [
      { kind: 'pair', pairId: pair.id },
      { kind: 'shared', pairId: pair.id },
    ];
    for (const database of databases) {
      const source = validateDocUpdateSource(database, pair, { sealed: true });
      expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
      expect(source).toContain('var SEALED = true;');
      expect(designDocument(database, pair, { sealed: true }).validate_doc_update).toBe(source);
      const unsealed = validateDocUpdateSource(database, pair);
      expect(unsealed).not.toContain('SEALED');
      expect(validateDocUpdateSource(database, pair, { sealed: false })).toBe(unsealed);
    }
    // The directory has a sealed rule of its own (serverRulesDirectorySealed.test.ts), not a pair's.
    const directory = validateDocUpdateSource({ kind: 'directory' }, null, { sealed: true });
    expect(() => parse(`(${directory})`, { ecmaVersion: 5 })).not.toThrow();
    expect(directory).not.toBe(validateDocUpdateSource({ kind: 'directory' }, null));
  });

  it('lets partners write their pair, their people, sessions and their own check-ins, sealed', () => {
    const { pair, mentor, mentee, session, checkIn, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    expect(refusal(pairDb, aSealedDoc('pair', pair), asMentor, pairSec)).toBeNull();
    expect(refusal(pairDb, aSealedDoc('person', mentor), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aSealedDoc('person', mentee), asMentee, pairSec)).toBeNull();
    // The mentor logged it; either partner may write it.
    expect(refusal(pairDb, aSealedDoc('session', session()), asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, aSealedDoc('checkIn', checkIn()), asMentee, pairSec)).toBeNull();
    // A check-in whose words or scores alone were kept private: the device left them out of the seal.
    const wordsShared = aSealedDoc('checkIn', checkIn({ visibility: 'private', notesVisibility: 'pair' }));
    const scoresShared = aSealedDoc('checkIn', checkIn({ visibility: 'pair', notesVisibility: 'private' }));
    expect(refusal(pairDb, wordsShared, asMentee, pairSec)).toBeNull();
    expect(refusal(pairDb, scoresShared, asMentee, pairSec)).toBeNull();
    const withGeneration = aSealedDoc('session', session(), { keyGeneration: 3 });
    expect(refusal(pairDb, withGeneration, asMentor, pairSec)).toBeNull();
  });

  it('lets the program’s view of the pair into the shared database', () => {
    const { pair, checkIn, session, sharedDb, asMentee, asMentor, asCoordinator, sharedSec } = setUpSealed();
    const program = { visibility: 'program' } as const;
    const scoresOnly = checkIn({ notesVisibility: 'pair' });
    expect(refusal(sharedDb, aSealedDoc('checkIn', scoresOnly, program), asMentee, sharedSec)).toBeNull();
    const facts = session({ notesVisibility: 'pair' });
    expect(refusal(sharedDb, aSealedDoc('session', facts, program), asMentor, sharedSec)).toBeNull();
    expect(refusal(sharedDb, aSealedDoc('pair', pair, program), asCoordinator, sharedSec)).toBeNull();
  });

  it('refuses a record in readable form, from a member and from the admin alike', () => {
    const { session, pairDb, asMentor, asAdmin, pairSec } = setUpSealed();
    const plain = aServerDoc('session', session({ notes: 'Readable' }));
    const both = { ...aSealedDoc('session', session()), content: plain.content };
    for (const as of [asMentor, asAdmin]) {
      expect(refusal(pairDb, plain, as, pairSec)).toMatch(/end-to-end encrypted: a record in readable form/);
      expect(refusal(pairDb, both, as, pairSec)).toMatch(/end-to-end encrypted/);
    }
  });

  it('refuses a document without meta or without a well-formed seal', () => {
    const { session, pairDb, asMentor, asAdmin, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    const seal = aMadeUpSeal();
    const malformed = [
      undefined,
      null,
      'ciphertext',
      [seal],
      { ...seal, v: 2 },
      { ...seal, iv: 12 },
      { v: 1, iv: seal.iv },
    ];
    for (const sealed of malformed) {
      for (const as of [asMentor, asAdmin]) {
        const answer = refusal(pairDb, { ...doc, sealed }, as, pairSec);
        expect(answer, JSON.stringify(sealed)).toMatch(/needs meta and a sealed record/);
      }
    }
    expect(refusal(pairDb, { _id: doc._id, sealed: doc.sealed }, asMentor, pairSec)).toMatch(/needs meta/);
  });

  it('refuses an unknown type and a document id that is not its type and an id', () => {
    const { session, pairDb, asMentor, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    const note = { ...doc, _id: 'note:1', meta: { ...doc.meta, type: 'note' } };
    expect(refusal(pairDb, note, asMentor, pairSec)).toMatch(/type "note"/);
    for (const _id of ['session:', 'checkIn:1', 'session-1', `x${doc._id}`]) {
      expect(refusal(pairDb, { ...doc, _id }, asMentor, pairSec), _id).toMatch(/document id must be its type/);
    }
  });

  it('refuses a key generation that is not a whole number from 1', () => {
    const { session, pairDb, asMentor, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    for (const keyGeneration of [0, -1, 1.5, '1', null, undefined]) {
      const answer = refusal(pairDb, { ...doc, meta: { ...doc.meta, keyGeneration } }, asMentor, pairSec);
      expect(answer, String(keyGeneration)).toMatch(/generation of the key that sealed it/);
    }
  });

  it('refuses a record without its time, private, or not for the database’s audience', () => {
    const { session, pairDb, sharedDb, asMentor, pairSec, sharedSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    const withMeta = (meta: Record<string, unknown>) => ({ ...doc, meta: { ...doc.meta, ...meta } });
    expect(refusal(pairDb, withMeta({ updated: 17 }), asMentor, pairSec)).toMatch(/time it was last changed/);
    expect(refusal(pairDb, withMeta({ visibility: 'private' }), asMentor, pairSec)).toMatch(/Private records/);
    expect(refusal(pairDb, withMeta({ visibility: 'program' }), asMentor, pairSec)).toMatch(/visibility pair/);
    expect(refusal(sharedDb, doc, asMentor, sharedSec)).toMatch(/Only what was shared with the program/);
  });
});

describe('sealed check-ins', () => {
  it('refuses a check-in written under the partner’s name, or taken over by the partner', () => {
    const { checkIn, mentor, pairDb, asMentor, pairSec } = setUpSealed();
    const original = aSealedDoc('checkIn', checkIn());
    expect(refusal(pairDb, original, asMentor, pairSec)).toMatch(/written by the person who gave it/);
    const takeover = { ...original, meta: { ...original.meta, author: mentor.id } };
    expect(refusal(pairDb, takeover, asMentor, pairSec, original)).toMatch(/changed by the person who gave it/);
  });

  it('refuses scores or words without who may see them, and both kept private', () => {
    const { checkIn, pairDb, asMentee, pairSec } = setUpSealed();
    const doc = aSealedDoc('checkIn', checkIn());
    for (const meta of [{ scores: undefined }, { words: 'everyone' as Visibility }, { scores: null }]) {
      expect(refusal(pairDb, { ...doc, meta: { ...doc.meta, ...meta } }, asMentee, pairSec)).toMatch(
        /who may see its scores and its words/,
      );
    }
    const allPrivate = aSealedDoc('checkIn', checkIn({ visibility: 'private', notesVisibility: 'private' }));
    expect(refusal(pairDb, allPrivate, asMentee, pairSec)).toMatch(/Private records never leave/);
  });

  it('refuses in the shared database a check-in whose scores were not shared with the program', () => {
    const { checkIn, sharedDb, asMentee, sharedSec } = setUpSealed();
    for (const visibility of ['pair', 'private'] as const) {
      const doc = aSealedDoc('checkIn', checkIn({ visibility }), { visibility: 'program' });
      expect(refusal(sharedDb, doc, asMentee, sharedSec), visibility).toMatch(/scores were shared with the program/);
    }
  });
});

describe('sealed sessions', () => {
  it('refuses a session without its author, or with its author changed', () => {
    const { session, mentee, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    for (const author of [null, '', undefined]) {
      const answer = refusal(pairDb, { ...doc, meta: { ...doc.meta, author } }, asMentor, pairSec);
      expect(answer, String(author)).toMatch(/person who logged it as its meta.author/);
    }
    const takenOver = { ...doc, meta: { ...doc.meta, author: mentee.id } };
    expect(refusal(pairDb, takenOver, asMentee, pairSec, doc)).toMatch(/Who logged a session cannot be changed/);
  });

  it('refuses a session without who may see its words', () => {
    const { session, pairDb, asMentor, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    for (const words of [undefined, 'everyone']) {
      const answer = refusal(pairDb, { ...doc, meta: { ...doc.meta, words } }, asMentor, pairSec);
      expect(answer, String(words)).toMatch(/who may see its words/);
    }
  });

  it('lets only the partner who logged a session change who sees its words, and either change its facts', () => {
    const { session, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const stored = { ...aSealedDoc('session', session({ notesVisibility: 'pair' })), _rev: '1-a' };
    const widened = { ...stored, meta: { ...stored.meta, words: 'program' as const }, sealed: aMadeUpSeal() };
    expect(refusal(pairDb, widened, asMentee, pairSec, stored)).toMatch(/Only the person who logged a session/);
    expect(refusal(pairDb, widened, asMentor, pairSec, stored)).toBeNull();
    const ticked = { ...stored, meta: { ...stored.meta, updated: new Date().toISOString() }, sealed: aMadeUpSeal() };
    expect(refusal(pairDb, ticked, asMentee, pairSec, stored)).toBeNull();
  });

  it('holds a session stored in readable form before sealing to who sees its words there', () => {
    const { session, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const record = session({ notesVisibility: 'pair', notes: 'Said' });
    const stored = { ...aServerDoc('session', record), _rev: '1-a' };
    const resealed = aSealedDoc('session', record);
    expect(refusal(pairDb, resealed, asMentee, pairSec, stored)).toBeNull();
    const widened = aSealedDoc('session', { ...record, notesVisibility: 'program' });
    expect(refusal(pairDb, widened, asMentee, pairSec, stored)).toMatch(/Only the person who logged a session/);
    expect(refusal(pairDb, widened, asMentor, pairSec, stored)).toBeNull();
  });
});

describe('the pair, its people and records of other pairs', () => {
  it('refuses a pair record of another pair, or with someone else as a partner', () => {
    const { pair, mentor, pairDb, asMentee, pairSec } = setUpSealed();
    const other = aServerPair();
    const doc = aSealedDoc('pair', pair);
    expect(refusal(pairDb, aSealedDoc('pair', other.pair), asMentee, pairSec)).toMatch(/another pair/);
    const lyingMeta = aSealedDoc('pair', other.pair, { pairId: pair.id });
    expect(refusal(pairDb, lyingMeta, asMentee, pairSec)).toMatch(/another pair/);
    for (const partners of [
      { mentorId: other.mentor.id },
      { menteeId: other.mentee.id },
      { menteeId: mentor.id },
      { mentorId: undefined },
    ]) {
      const answer = refusal(pairDb, { ...doc, meta: { ...doc.meta, ...partners } }, asMentee, pairSec);
      expect(answer, JSON.stringify(partners)).toMatch(/cannot be changed here/);
    }
  });

  it('refuses a person who is not one of the partners, and a person in a pair', () => {
    const { pair, mentee, pairDb, asMentee, pairSec } = setUpSealed();
    const stranger = aServerPair().mentor;
    expect(refusal(pairDb, aSealedDoc('person', stranger), asMentee, pairSec)).toMatch(/two partners' own records/);
    const inPair = aSealedDoc('person', mentee, { pairId: pair.id });
    expect(refusal(pairDb, inPair, asMentee, pairSec)).toMatch(/meta.pairId must be null/);
  });

  it('refuses a session or check-in of another pair', () => {
    const { session, checkIn, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const otherPairId = aServerPair().pair.id;
    const otherSession = aSealedDoc('session', session({ pairId: otherPairId }));
    expect(refusal(pairDb, otherSession, asMentor, pairSec)).toMatch(/another pair/);
    const otherCheckIn = aSealedDoc('checkIn', checkIn(), { pairId: otherPairId });
    expect(refusal(pairDb, otherCheckIn, asMentee, pairSec)).toMatch(/another pair/);
  });
});
