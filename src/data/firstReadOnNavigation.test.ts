import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { Person } from '../domain/person';
import { aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { useLiveRecordMap } from './liveRecordMap';
import { startFirstRead } from './readAhead';
import type { RecordMapReader } from './recordMapChanges';

/** A reader of every person by id, counting its full reads. */
function peopleReader(): RecordMapReader<Person> & {
  readAll: ReturnType<typeof vi.fn<() => Promise<Map<string, Person>>>>;
} {
  return {
    tables: ['people'],
    readAll: vi.fn(async () => new Map((await db.people.toArray()).map((person) => [person.id, person]))),
    readSome: async (ids) => new Map([...ids].map((id) => [id, null])),
    affectedKeys: () => 'all',
  };
}

const names = (map: ReadonlyMap<string, Person> | undefined) =>
  map ? [...map.values()].map((person) => person.name).sort() : undefined;

describe('a read started before its screen renders', () => {
  it('is drawn in the screen’s first render when it is done, and not read again', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' }), aPerson({ name: 'Ben' })] });
    const reader = peopleReader();
    startFirstRead('people', reader);
    await reader.readAll.mock.results[0]?.value;

    const { result } = renderHook(() => useLiveRecordMap('people', reader));

    expect(names(result.current)).toEqual(['Ana', 'Ben']);
    // Still live: a later write is read as usual.
    await db.people.add(aPerson({ name: 'Cy' }));
    await waitFor(() => expect(names(result.current)).toEqual(['Ana', 'Ben', 'Cy']));
    expect(reader.readAll).toHaveBeenCalledTimes(2);
  });

  it('is taken over when it is still under way as the screen renders', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const reader = peopleReader();
    startFirstRead('people', reader);

    const { result } = renderHook(() => useLiveRecordMap('people', reader));

    expect(result.current).toBeUndefined();
    await waitFor(() => expect(names(result.current)).toEqual(['Ana']));
    expect(reader.readAll).toHaveBeenCalledTimes(1);
  });

  it('is drawn at once when a write landed after it began, and only what the write touched is read again', async () => {
    const ana = aPerson({ name: 'Ana' });
    await seedRecords({ people: [ana] });
    const reader = peopleReader();
    const readSome = vi.fn(
      async (ids: ReadonlySet<string>) =>
        new Map((await db.people.bulkGet([...ids])).map((person, index) => [[...ids][index]!, person ?? null])),
    );
    const touching: RecordMapReader<Person> = {
      ...reader,
      readSome,
      affectedKeys: (changes) => changes.people ?? 'all',
    };
    startFirstRead('people', touching);
    await reader.readAll.mock.results[0]?.value;
    const ben = aPerson({ name: 'Ben' });
    await db.people.add(ben);
    await db.people.update(ana.id, { name: 'Ana Ruiz' });

    const { result } = renderHook(() => useLiveRecordMap('people', touching));

    // The early result is drawn, then brought up to date by reading the two people written since.
    expect(names(result.current)).toEqual(['Ana']);
    await waitFor(() => expect(names(result.current)).toEqual(['Ana Ruiz', 'Ben']));
    expect(reader.readAll).toHaveBeenCalledTimes(1);
    expect(readSome).toHaveBeenCalledTimes(1);
    expect(readSome.mock.calls[0]?.[0]).toEqual(new Set([ben.id, ana.id]));
  });

  it('is read again whole when it failed', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const reader = peopleReader();
    reader.readAll.mockRejectedValueOnce(new Error('The read failed.'));
    startFirstRead('people', reader);
    await reader.readAll.mock.results[0]?.value.catch(() => undefined);

    const { result } = renderHook(() => useLiveRecordMap('people', reader));

    await waitFor(() => expect(names(result.current)).toEqual(['Ana']));
    expect(reader.readAll).toHaveBeenCalledTimes(2);
  });

  it('is not used for another key, nor started twice for the same one', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const reader = peopleReader();
    startFirstRead('yesterday', reader);
    startFirstRead('yesterday', reader);
    expect(reader.readAll).toHaveBeenCalledTimes(1);

    const { result } = renderHook(() => useLiveRecordMap('today', reader));

    await waitFor(() => expect(names(result.current)).toEqual(['Ana']));
    expect(reader.readAll).toHaveBeenCalledTimes(2);
  });
});
