import { describe, expect, it } from 'vitest';
import { aKeyBox, aMadeUpSeal, aSealedDoc, aServerPair } from '../test/serverDocs';
import { refusal, setUpSealed } from '../test/validateDocUpdate';

// Key boxes, deletions, size and the admin in a pair's sealed databases.
describe('key boxes in a sealed database', () => {
  it('takes an invitation’s box from the admin and a device’s box from a member, in their own name', () => {
    const { pair, mentor, pairDb, sharedDb, asAdmin, asMentor, pairSec, sharedSec } = setUpSealed();
    expect(refusal(pairDb, aKeyBox(pair.id), asAdmin, pairSec)).toBeNull();
    const deviceBox = aKeyBox(pair.id, { author: mentor.id }, `device-${crypto.randomUUID()}`);
    expect(refusal(pairDb, deviceBox, asMentor, pairSec)).toBeNull();
    const forProgram = aKeyBox(pair.id, { author: mentor.id, visibility: 'program', expires: '2027-01-01' });
    expect(refusal(sharedDb, forProgram, asMentor, sharedSec)).toBeNull();
  });

  it('refuses a key box without its box, of another pair, or in the partner’s name', () => {
    const { pair, mentee, pairDb, sharedDb, asMentor, asAdmin, pairSec, sharedSec } = setUpSealed();
    const box = aKeyBox(pair.id);
    for (const as of [asMentor, asAdmin]) {
      expect(refusal(pairDb, { ...box, box: undefined }, as, pairSec)).toMatch(/needs its box/);
      expect(refusal(pairDb, { ...box, box: ['key'] }, as, pairSec)).toMatch(/needs its box/);
      expect(refusal(pairDb, { ...box, box: 'key' }, as, pairSec)).toMatch(/needs its box/);
    }
    const otherPair = aKeyBox(aServerPair().pair.id);
    expect(refusal(pairDb, otherPair, asMentor, pairSec)).toMatch(/key box belongs to another pair/);
    expect(refusal(pairDb, aKeyBox(pair.id, { author: mentee.id }), asMentor, pairSec)).toMatch(
      /in its writer's own name/,
    );
    expect(refusal(pairDb, { ...box, _id: 'keyBox:' }, asMentor, pairSec)).toMatch(/document id/);
    expect(refusal(sharedDb, box, asMentor, sharedSec)).toMatch(/Only what was shared with the program/);
  });

  it('refuses a change of a key box: it is written once, then removed', () => {
    const { pair, mentor, pairDb, asMentor, pairSec } = setUpSealed();
    const stored = { ...aKeyBox(pair.id, { author: mentor.id }), _rev: '1-a' };
    const swapped = { ...stored, box: aKeyBox(pair.id).box };
    expect(refusal(pairDb, swapped, asMentor, pairSec, stored)).toMatch(/cannot be changed/);
    // Once removed, the name may be used again.
    const removed = { _id: stored._id, _rev: '2-b', _deleted: true };
    expect(refusal(pairDb, { ...swapped, _rev: '2-b' }, asMentor, pairSec, removed)).toBeNull();
  });

  it('lets either partner remove a key box, carrying no new box', () => {
    const { pair, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const stored = { ...aKeyBox(pair.id), _rev: '1-a' };
    for (const as of [asMentor, asMentee]) {
      expect(refusal(pairDb, { _id: stored._id, _rev: '1-a', _deleted: true }, as, pairSec, stored)).toBeNull();
      // The stand-in's DELETE validates the stored body marked deleted.
      expect(refusal(pairDb, { ...stored, _deleted: true }, as, pairSec, stored)).toBeNull();
    }
    const smuggled = { _id: stored._id, _rev: '1-a', _deleted: true, box: aKeyBox(pair.id).box };
    expect(refusal(pairDb, smuggled, asMentee, pairSec, stored)).toMatch(/carries no content/);
  });
});

describe('deleting a sealed record', () => {
  it('lets only its author delete a check-in, and a deletion carry nothing new', () => {
    const { checkIn, session, pairDb, asMentor, asMentee, pairSec } = setUpSealed();
    const stored = { ...aSealedDoc('checkIn', checkIn()), _rev: '1-a' };
    const deletion = { _id: stored._id, _rev: '1-a', _deleted: true };
    expect(refusal(pairDb, deletion, asMentor, pairSec, stored)).toMatch(/Only the person who wrote a check-in/);
    expect(refusal(pairDb, deletion, asMentee, pairSec, stored)).toBeNull();
    expect(refusal(pairDb, { ...stored, _deleted: true }, asMentee, pairSec, stored)).toBeNull();
    expect(refusal(pairDb, { ...deletion, sealed: aMadeUpSeal() }, asMentee, pairSec, stored)).toMatch(
      /carries no content/,
    );
    expect(refusal(pairDb, { ...deletion, content: { reflection: 'smuggled' } }, asMentee, pairSec, stored)).toMatch(
      /carries no content/,
    );
    // Without a stored body to compare with, any sealed part is new.
    expect(refusal(pairDb, { ...deletion, sealed: stored.sealed }, asMentee, pairSec)).toMatch(/carries no content/);
    const storedSession = { ...aSealedDoc('session', session()), _rev: '1-a' };
    expect(refusal(pairDb, { ...deletion, _id: storedSession._id }, asMentee, pairSec, storedSession)).toBeNull();
  });
});

describe('size and the admin in a sealed database', () => {
  it('refuses a document over 64 KiB, even from an admin', () => {
    const { session, pairDb, asMentor, asAdmin, pairSec } = setUpSealed();
    const doc = aSealedDoc('session', session());
    const huge = { ...doc, sealed: { ...doc.sealed, data: 'A'.repeat(65 * 1024) } };
    expect(refusal(pairDb, huge, asMentor, pairSec)).toMatch(/too large/);
    expect(refusal(pairDb, huge, asAdmin, pairSec)).toMatch(/too large/);
  });

  it('lets the admin seed any sealed record whose metadata a member could not write', () => {
    const { checkIn, pairDb, asAdmin, asMentor, pairSec } = setUpSealed();
    const underAnotherName = aSealedDoc('checkIn', checkIn());
    expect(refusal(pairDb, underAnotherName, asMentor, pairSec)).not.toBeNull();
    expect(refusal(pairDb, underAnotherName, asAdmin, pairSec)).toBeNull();
  });
});
