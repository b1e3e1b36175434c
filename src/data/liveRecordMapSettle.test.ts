import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { Person } from '../domain/person';
import { aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { useLiveRecordMap } from './liveRecordMap';
import { mergeChanges, type RecordMapReader } from './recordMapChanges';

describe('a live record map that lets writes settle', () => {
  it('reads once, a while after a burst of writes, the records they all touched', async () => {
    const [ana, ben] = [aPerson({ name: 'Ana' }), aPerson({ name: 'Ben' })];
    await seedRecords({ people: [ana, ben] });
    const readSome = vi.fn(
      async (ids: ReadonlySet<string>) =>
        new Map((await db.people.bulkGet([...ids])).map((person, index) => [[...ids][index]!, person ?? null])),
    );
    const reader: RecordMapReader<Person> = {
      tables: ['people'],
      readAll: async () => new Map((await db.people.toArray()).map((person) => [person.id, person])),
      readSome,
      affectedKeys: (changes) => changes.people ?? new Set(),
      settleMs: 150,
    };
    const { result } = renderHook(() => useLiveRecordMap('people', reader));
    await waitFor(() => expect(result.current?.size).toBe(2));

    const writtenAt = performance.now();
    await db.people.update(ana.id, { name: 'Ana Ruiz' });
    await db.people.update(ben.id, { name: 'Ben Osei' });

    await waitFor(() => expect(result.current?.get(ben.id)?.name).toBe('Ben Osei'));
    expect(performance.now() - writtenAt).toBeGreaterThanOrEqual(150);
    expect(result.current?.get(ana.id)?.name).toBe('Ana Ruiz');
    expect(readSome).toHaveBeenCalledTimes(1);
    expect(readSome.mock.calls[0]?.[0]).toEqual(new Set([ana.id, ben.id]));
  });
});

describe('mergeChanges', () => {
  it('joins the keys each table was touched at, and keeps "all" as all', () => {
    expect(
      mergeChanges(
        { pairs: new Set(['a']), people: 'all' },
        { pairs: new Set(['b']), people: new Set(['x']), pairMonths: new Set(['c']) },
      ),
    ).toEqual({
      pairs: new Set(['a', 'b']),
      people: 'all',
      pairMonths: new Set(['c']),
    });
    expect(mergeChanges({ pairs: new Set(['a']) }, { pairs: 'all' })).toEqual({ pairs: 'all' });
  });
});
