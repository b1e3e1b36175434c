import { RangeSet, type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { changesTo } from './recordMapChanges';

const part = (table: string) => `idb://mentorlog/${table}/`;

describe('changesTo', () => {
  it('names the keys a small write touched', () => {
    const parts: ObservabilitySet = { [part('pairDigests')]: new RangeSet().addKeys(['b', 'a', 'c']) };
    expect(changesTo(parts, 'mentorlog', 'pairDigests')).toEqual(new Set(['a', 'b', 'c']));
  });

  it('says nothing of a table the write left alone', () => {
    const parts: ObservabilitySet = { [part('sessions')]: new RangeSet().addKey('a'), [part('pairs')]: new RangeSet() };
    expect(changesTo(parts, 'mentorlog', 'pairDigests')).toBeNull();
    expect(changesTo(parts, 'mentorlog', 'pairs')).toBeNull();
    expect(changesTo(parts, 'another-database', 'sessions')).toBeNull();
  });

  it('takes a range of keys, as a large write reports, as everything', () => {
    const parts: ObservabilitySet = { [part('pairs')]: new RangeSet('a', 'm') };
    expect(changesTo(parts, 'mentorlog', 'pairs')).toBe('all');
  });

  it('reads the plain copy of the tree that a write in another tab arrives as', () => {
    const copy = structuredClone({ [part('people')]: new RangeSet().addKeys(['x', 'y']) }) as ObservabilitySet;
    expect(changesTo(copy, 'mentorlog', 'people')).toEqual(new Set(['x', 'y']));
  });

  it('takes parts it does not know, as after the back/forward cache, as everything', () => {
    expect(changesTo({ all: new RangeSet(-Infinity, [[]]) }, 'mentorlog', 'pairs')).toBe('all');
  });
});
