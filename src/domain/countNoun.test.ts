import { describe, expect, it } from 'vitest';
import { countOf, countWas, nouns, plural } from './countNoun';

describe('counted nouns', () => {
  it.each([
    [0, 'no records', 'No records were'],
    [1, '1 record', '1 record was'],
    [2, '2 records', '2 records were'],
    [21_345, '21,345 records', '21,345 records were'],
  ])('read as English at %i', (count, counted, withVerb) => {
    expect(countOf(count, nouns.record)).toBe(counted);
    expect(countWas(count, nouns.record)).toBe(withVerb);
  });

  it('use the irregular plural', () => {
    expect([0, 1, 2].map((count) => countOf(count, nouns.person))).toEqual(['no people', '1 person', '2 people']);
    expect(plural(1, nouns.checkIn)).toBe('check-in');
  });
});
