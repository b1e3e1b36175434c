import { describe, expect, it } from 'vitest';
import { aCheckIn, aSession } from '../test/builders';
import { hasBlankWords, withoutWords, withWords, wordsOf } from './privateWords';

const item = { id: 'item-1', text: 'Read the chapter', owner: 'mentee' as const, dueDate: null, done: true };

describe('private words', () => {
  it('take a session’s and a check-in’s words out and give them back, facts untouched', () => {
    const session = aSession({ notes: 'n', topics: ['t'], actionItems: [item], notesVisibility: 'private' });
    const blank = withoutWords('sessions', session);
    expect(hasBlankWords('sessions', blank)).toBe(true);
    expect(blank.actionItems[0]).toEqual({ ...item, text: '' });
    expect(withWords('sessions', blank, wordsOf('sessions', session))).toEqual(session);

    const checkIn = aCheckIn({ reflection: 'r', comments: { trust: 'c' }, notesVisibility: 'private' });
    const blankCheckIn = withoutWords('checkIns', checkIn);
    expect(blankCheckIn).toMatchObject({ reflection: '', comments: {}, scores: checkIn.scores });
    expect(withWords('checkIns', blankCheckIn, wordsOf('checkIns', checkIn))).toEqual(checkIn);
  });

  it('give words only to a record still kept to “only me” whose words are blank, and only words of its shape', () => {
    const checkIn = aCheckIn({ reflection: 'r', notesVisibility: 'private' });
    const words = wordsOf('checkIns', checkIn);
    // Shared since (on another device of its author): the record's own words stand.
    const shared = { ...withoutWords('checkIns', checkIn), notesVisibility: 'pair' as const };
    expect(withWords('checkIns', shared, words)).toBe(shared);
    const rewritten = { ...checkIn, reflection: 'newer words' };
    expect(withWords('checkIns', rewritten, words)).toBe(rewritten);
    const blank = withoutWords('checkIns', checkIn);
    expect(withWords('checkIns', blank, { reflection: 3, comments: {} })).toBe(blank);
    expect(withWords('checkIns', blank, { notes: 'x', topics: [], actionItems: {} })).toBe(blank);
  });
});
