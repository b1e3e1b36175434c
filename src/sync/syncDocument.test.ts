import { describe, expect, it } from 'vitest';
import type { Visibility } from '../domain/checkIn';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { outgoingChange, parseDocId, toSyncDocument, type SyncRecord } from './syncDocument';
import { databaseName, databaseOf, type ProgramDatabase } from './serverRules';

const pair = aPair();
const destinations: Record<'pair' | 'shared' | 'directory', ProgramDatabase> = {
  pair: { kind: 'pair', pairId: pair.id },
  shared: { kind: 'shared', pairId: pair.id },
  directory: { kind: 'directory' },
};

/** The text of every doc the record maps to, by database. */
function textByDatabase(entry: SyncRecord): Record<keyof typeof destinations, string> {
  const text = (destination: ProgramDatabase) => JSON.stringify(toSyncDocument(entry, destination) ?? '');
  return { pair: text(destinations.pair), shared: text(destinations.shared), directory: text(destinations.directory) };
}

const levels: Visibility[] = ['private', 'pair', 'program'];
const reaches = (visibility: Visibility, database: 'pair' | 'shared') =>
  visibility === 'program' || (visibility === 'pair' && database === 'pair');

describe('which words of a check-in reach which database', () => {
  const cases = levels.flatMap((visibility) => levels.map((notesVisibility) => ({ visibility, notesVisibility })));

  it.each(cases)('scores $visibility, words $notesVisibility', ({ visibility, notesVisibility }) => {
    const checkIn = aCheckIn({
      pairId: pair.id,
      raterId: pair.menteeId,
      visibility,
      notesVisibility,
      scores: { trust: 4 },
      comments: { trust: 'COMMENT-WORDS' },
      reflection: 'REFLECTION-WORDS',
    });
    const text = textByDatabase({ type: 'checkIn', record: checkIn });
    for (const database of ['pair', 'shared'] as const) {
      // The shared database holds a check-in only for its scores: the program's views are about scores.
      const held =
        database === 'pair'
          ? reaches(visibility, 'pair') || reaches(notesVisibility, 'pair')
          : reaches(visibility, 'shared');
      const wordsShown = held && reaches(notesVisibility, database);
      expect(text[database].includes(checkIn.id), `${database} holds it`).toBe(held);
      expect(text[database].includes('"trust":4'), `${database} shows scores`).toBe(
        held && reaches(visibility, database),
      );
      expect(text[database].includes('REFLECTION-WORDS'), `${database} shows the reflection`).toBe(wordsShown);
      expect(text[database].includes('COMMENT-WORDS'), `${database} shows comments`).toBe(wordsShown);
    }
    expect(text.directory).toBe('""');
  });

  it('maps a private check-in to no document anywhere', () => {
    const checkIn = aCheckIn({
      pairId: pair.id,
      visibility: 'private',
      notesVisibility: 'private',
      reflection: 'SECRET',
    });
    for (const destination of Object.values(destinations)) {
      expect(toSyncDocument({ type: 'checkIn', record: checkIn }, destination)).toBeNull();
    }
  });

  it("gives the doc meta the server's rules read: type, pair, author, audience, stamp, deletion", () => {
    const checkIn = aCheckIn({
      pairId: pair.id,
      raterId: pair.menteeId,
      deletedAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(toSyncDocument({ type: 'checkIn', record: checkIn }, destinations.shared)).toMatchObject({
      _id: `checkIn:${checkIn.id}`,
      meta: {
        type: 'checkIn',
        pairId: pair.id,
        author: pair.menteeId,
        visibility: 'program',
        updated: checkIn.updatedAt,
        deleted: true,
      },
    });
  });
});

describe('which words of a session reach which database', () => {
  it.each(levels)('shows the facts everywhere, and words kept to %s only where they were shared', (notesVisibility) => {
    const session = aSession({
      pairId: pair.id,
      loggedById: pair.mentorId,
      notesVisibility,
      notes: 'NOTES-WORDS',
      topics: ['TOPIC-WORDS'],
      actionItems: [
        { id: crypto.randomUUID(), text: 'ACTION-WORDS', owner: 'mentee', dueDate: '2026-03-01', done: false },
      ],
    });
    const text = textByDatabase({ type: 'session', record: session });
    for (const database of ['pair', 'shared'] as const) {
      expect(text[database], `${database} holds its facts`).toContain('"dueDate":"2026-03-01"');
      expect(text[database]).toContain(`"durationMinutes":${session.durationMinutes}`);
      for (const words of ['NOTES-WORDS', 'TOPIC-WORDS', 'ACTION-WORDS'])
        expect(text[database].includes(words), `${database} shows ${words}`).toBe(reaches(notesVisibility, database));
    }
    expect(toSyncDocument({ type: 'session', record: session }, destinations.pair)?.meta).toMatchObject({
      type: 'session',
      author: pair.mentorId,
      visibility: 'pair',
    });
    expect(text.directory).toBe('""');
  });

  it("puts no session in another pair's databases", () => {
    const session = aSession();
    expect(toSyncDocument({ type: 'session', record: session }, destinations.pair)).toBeNull();
  });
});

describe('the directory', () => {
  it('holds pairs and people, and a pair database holds only its own pair', () => {
    const person = aPerson();
    expect(toSyncDocument({ type: 'person', record: person }, destinations.directory)?.meta).toMatchObject({
      type: 'person',
      pairId: null,
    });
    expect(toSyncDocument({ type: 'pair', record: pair }, destinations.directory)?._id).toBe(`pair:${pair.id}`);
    expect(toSyncDocument({ type: 'pair', record: aPair() }, destinations.pair)).toBeNull();
  });
});

describe('a record whose visibility narrowed', () => {
  const shared = aCheckIn({ pairId: pair.id, visibility: 'program' });
  const narrowed = { ...shared, visibility: 'pair' as const };

  it('is deleted from the shared database it was pushed to', () => {
    expect(outgoingChange({ type: 'checkIn', record: narrowed }, destinations.shared, '3-abc')).toEqual({
      kind: 'delete',
      _id: `checkIn:${shared.id}`,
      _rev: '3-abc',
    });
  });

  it('needs nothing where it was never pushed, and is still put in the pair database', () => {
    expect(outgoingChange({ type: 'checkIn', record: narrowed }, destinations.shared, null)).toBeNull();
    expect(outgoingChange({ type: 'checkIn', record: narrowed }, destinations.pair, '1-x')).toMatchObject({
      kind: 'put',
      doc: { _rev: '1-x' },
    });
  });
});

describe('database names and doc ids', () => {
  it('round-trips', () => {
    for (const destination of Object.values(destinations))
      expect(databaseOf(databaseName(destination))).toEqual(destination);
    expect(databaseOf('_users')).toBeNull();
    expect(parseDocId('checkIn:abc')).toEqual({ type: 'checkIn', recordId: 'abc' });
    expect(parseDocId('_design/mentorlog')).toBeNull();
    expect(parseDocId('note:abc')).toBeNull();
  });
});
